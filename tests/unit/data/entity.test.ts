import { describe, expect, it } from 'vitest';
import { defineEntity } from '../../../src/data/entity';
import type { RecordMeta } from '../../../src/domain/record';

interface Gadget extends RecordMeta {
  name: string;
  kind: { type: string };
  tags?: string[];
}

const gadget = defineEntity<Gadget>({
  type: 'Gadget',
  indexes: {
    gsi1: (g) => ({ pk: `${g.agencyId}#Gadget`, sk: g.name }),
    gsi3: (g) => (g.tags?.length ? { pk: `${g.agencyId}#Tagged`, sk: g.id } : undefined),
  },
  derived: (g) => ({ kindType: g.kind.type }),
  external: ['seatCount'],
});

const record: Gadget = {
  agencyId: 'medan',
  id: 'g-1',
  name: 'Kalkulator',
  kind: { type: 'ALAT' },
  tags: ['kantor'],
  version: 3,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
};

describe('an entity turning records into items and back', () => {
  it('stores keys, index keys and derived attributes beside the record', () => {
    expect(gadget.toItem(record)).toMatchObject({
      pk: 'medan#Gadget#g-1',
      sk: 'Gadget',
      entity: 'Gadget',
      gsi1pk: 'medan#Gadget',
      gsi1sk: 'Kalkulator',
      gsi3pk: 'medan#Tagged',
      gsi3sk: 'g-1',
      kindType: 'ALAT',
    });
  });

  it('gives back exactly the record: keys, index keys and derived attributes stripped', () => {
    const back = gadget.fromItem(gadget.toItem(record));
    expect(back).toEqual(record);
    expect(Object.keys(back).sort()).toEqual(Object.keys(record).sort());
  });

  it('keeps attributes other writers maintain, and values that are objects, untouched', () => {
    const item = { ...gadget.toItem(record), seatCount: 7 };
    const back = gadget.fromItem(item) as Gadget & { seatCount: number };
    expect(back.seatCount).toBe(7);
    expect(back.kind).toBe(record.kind);
    expect(back).not.toHaveProperty('kindType');
    expect(back).not.toHaveProperty('gsi1pk');
  });
});
