import { createServer as createTcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { ReadBudget, withReadBudget } from '../../src/data/read-budget';
import { createRetryPolicy } from '../../src/data/retry-policy';
import { recomputeRollups, rollupItems } from '../../src/data/rollups/recompute';
import { rollupKey, rollupPartition } from '../../src/data/rollups/rollup-keys';
import { readCells } from '../../src/data/rollups/rollup-reader';
import { type Item, Table } from '../../src/data/table';
import { demoItems } from '../../src/demo/seed-demo-data';
import { NO_VALUE } from '../../src/domain/analytics/dimensions';
import type { FamilyRead } from '../../src/domain/analytics/query-plan';
import { QueryTooComplexError, ServiceUnavailableError } from '../../src/errors/app-error';
import { type ScratchTable, scratchTable } from '../helpers/scratch-table';

const NOW = new Date('2026-11-01T03:00:00.000Z');

/** The cells a rollup item holds, read the plain way: its numeric `<tail>|<component>` attributes but zeros. */
function cellsOf(items: readonly Item[]): Map<string, number> {
  const cells = new Map<string, number>();
  for (const item of items) {
    const bucket = String(item.sk).split('#')[0];
    for (const [name, value] of Object.entries(item))
      if (typeof value === 'number' && value !== 0 && name.includes('|'))
        cells.set(`${bucket} ${String(item.sk).split('#')[1]} ${name}`, value);
  }
  return cells;
}

describe('readCells: rollup items read as DynamoDB sends them', () => {
  let scratch: ScratchTable;
  const rollups = rollupItems(recomputeRollups(demoItems(NOW).filter((i) => i.agencyId === 'binjai')));
  beforeAll(async () => {
    scratch = await scratchTable('rollup-reader');
    await scratch.table.batchPut(rollups);
  });
  afterAll(() => scratch.drop());

  it('gives every non-zero cell of a cuboid over a long month range (read in parts) exactly once', async () => {
    const read: FamilyRead = {
      family: 'ENROLLMENT',
      cuboid: ['PROGRAM_CATEGORY', 'UNIT'],
      fromBucket: '2024-01',
      toBucket: '2026-12',
    };
    const partition = rollupPartition('binjai', 'ENROLLMENT', 'PROGRAM_CATEGORY+UNIT');
    const stored = rollups.filter((r) => r.pk === partition);
    const expected = cellsOf(stored);
    expect(expected.size).toBeGreaterThan(50);

    const rows = await readCells(scratch.table, 'binjai', read);
    const got = new Map<string, number>();
    for (const row of rows)
      for (const [component, value] of Object.entries(row.components))
        got.set(`${row.bucket} ${row.values.UNIT} ${row.values.PROGRAM_CATEGORY}|${component}`, value);
    expect(got).toEqual(expected);
    expect(rows.every((r) => r.family === 'ENROLLMENT' && typeof r.values.UNIT === 'string')).toBe(true);
  });

  it('follows a partition past DynamoDB’s 1 MB page, and skips zeros and attributes that are not cells', async () => {
    // 24 items of 2,000 unit cells (about 60 KB each): more than one page of a Query.
    const units = Array.from({ length: 2000 }, (_, u) => `big-unit-${String(u).padStart(4, '0')}`);
    const big = Array.from({ length: 24 }, (_, shard) => {
      const item: Item = {
        ...rollupKey('paging', {
          family: 'ENROLLMENT',
          cuboid: 'UNIT',
          bucket: '2026-03',
          head: NO_VALUE,
          shard: String(shard),
        }),
        entity: 'Rollup',
        note: 'a string|attribute',
        'zero-unit|enrollments': 0,
      };
      for (const [u, unit] of units.entries()) item[`${unit}~${shard}|enrollments`] = u + shard;
      return item;
    });
    await scratch.table.batchPut(big);
    const read: FamilyRead = {
      family: 'ENROLLMENT',
      cuboid: ['UNIT'],
      fromBucket: '2026-03',
      toBucket: '2026-03',
    };
    const counted = new ReadBudget(Number.POSITIVE_INFINITY);
    const rows = await withReadBudget(counted, () => readCells(scratch.table, 'paging', read));

    // Unit 0 of shard 0 holds a zero too: 2,000 x 24 cells less that one.
    expect(rows).toHaveLength(2000 * 24 - 1);
    expect(rows.some((r) => r.values.UNIT === 'zero-unit')).toBe(false);
    const total = rows.reduce((sum, r) => sum + (r.components.enrollments ?? 0), 0);
    const expected = big.reduce(
      (sum, item) =>
        sum + Object.values(item).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0),
      0,
    );
    expect(total).toBe(expected);
    // Every page was charged to the request's budget: one call per page, each item once.
    expect(counted.items).toBe(24);
    expect(counted.calls).toBeGreaterThan(1);
  });

  it('charges the request’s read budget and stops past it', async () => {
    const read: FamilyRead = {
      family: 'ENROLLMENT',
      cuboid: ['UNIT'],
      fromBucket: '2026-03',
      toBucket: '2026-03',
    };
    const small = new ReadBudget(5);
    await expect(
      withReadBudget(small, () => readCells(scratch.table, 'paging', read)),
    ).rejects.toBeInstanceOf(QueryTooComplexError);
  });

  it('answers SERVICE_UNAVAILABLE, not the SDK’s timeout, when the table accepts and never answers', async () => {
    const sockets: Socket[] = [];
    const stalled = createTcpServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((done) => stalled.listen(0, '127.0.0.1', done));
    const address = stalled.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    const retries = createRetryPolicy({ budgets: { requestMs: 300, jobMs: 300 } });
    const dynamo = createDynamoClients({
      region: 'local',
      endpoint: `http://127.0.0.1:${address.port}`,
      timeouts: { requestMs: 150, connectMs: 150 },
      retries,
    });
    const read: FamilyRead = {
      family: 'ENROLLMENT',
      cuboid: ['UNIT'],
      fromBucket: '2024-01',
      toBucket: '2026-12',
    };
    try {
      await expect(
        readCells(new Table(dynamo.doc, 'stalled', retries), 'binjai', read),
      ).rejects.toBeInstanceOf(ServiceUnavailableError);
      expect(sockets.length).toBeGreaterThan(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      dynamo.client.destroy();
      await new Promise((done) => stalled.close(done));
    }
  });
});
