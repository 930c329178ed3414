import { describe, expect, it } from 'vitest';
import { auditEntryEntity, auditPartitions } from '../../../src/data/entities/audit-entry';
import { employeeEntity, employeePartitions, employeeWrites } from '../../../src/data/entities/employee';
import { enrollmentEntity, enrollmentPartitions } from '../../../src/data/entities/enrollment';
import { enrollmentWrites } from '../../../src/data/entities/enrollment-writes';
import { programPartitions, trainingProgramEntity } from '../../../src/data/entities/training-program';
import { feedChanges, feedWrites } from '../../../src/data/partner-feed';
import { renderWrite } from '../../../src/data/render-write';
import { instantRange, ordered, valueRange, withValue } from '../../../src/data/sort-keys';
import type { Write } from '../../../src/data/write';
import { buildDemoOrganization } from '../../../src/demo/build-organization';
import { buildDemoTraining } from '../../../src/demo/build-training';

/** A rendered transaction item, loosely typed for inspection. */
interface Rendered {
  Key?: unknown;
  Item?: Record<string, unknown>;
  UpdateExpression?: string;
  ConditionExpression?: string;
  ReturnValuesOnConditionCheckFailure?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}
const render = (write: Write) =>
  renderWrite('t', write) as unknown as Partial<Record<'Put' | 'Update', Rendered>>;

const NOW = new Date('2026-11-01T03:00:00.000Z');
const org = buildDemoOrganization(NOW);
const training = buildDemoTraining(NOW, org);
const employee = org.employees[0] as (typeof org.employees)[number];
const enrollment = training.enrollments.find(
  (e) => e.status === 'ENROLLED' && e.partnerId && e.version === 1,
);
if (!enrollment) throw new Error('no fixture');

