import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const AGENCIES = ['medan', 'palembang', 'binjai'];
const NEEDS = `query($filter: TrainingNeedsFilter!) { trainingNeeds(filter: $filter) {
  unit { name } needs { category reasons { figure value threshold } } } }`;
interface Answer {
  trainingNeeds: { unit: { name: string }; needs: { category: string; reasons: { figure: string }[] }[] }[];
}

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'all', { rollups: true, agencies: AGENCIES });
}, 300_000);
afterAll(() => app.close());

describe('the demo data for trainingNeeds (npm start)', () => {
  it('has units with each reason for training (medan, palembang and binjai)', async () => {
    const figures = new Set<string>();
    for (const agency of AGENCIES) {
      const res = await app.request<Answer>(NEEDS, { filter: { year: 2026 } }, { claims: adminOf(agency) });
      expect(res.errors).toBeUndefined();
      for (const unit of res.data?.trainingNeeds ?? [])
        for (const need of unit.needs) for (const r of need.reasons) figures.add(r.figure);
    }
    expect([...figures].sort()).toEqual([
      'AVG_COMPLAINT_RESPONSE_HOURS',
      'COMPLAINTS_OVERDUE',
      'COMPLAINT_RESPONSES_OVERDUE',
      'IKM',
      'INACTIVE_EMPLOYEES',
      'INDICATOR_ACHIEVEMENT',
    ]);
  });

  it('has units with staff who went the last 12 months without learning (INACTIVE_EMPLOYEES)', async () => {
    const res = await app.request<{
      aggregate: { groups: { key: { value: string }[]; values: { value: number | null }[] }[] };
    }>(
      `query { aggregate(input: { measures: [INACTIVE_EMPLOYEES], groupBy: [UNIT], filter: { to: "2026-09-30" } }) {
        groups { key { value } values { value } } } }`,
      {},
      { claims: adminOf('medan') },
    );
    expect(res.errors).toBeUndefined();
    const inactive = (res.data?.aggregate.groups ?? []).map((g) => g.values[0]?.value ?? 0);
    expect(inactive.some((n) => n > 0)).toBe(true);
    expect(inactive.every((n) => n >= 0)).toBe(true);
  });
});
