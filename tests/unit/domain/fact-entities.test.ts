import { describe, expect, it } from 'vitest';
import { demoItems } from '../../../src/demo/seed-demo-data';
import { contributionOf, FACT_ENTITIES, NO_PROGRAMS } from '../../../src/domain/analytics/facts';

const items = demoItems(new Date('2026-11-01T00:00:00.000Z'));
const contributes = (item: (typeof items)[number]) => {
  const c = contributionOf(item, NO_PROGRAMS);
  return c.facts.length > 0 || c.jp.length > 0;
};

describe('FACT_ENTITIES (what the aggregator subscribes to in AWS)', () => {
  it('names every entity whose items contribute to rollups', () => {
    const contributing = new Set(items.filter(contributes).map((i) => String(i.entity)));
    expect([...contributing].filter((e) => !(FACT_ENTITIES as readonly string[]).includes(e))).toEqual([]);
  });

  it('names only entities some demo item contributes through', () => {
    const contributing = new Set(items.filter(contributes).map((i) => String(i.entity)));
    expect(FACT_ENTITIES.filter((e) => !contributing.has(e))).toEqual([]);
  });
});