describe('requests built offline from the entity declarations', () => {
  it('renders a versioned update: SET of owned attributes, REMOVE of cleared ones, never the external lists', () => {
    const before = { ...employee, email: 'old@example.id', enrollmentIds: ['e1'] };
    const after = { ...before, email: undefined, name: 'Budi Baru', version: 2 };
    const Update = render(employeeWrites.update(before, after)[0] as Write).Update ?? {};
    expect(Update.Key).toEqual({ pk: `${employee.agencyId}#Employee#${employee.id}`, sk: 'Employee' });
    expect(Update.ConditionExpression).toBe('attribute_exists(pk) AND #version = :expected');
    expect(Update.ReturnValuesOnConditionCheckFailure).toBe('ALL_OLD');
    const names = Update.ExpressionAttributeNames ?? {};
    const values = Update.ExpressionAttributeValues ?? {};
    const setName = (attribute: string) => Object.keys(names).find((k) => names[k] === attribute);
    expect(Update.UpdateExpression).toContain(`REMOVE ${setName('email')}`);
    expect(Object.values(names)).not.toContain('enrollmentIds');
    expect(Object.values(names)).toContain('gsi1sk');
    expect(values[':expected']).toBe(1);
    // The write's own placeholders never collide with the condition's.
    expect(
      Object.keys(names)
        .filter((k) => k !== '#version')
        .every((k) => k.startsWith('#w')),
    ).toBe(true);
  });

  it('renders an enrollment: guard, employee list, seat counter under its condition, and the record', () => {
    const items = enrollmentWrites.insert(enrollment).map(render);
    expect(items.map((i) => Object.keys(i)[0])).toEqual(['Put', 'Update', 'Update', 'Put']);
    const [guard, list, seat, record] = items;
    expect(guard?.Put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(guard?.Put?.Item?.pk).toBe(
      `${enrollment.agencyId}#Unique#Enrollment#${enrollment.programId}:${enrollment.employeeId}`,
    );
    expect(list?.Update?.UpdateExpression).toBe('SET #w0 = list_append(if_not_exists(#w0, :wempty), :w1)');
    expect(seat?.Update?.Key).toEqual(trainingProgramEntity.key(enrollment.agencyId, enrollment.programId));
    expect(seat?.Update?.UpdateExpression).toBe('ADD #w0 :w1');
    expect(seat?.Update?.ExpressionAttributeValues).toMatchObject({ ':w1': 1, ':open': 'OPEN', ':zero': 0 });
    expect(seat?.Update?.ConditionExpression).toBe(
      '(attribute_exists(pk)) AND (#status = :open AND #seats < #capacity AND #waiting = :zero)',
    );
    expect(record?.Put?.Item).toEqual(enrollmentEntity.toItem(enrollment));
  });

  it("numbers a partner's feed entries after the last sequence read, conditioned on it", () => {
    const writes = feedWrites(
      feedChanges([{ after: enrollment }, { after: { ...enrollment, id: 'x2' } }]),
      () => 7,
    );
    const [counter, ...entries] = writes.map(render);
    expect(counter?.Put?.Item).toMatchObject({ sk: '#sequence', sequence: 9 });
    expect(counter?.Put?.ConditionExpression).toBe('#s = :last');
    expect(counter?.Put?.ExpressionAttributeValues).toEqual({ ':last': 7 });
    expect(entries.map((e) => e.Put?.Item?.sk)).toEqual(['000000000008', '000000000009']);
    const first = feedWrites(feedChanges([{ after: enrollment }]), () => undefined)[0];
    expect(render(first as Write)).toMatchObject({
      Put: { ConditionExpression: 'attribute_not_exists(pk)' },
    });
  });

  it('refuses to render an update that changes nothing', () => {
    expect(() => renderWrite('t', { update: { pk: 'a', sk: 'b' } })).toThrow('Empty update');
  });

  it('declares every index key with the partition builders the repositories query', () => {
    const e = enrollmentEntity.toItem({ ...enrollment, status: 'WAITLISTED' });
    expect(e.gsi1pk).toBe(enrollmentPartitions.program(enrollment.agencyId, enrollment.programId));
    expect(e.gsi2pk).toBe(enrollmentPartitions.waitlist(enrollment.agencyId, enrollment.programId));
    expect(e.gsi3pk).toBe(enrollmentPartitions.unit(enrollment.agencyId, enrollment.unitId));
    const p = trainingProgramEntity.toItem(training.programs.find((x) => x.partnerId) as never);
    expect([p.gsi1pk, p.gsi2pk]).toEqual([
      programPartitions.agency(String(p.agencyId)),
      programPartitions.partner(String(p.agencyId), String(p.partnerId)),
    ]);
    const emp = employeeEntity.toItem(employee);
    expect([emp.gsi1pk, emp.gsi2pk]).toEqual([
      employeePartitions.agency(employee.agencyId),
      employeePartitions.unit(employee.agencyId, employee.unitId),
    ]);
    const audit = auditEntryEntity.toItem({
      agencyId: 'medan',
      id: 'a1',
      version: 1,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      mutation: 'createEmployee',
      actorSubject: 'admin-medan',
      targetId: 'RW1wbG95ZWU',
    } as never);
    expect([audit.gsi1pk, audit.gsi2pk, audit.gsi3pk, audit.gsi4pk]).toEqual([
      auditPartitions.agency('medan'),
      auditPartitions.actor('medan', 'admin-medan'),
      auditPartitions.target('medan', 'RW1wbG95ZWU'),
      auditPartitions.mutation('medan', 'createEmployee'),
    ]);
    for (const item of [e, p, emp, audit]) {
      for (const key of ['pk', 'gsi1pk', 'gsi2pk', 'gsi3pk', 'gsi4pk']) {
        if (item[key] !== undefined)
          expect(String(item[key]).startsWith(`${String(item.agencyId)}#`)).toBe(true);
      }
    }
  });

  it('selects ordered sort keys by value: a year, a date range, an instant range with `to` exclusive', () => {
    expect(withValue(2026)).toEqual({ beginsWith: '2026#' });
    expect(valueRange('2026-01-01', '2026-03-31')).toEqual({ between: ['2026-01-01', '2026-03-31#\uffff'] });
    expect(valueRange(undefined, '2026-03-31')).toEqual({ lte: '2026-03-31#\uffff' });
    expect(valueRange(undefined, undefined)).toBeUndefined();
    const range = instantRange('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');
    expect(range).toEqual({ between: ['2026-01-01T00:00:00.000Z', '2026-01-31T23:59:59.999Z#\uffff'] });
    const inside = ordered('2026-01-31T23:59:59.999Z', 'zzz');
    const outside = ordered('2026-02-01T00:00:00.000Z', '000');
    const upper = (range as { between: [string, string] }).between[1];
    expect([inside <= upper, outside <= upper]).toEqual([true, false]);
  });
});
