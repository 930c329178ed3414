import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRollupAggregator } from '../../src/data/rollups/apply-changes';
import type { StreamChange } from '../../src/data/rollups/stream-change';
import { createStreamPoller } from '../../src/data/rollups/stream-poller';
import {
  expectedRollups,
  expectSame,
  hiredFirst,
  operation,
  operationTarget,
  programItems,
  scan,
  storedRollups,
} from '../helpers/rollup-fixtures';
import { scratchTable } from '../helpers/scratch-table';

describe('rollups kept by the stream aggregator', () => {
  // Limits with room for a loaded 2-core machine (the run takes about a minute quietly); not a speed check.
  it('equal the recomputation from base items after random creates, updates, deletes and replays', async () => {
    let withLearners = 0;
    let withCategories = 0;
    await fc.assert(
      // Up to 21 random operations after the 4 hires: at most 25 writes a history, as before the hires.
      fc.asyncProperty(fc.array(operation, { minLength: 5, maxLength: 21 }), async (ops) => {
        const { dynamo, table, drop } = await scratchTable('rollups', { stream: true });
        const seen: StreamChange[] = [];
        const aggregator = createRollupAggregator(table);
        const recording = {
          ...aggregator,
          applyChange: async (change: StreamChange) => {
            seen.push(change);
            return aggregator.applyChange(change);
          },
        };
        const poller = createStreamPoller({
          client: dynamo.client,
          table,
          aggregator: recording,
        });
        try {
          for (const item of programItems)
            await dynamo.doc.send(new PutCommand({ TableName: table.name, Item: item }));
          for (const [i, op] of [...hiredFirst, ...ops].entries()) {
            const { key, id } = operationTarget(op);
            if (op.body) {
              await dynamo.doc.send(
                new PutCommand({
                  TableName: table.name,
                  Item: { ...key, ...op.body, agencyId: 'medan', id, version: i },
                }),
              );
            } else {
              await dynamo.doc.send(new DeleteCommand({ TableName: table.name, Key: key }));
            }
            if (op.replay) await poller.drain();
          }
          await poller.drain();
          // At-least-once delivery: apply a random half of everything again.
          for (const change of seen.filter((_, i) => i % 2 === 0)) await aggregator.applyChange(change);
          const items = await scan(table);
          const expected = expectedRollups(items);
          expectSame(storedRollups(items), expected);
          if ([...expected.keys()].some((k) => k.includes('#Rollup#LEARNERS#'))) withLearners += 1;
          // Enrollment cells that store a program's category (read from the stored program).
          if ([...expected.keys()].some((k) => /#PROGRAM_CATEGORY\+UNIT .*(IT|FINANCE)\|/.test(k)))
            withCategories += 1;
        } finally {
          await poller.stop();
          await drop();
        }
      }),
      { numRuns: 10 },
    );
    // The histories reach the learning tallies (employees e1-e4 with their learning), not only other facts.
    expect(withLearners).toBeGreaterThan(0);
    expect(withCategories).toBeGreaterThan(0);
    // Ten random histories, each on a fresh table with its own stream: slow on a busy machine.
  }, 480_000);

  it('changes nothing when the same batch is processed twice', async () => {
    const { dynamo, table, drop } = await scratchTable('rollups', { stream: true });
    const seen: StreamChange[] = [];
    const aggregator = createRollupAggregator(table);
    const poller = createStreamPoller({
      client: dynamo.client,
      table,
      aggregator: {
        ...aggregator,
        applyChange: async (c) => {
          seen.push(c);
          return aggregator.applyChange(c);
        },
      },
    });
    const sample = fc.sample(
      operation.filter((op) => op.body !== undefined),
      { numRuns: 20, seed: 7 },
    );
    for (const [i, op] of sample.entries()) {
      await dynamo.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: { pk: `medan#R#${i}`, sk: 'R', ...op.body, agencyId: 'medan', id: `r${i}` },
        }),
      );
    }
    await poller.drain();
    const before = storedRollups(await scan(table));
    expect(before.size).toBeGreaterThan(0);
    const outcomes = [];
    for (const change of seen) outcomes.push(await aggregator.applyChange(change));
    expect(outcomes.filter((o) => o === 'applied')).toEqual([]);
    expectSame(storedRollups(await scan(table)), before);
    await poller.stop();
    await drop();
  }, 180_000);
});
