import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { cellValues, layoutOf } from '../../domain/analytics/cells';
import type { CellRow } from '../../domain/analytics/combine';
import { cuboidId, FAMILIES, type Family } from '../../domain/analytics/families';
import type { Tally } from '../../domain/analytics/jp-tally';
import { type FamilyRead, OPEN_MONTH_RANGE } from '../../domain/analytics/query-plan';
import { monthIndex, monthOfIndex } from '../../domain/period';
import { ServiceUnavailableError } from '../../errors/app-error';
import type { Table } from '../table';
import {
  bucketRange,
  jpTallyKey,
  parseRollupSortKey,
  ROLLUP_LAYOUT,
  rollupPartition,
  watermarkKey,
} from './rollup-keys';

/** Rollups written under an older layout: a dashboard would read wrong sums until they are rebuilt. */
export class OutdatedRollupLayout extends Error {}

/** A range of at least this many months is read in parts, side by side. */
const MONTHS_PER_PART = 6;
const MAX_PARTS = 4;

/**
 * A range of month buckets cut into up to 4 consecutive ranges of at least 6 months (in order),
 * so a long time series is read by Queries side by side: the table serves one part while the API
 * decodes another. Quarterly states are bucketed by their first month, so they split the same
 * way; an open-ended range, a year range or the timeless `-` stays whole.
 */
export function monthRangeParts(fromBucket: string, toBucket: string): [string, string][] {
  const month = /^\d{4}-\d{2}$/;
  if (!month.test(fromBucket) || !month.test(toBucket)) return [[fromBucket, toBucket]];
  if (fromBucket === OPEN_MONTH_RANGE.from || toBucket === OPEN_MONTH_RANGE.to)
    return [[fromBucket, toBucket]];
  const first = monthIndex(fromBucket);
  const months = monthIndex(toBucket) - first + 1;
  const parts = Math.min(MAX_PARTS, Math.floor(months / MONTHS_PER_PART));
  if (parts < 2) return [[fromBucket, toBucket]];
  return Array.from({ length: parts }, (_, p) => {
    const start = first + Math.floor((p * months) / parts);
    const end = first + Math.floor(((p + 1) * months) / parts) - 1;
    return [monthOfIndex(start), monthOfIndex(end)] as [string, string];
  });
}

/**
 * Reads the cells of one cuboid over a bucket range: Queries of one partition (paged at 1 MB), a
 * long series of months in parts side by side (`monthRangeParts`).
 * An item of an older layout (rollup-keys.ts ROLLUP_LAYOUT) refuses the answer rather than
 * mixing layouts: SERVICE_UNAVAILABLE until `npm run rebuild-rollups` rewrote the rollups.
 */
export async function readCells(table: Table, agencyId: string, read: FamilyRead): Promise<CellRow[]> {
  const partition = rollupPartition(agencyId, read.family, cuboidId(read.cuboid));
  const items = (
    await Promise.all(
      monthRangeParts(read.fromBucket, read.toBucket).map(([from, to]) =>
        table.queryAllAttributeValues({ partition, sortKey: bucketRange(from, to) }),
      ),
    )
  ).flat();
  const layout = layoutOf(read.family, read.cuboid);
  const rows: CellRow[] = [];
  for (const item of items) {
    const key = parseRollupSortKey(item.sk?.S ?? '');
    if (!key) {
      throw new ServiceUnavailableError(
        300,
        new OutdatedRollupLayout(
          `${item.pk?.S} ${item.sk?.S} predates rollup layout ${ROLLUP_LAYOUT}: run npm run rebuild-rollups`,
        ),
      );
    }
    // One pass over the item's numbers (`<tail>|<component>`, as DynamoDB sent them), one row per tail.
    const cells = new Map<string, CellRow>();
    for (const name in item) {
      const number = (item[name] as AttributeValue).N;
      if (number === undefined) continue;
      const value = Number(number);
      if (value === 0) continue;
      const at = name.lastIndexOf('|');
      if (at <= 0) continue;
      const tail = name.slice(0, at);
      let row = cells.get(tail);
      if (!row) {
        row = {
          family: read.family,
          bucket: key.bucket,
          values: cellValues(layout, key.head, tail),
          components: {},
        };
        cells.set(tail, row);
        rows.push(row);
      }
      row.components[name.slice(at + 1)] = value;
    }
  }
  return rows;
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
  // Learners are a state projected up to three quarters ahead of the learning: not months with data.
  const timed = (Object.keys(FAMILIES) as Family[]).filter(
    (family) => FAMILIES[family].time === 'MONTH' || FAMILIES[family].time === 'YEAR',
  );
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
