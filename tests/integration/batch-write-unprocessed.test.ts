import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetryPolicy } from '../../src/data/retry-policy';
import { type Item, Table } from '../../src/data/table';
import { ServiceUnavailableError } from '../../src/errors/app-error';
import { type ScratchTable, scratchTable } from '../helpers/scratch-table';

let scratch: ScratchTable;
/** BatchWriteItem calls seen, and how many of the next ones DynamoDB Local gets only part of. */
let batchCalls = 0;
let partialCalls = 0;
/** Requests per partial call that reach DynamoDB Local; the rest come back as UnprocessedItems. */
let processedPerCall = 5;

const items = (count: number, prefix: string): Item[] =>
  Array.from({ length: count }, (_, i) => ({ pk: `${prefix}#${i}`, sk: 'Thing', entity: 'Thing', n: i }));

beforeAll(async () => {
  scratch = await scratchTable('unprocessed');
  // As DynamoDB does under throttling: a BatchWriteItem writes part of its requests and hands the
  // rest back as UnprocessedItems. The part really goes to DynamoDB Local; the rest never does.
  scratch.dynamo.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!/^BatchWrite/.test(String(context.commandName))) return next(args);
      batchCalls += 1;
      if (partialCalls <= 0) return next(args);
      partialCalls -= 1;
      const input = args.input as { RequestItems: Record<string, unknown[]> };
      const name = scratch.table.name;
      const requests = input.RequestItems[name] ?? [];
      const sent = requests.slice(0, processedPerCall);
      const held = requests.slice(processedPerCall);
      const result = sent.length
        ? await next({ ...args, input: { ...input, RequestItems: { [name]: sent } } })
        : { output: { $metadata: {} }, response: {} };
      (result.output as { UnprocessedItems?: unknown }).UnprocessedItems = held.length
        ? { [name]: held }
        : {};
      return result as Awaited<ReturnType<typeof next>>;
    },
    { step: 'initialize', name: 'unprocessed-items-injection' },
  );
});
afterAll(() => scratch.drop());

describe('BatchWriteItem under throttling', () => {
  it('retries UnprocessedItems until every item is written, each once', async () => {
    const written = items(60, 'retried');
    batchCalls = 0;
    partialCalls = 6;
    processedPerCall = 5;
    await scratch.table.batchPut(written, 2);
    partialCalls = 0;
    const stored = await scratch.table.batchGet(
      written.map(({ pk, sk }) => ({ pk: String(pk), sk: String(sk) })),
    );
    expect([...stored.values()].map((i) => i.n).sort((a, b) => Number(a) - Number(b))).toEqual(
      written.map((i) => i.n),
    );
    // 3 calls of 25, 25 and 10, and every partial one (6) left items that were sent again.
    expect(batchCalls).toBeGreaterThan(3 + 5);
  });

  it('gives up with SERVICE_UNAVAILABLE once the retry budget is spent, after a bounded number of calls', async () => {
    // A table whose job budget is short: nothing is ever processed.
    const table = new Table(
      scratch.table.doc,
      scratch.table.name,
      createRetryPolicy({ budgets: { requestMs: 300, jobMs: 300 } }),
    );
    batchCalls = 0;
    partialCalls = 1_000;
    processedPerCall = 0;
    await expect(table.batchPut(items(10, 'refused'))).rejects.toBeInstanceOf(ServiceUnavailableError);
    partialCalls = 0;
    expect(batchCalls).toBeGreaterThan(1);
    expect(batchCalls).toBeLessThan(100);
    const stored = await scratch.table.batchGet([{ pk: 'refused#0', sk: 'Thing' }]);
    expect(stored.size).toBe(0);
  });
});
