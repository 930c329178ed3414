import { NO_VALUE, SPLIT_FROM, VALUE_SEPARATOR } from '../../domain/analytics/cells';
import type { CellRow } from '../../domain/analytics/combine';
import type { StoredDimension } from '../../domain/analytics/dimensions';
import { cuboidId, FAMILIES, type Family } from '../../domain/analytics/families';
import type { Tally } from '../../domain/analytics/jp-tally';
import type { FamilyRead } from '../../domain/analytics/query-plan';
import type { Table } from '../table';
import { bucketRange, jpTallyKey, parseCellAttribute, rollupPartition, watermarkKey } from './rollup-keys';

/** Reads the cells of one cuboid over a bucket range: one Query of one partition (paged at 1 MB). */
export async function readCells(table: Table, agencyId: string, read: FamilyRead): Promise<CellRow[]> {
  const items = await table.queryAll({
    partition: rollupPartition(agencyId, read.family, cuboidId(read.cuboid)),
    sortKey: bucketRange(read.fromBucket, read.toBucket),
  });
  const rows: CellRow[] = [];
  for (const item of items) {
    const sk = String(item.sk);
    const at = sk.indexOf('#');
    const bucket = sk.slice(0, at);
    const first = sk.slice(at + 1);
    const cells = new Map<string, CellRow>();
    for (const [name, value] of Object.entries(item)) {
      const parsed = typeof value === 'number' ? parseCellAttribute(name) : undefined;
      if (!parsed || value === 0) continue;
      let row = cells.get(parsed.rest);
      if (!row) {
        row = {
          family: read.family,
          bucket,
          values: dimensionValues(read.cuboid, first, parsed.rest),
          components: {},
        };
        cells.set(parsed.rest, row);
      }
      row.components[parsed.component] = value as number;
    }
    rows.push(...cells.values());
  }
  return rows;
}

function dimensionValues(
  cuboid: readonly StoredDimension[],
  first: string,
  rest: string,
): Partial<Record<StoredDimension, string>> {
  const restValues = rest === NO_VALUE ? [] : rest.split(VALUE_SEPARATOR);
  const values = cuboid.length >= SPLIT_FROM ? [first, ...restValues] : restValues;
  return Object.fromEntries(cuboid.map((d, i) => [d, values[i] ?? NO_VALUE]));
}

/** When the rollups of an agency were last brought up to date (the newest change applied). */
export async function rollupsAsOf(table: Table, agencyId: string): Promise<string | undefined> {
  const item = await table.get(watermarkKey(agencyId));
  return typeof item?.asOf === 'string' ? item.asOf : undefined;
}

/** The first and last month with rollups in an agency (`YYYY-MM`), over every family's total cuboid. */
export async function rollupMonths(
  table: Table,
  agencyId: string,
): Promise<{ first: string | undefined; last: string | undefined }> {
  const timed = (Object.keys(FAMILIES) as Family[]).filter((family) => FAMILIES[family].time !== 'NONE');
  const ends = await Promise.all(
    timed.flatMap((family) =>
      [true, false].map(async (scanForward) => {
        const partition = rollupPartition(agencyId, family, cuboidId([]));
        const page = await table.queryPage({ partition, scanForward }, 1);
        const bucket = String(page.items[0]?.sk ?? '').split('#')[0] ?? '';
        if (/^\d{4}-\d{2}$/.test(bucket)) return bucket;
        // Yearly families: a year spans its first to its last month.
        return /^\d{4}$/.test(bucket) ? `${bucket}-${scanForward ? '01' : '12'}` : undefined;
      }),
    ),
  );
  const months = ends.filter((m): m is string => m !== undefined).sort();
  return { first: months[0], last: months.at(-1) };
}

/**
 * The learning tallies of some employees for a year (BatchGet, 100 keys a call): employee id ->
 * tally; employees without learning in the year have none. Kept by the aggregator, so as fresh as
 * the agency's watermark.
 */
export async function readJpTallies(
  table: Table,
  agencyId: string,
  employeeIds: readonly string[],
  year: number,
): Promise<Map<string, Tally>> {
  const found = await table.batchGet(employeeIds.map((id) => jpTallyKey(agencyId, id, String(year))));
  const tallies = new Map<string, Tally>();
  for (const item of found.values())
    tallies.set(String(item.employeeId), (item.contributions ?? {}) as Tally);
  return tallies;
}

/** The rollups as services read them (dashboards): cells of a cuboid over buckets, their freshness and months, JP tallies. */
export function createRollupRepository(table: Table) {
  return {
    readCells: (agencyId: string, read: FamilyRead) => readCells(table, agencyId, read),
    asOf: (agencyId: string) => rollupsAsOf(table, agencyId),
    months: (agencyId: string) => rollupMonths(table, agencyId),
    jpTallies: (agencyId: string, employeeIds: readonly string[], year: number) =>
      readJpTallies(table, agencyId, employeeIds, year),
  };
}

export type RollupRepository = ReturnType<typeof createRollupRepository>;
