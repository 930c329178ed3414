import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { evaluationEntity, evaluationPartitions } from '../../src/data/entities/evaluation';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { Appraisal } from '../../src/domain/evaluation';
import { exportRows } from '../../src/export/export-records';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T00:00:00.000Z');
const YEAR = 2025;
const QUERY = `query($year: Int!, $unitId: ID) { siasnSkpRecords(year: $year, unitId: $unitId) {
  records { nip tahun hasilKinerja kuadranKinerja penilaiNipNrp statusPenilai }
  refused { nip tahun kuadranKinerja reason } truncated } }`;
type Answer = {
  siasnSkpRecords: {
    records: { nip: string; tahun: number; penilaiNipNrp: string | null; statusPenilai: string | null }[];
    refused: { nip: string; tahun: number; reason: string }[];
    truncated: boolean;
  };
};
let app: TestApp;
/** An appraisal of the year recorded without an appraiser: SIASN would refuse it. */
let unappraised: Appraisal;

async function exported(unitId?: string) {
  const taken: string[] = [];
  const refused: string[] = [];
  for await (const row of exportRows(app.deps.table, 'medan', 'siasn-skp', { year: YEAR, unitId }))
    if ('cells' in row) taken.push(String(row.cells[0]));
    else refused.push(`${row.refused[0]}:${row.reason}`);
  return { taken: taken.sort(), refused: refused.sort() };
}

const ask = async (variables: Record<string, unknown>) => {
  const res = await app.request<Answer>(QUERY, variables, { claims: adminOf('medan') });
  expect(res.errors).toBeUndefined();
  return res.data?.siasnSkpRecords as Answer['siasnSkpRecords'];
};

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'all', { agencies: ['medan'] });
  const page = await app.deps.table.queryPage(
    { index: 'gsi1', partition: evaluationPartitions.agency('medan') },
    500,
  );
  const appraisals = page.items
    .map((i) => evaluationEntity.fromItem(i))
    .filter((e): e is Appraisal => e.kind === 'APPRAISAL' && e.period === String(YEAR) && !!e.appraiser);
  const original = appraisals[0] as Appraisal;
  unappraised = { ...original, id: `${original.id}-x`, appraiser: undefined, evaluatorId: undefined };
  await app.deps.table.put(evaluationEntity.toItem(unappraised));
});
afterAll(() => app.close());

describe('SIASN SKP records through the API', () => {
  it('gives the same records and refusals as the export, from the one mapper', async () => {
    const answer = await ask({ year: YEAR });
    const files = await exported();
    expect(answer.records.map((r) => r.nip).sort()).toEqual(files.taken);
    expect(answer.refused.map((r) => `${r.nip}:${r.reason}`).sort()).toEqual(files.refused);
    expect(answer.records.length).toBeGreaterThan(10);
    for (const r of answer.records) {
      expect(r).toMatchObject({ tahun: YEAR, statusPenilai: 'ASN' });
      expect(r.penilaiNipNrp).toMatch(/^\d{18}$/);
    }
    expect(answer.refused).toContainEqual(
      expect.objectContaining({ tahun: YEAR, reason: 'no appraiser (pejabat penilai kinerja) recorded' }),
    );
    expect(answer.truncated).toBe(false);
  });

  it('narrows to the unit the employee was in when appraised', async () => {
    const unitId = unappraised.unitId;
    const answer = await ask({ year: YEAR, unitId: toGlobalId('Unit', 'medan', unitId) });
    const files = await exported(unitId);
    expect(answer.records.map((r) => r.nip).sort()).toEqual(files.taken);
    expect(answer.refused.map((r) => `${r.nip}:${r.reason}`).sort()).toEqual(files.refused);
    expect(answer.refused.length).toBeGreaterThan(0);
    expect(answer.records.length).toBeLessThan((await exported()).taken.length);
  });

  it('answers an empty year with empty lists', async () => {
    expect(await ask({ year: 2001 })).toEqual({ records: [], refused: [], truncated: false });
  });

  it('is for administrators of the agency only, for a plausible year', async () => {
    const head = {
      sub: 'h',
      'cognito:groups': ['UNIT_HEAD'],
      agency_id: 'medan',
      unit_id: unappraised.unitId,
    };
    const forbidden = await app.request(QUERY, { year: YEAR }, { claims: head });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(forbidden.data).toBeNull();
    const otherUnit = toGlobalId('Unit', 'palembang', 'palembang-plaju');
    const res = await app.request(QUERY, { year: YEAR, unitId: otherUnit }, { claims: adminOf('medan') });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await app.request(QUERY, { year: 1800 }, { claims: adminOf('medan') });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});
