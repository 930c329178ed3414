import { describe, expect, it } from 'vitest';
import { putNew } from '../../../src/data/write';
import { createWriteFold } from '../../../src/data/write-fold';

const key = { pk: 'medan#TrainingProgram#p1', sk: 'TrainingProgram' };

describe('folding writes into items (the demo seed and the bench loader)', () => {
  it('applies puts, sets, counters, list appends and removals as DynamoDB would', () => {
    const fold = createWriteFold();
    fold.apply([putNew({ ...key, seatsTaken: 0, ids: ['a', 'b', 'c'], note: 'x' })]);
    fold.apply([{ update: key, add: { seatsTaken: 2, waitlistCount: 1 }, append: { ids: ['d'] } }]);
    fold.apply([{ update: key, set: { status: 'OPEN', skipped: undefined }, remove: ['note', 'ids[1]'] }]);
    expect(fold.get(key)).toEqual({
      ...key,
      seatsTaken: 2,
      waitlistCount: 1,
      ids: ['a', 'c', 'd'],
      status: 'OPEN',
    });
    fold.apply([{ delete: key }]);
    expect(fold.items()).toEqual([]);
  });

  it('hands out counter values in order, like Table.increment', () => {
    const fold = createWriteFold();
    const counter = { update: { pk: 'medan#Counter#Certificate#2026', sk: 'Counter' }, add: { serial: 1 } };
    expect([fold.increment(counter, 'serial'), fold.increment(counter, 'serial')]).toEqual([1, 2]);
  });

  it('refuses a write whose existence condition fails: a duplicate record, a missing parent, a taken slot', () => {
    const fold = createWriteFold();
    fold.apply([putNew({ ...key })]);
    expect(() => fold.apply([putNew({ ...key })])).toThrow('Seed write refused');
    const missing = { pk: 'medan#Employee#nobody', sk: 'Employee' };
    expect(() =>
      fold.apply([
        {
          update: missing,
          append: { enrollmentIds: ['e1'] },
          condition: { expression: 'attribute_exists(pk)' },
        },
      ]),
    ).toThrow('Seed write refused');
    const slot = {
      update: { pk: 'medan#Unique#AppraisalYear#e1:2026', sk: 'Unique' },
      set: { m01: 'a1@2026' },
      condition: { expression: 'attribute_not_exists(#m0)', names: { '#m0': 'm01' } },
    };
    fold.apply([slot]);
    expect(() => fold.apply([slot])).toThrow('Seed write refused');
  });

  it('checks the existence terms of a conjunction and leaves the story its other conditions', () => {
    const fold = createWriteFold();
    fold.apply([putNew({ ...key, seatsTaken: 30, capacity: 30 })]);
    // Seats are not evaluated (the story holds them), the record's existence is.
    const seat = {
      update: key,
      add: { seatsTaken: 1 },
      condition: {
        expression: '(attribute_exists(pk)) AND (#seats < #capacity)',
        names: { '#seats': 'seatsTaken', '#capacity': 'capacity' },
      },
    };
    fold.apply([seat]);
    expect(fold.get(key)?.seatsTaken).toBe(31);
    expect(() =>
      fold.apply([{ ...seat, update: { pk: 'medan#TrainingProgram#none', sk: 'TrainingProgram' } }]),
    ).toThrow();
    // A disjunction is not evaluated at all.
    fold.apply([
      {
        put: { ...key },
        condition: { expression: 'attribute_not_exists(pk) OR #e <= :now', names: { '#e': 'expiresAt' } },
      },
    ]);
  });
});
