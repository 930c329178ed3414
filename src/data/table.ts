import {
  type AttributeValue,
  QueryCommand as AttributeValueQueryCommand,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ServiceUnavailableError } from '../errors/app-error';
import { auditedWrites } from './audited-transaction';
import { buildConditions } from './conditions';
import { type Item, type ItemKey, keyString } from './item';
import type { QuerySpec } from './query-spec';
import { renderWrite, updateExpression } from './render-write';
import { createRetryPolicy, RetryBudgetSpentError, type RetryPolicy } from './retry-policy';
import { GLOBAL_INDEXES, TABLE_KEYS } from './table-definition';
import { transactGroups } from './transact-groups';
import { isUnavailable } from './unavailable';
import { waitForAll } from './wait-for-all';
import type { UpdateWrite, Write } from './write';

export { type Item, type ItemKey, keyString, type QuerySpec };

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;
type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: ItemKey } };
export type WriteOp = TransactItems[number];

/** A conditional write failed; `failed` lists the indexes of the operations whose condition failed. */
export class ConditionFailedError extends Error {
  constructor(
    readonly failed: number[],
    readonly items: (Item | undefined)[],
    options?: { cause?: unknown },
  ) {
    super(`Condition failed on operation(s) ${failed.join(', ')}`, options);
    this.name = 'ConditionFailedError';
  }
}

/**
 * Whether an error means a write's condition failed: a ConditionFailedError, or a refusal built
 * from one (its cause). Bulk writers (imports) take any such error as "retry this row alone".
 */
export function failedOnCondition(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    if (current instanceof ConditionFailedError) return true;
    const next = (current as Error & { originalError?: unknown }).originalError ?? current.cause;
    current = next;
  }
  return false;
}

/**
 * DynamoDB's paging: `page` is sent from the start, then from each page's last evaluated key,
 * until a page has none (the one loop of queryAll, queryAllAttributeValues and count).
 */
async function everyPage<K>(page: (startKey: K | undefined) => Promise<K | undefined>): Promise<void> {
  let startKey: K | undefined;
  do startKey = await page(startKey);
  while (startKey);
}

/** Batch calls that left keys or items unprocessed (throttling): retried within the budget. */
class UnprocessedError extends Error {}

const BATCH_GET_MAX = 100;
const BATCH_WRITE_MAX = 25;
/**
 * Request timeout of one bulk-load transaction (transactPut): 100 puts can take DynamoDB Local
 * seconds on a busy machine, past the everyday request timeout, and a timed-out call is sent
 * again in full (its puts are idempotent), so a short limit only multiplies the work.
 */
const BULK_CALL_TIMEOUT_MS = 30_000;

/** Cancellation reasons of a transaction that a retry may get through (contention, throttling). */
const RETRYABLE_REASONS = new Set(['TransactionConflict', 'ThrottlingError']);
const retryableCancel = (error: unknown) =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((r) => RETRYABLE_REASONS.has(r.Code ?? ''));

/**
 * Every SDK call against the single table goes through here. Retries (unprocessed batch keys,
 * transaction conflicts) follow the one retry policy; a database that stays unavailable beyond
 * the budget becomes SERVICE_UNAVAILABLE, with the SDK's error kept as the cause.
 */
export class Table {
  readonly retries: RetryPolicy;

  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly name: string,
    retries?: RetryPolicy,
  ) {
    this.retries = retries ?? createRetryPolicy({ budgets: { requestMs: 3000, jobMs: 60_000 } });
  }

  /**
   * What a request sees when the table stays busy or silent beyond its budget; the request then
   * gives up on the database, so its further calls get the same at once (`call`).
   */
  private readonly unavailable = (cause: unknown) => {
    this.retries.giveUp();
    return new ServiceUnavailableError(1, cause);
  };

  /**
   * Makes one SDK call; an unavailable database (after the SDK's budgeted retries) is a typed
   * error. Once the request's retry budget is spent nothing more is sent: the same error at once.
   */
  private async call<T>(send: () => Promise<T>): Promise<T> {
    if (this.retries.spent()) throw new ServiceUnavailableError(1, new RetryBudgetSpentError());
    try {
      return await send();
    } catch (error) {
      throw isUnavailable(error) ? this.unavailable(error) : error;
    }
  }

  /**
   * BatchGetItem in calls of 100 keys sent together, retrying unprocessed keys. Keyed by `pk\u0000sk`.
   * Eventually consistent unless `consistent` (the stream aggregator reads what a change refers to).
   */
  async batchGet(keys: ItemKey[], { consistent = false } = {}): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    const chunks: ItemKey[][] = [];
    for (let i = 0; i < keys.length; i += BATCH_GET_MAX) chunks.push(keys.slice(i, i + BATCH_GET_MAX));
    await Promise.all(
      chunks.map(async (chunk) => {
        let pending: Record<string, unknown>[] = chunk.map((k) => ({ pk: k.pk, sk: k.sk }));
        await this.retries.retry(
          async () => {
            const out = await this.call(() =>
              this.doc.send(
                new BatchGetCommand({
                  RequestItems: { [this.name]: { Keys: pending, ConsistentRead: consistent } },
                }),
              ),
            );
            for (const item of out.Responses?.[this.name] ?? []) found.set(keyString(item as ItemKey), item);
            pending = (out.UnprocessedKeys?.[this.name]?.Keys as Record<string, unknown>[] | undefined) ?? [];
            if (pending.length > 0) throw new UnprocessedError('BatchGetItem left keys unprocessed');
          },
          { retryable: (e) => e instanceof UnprocessedError, exhausted: this.unavailable },
        );
      }),
    );
    return found;
  }

  /** One item by key, strongly consistent (used right after a conditional write failed). */
  async get(key: ItemKey): Promise<Item | undefined> {
    const out = await this.call(() =>
      this.doc.send(new GetCommand({ TableName: this.name, Key: key, ConsistentRead: true })),
    );
    return out.Item as Item | undefined;
  }

  /** PutItem without a condition (bookkeeping: checkpoints, markers, watermarks of a rebuild). */
  async put(item: Item): Promise<void> {
    await this.call(() => this.doc.send(new PutCommand({ TableName: this.name, Item: item })));
  }

  /**
   * Applies a counter's update (`add` of 1, unconditioned, creating the item) and returns the
   * counter's new value: numbers handed out once each, outside any transaction.
   */
  async increment(write: UpdateWrite, attribute: string): Promise<number> {
    const placeholders = { names: {} as Record<string, string>, values: {} as Record<string, unknown> };
    const out = await this.call(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.name,
          Key: write.update,
          UpdateExpression: updateExpression(write, placeholders),
          ExpressionAttributeNames: placeholders.names,
          ExpressionAttributeValues: placeholders.values,
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    return Number(out.Attributes?.[attribute]);
  }

  /** One page of a query: up to `limit` items evaluated from `startKey`. */
  async queryPage(
    spec: QuerySpec,
    limit: number | undefined,
    startKey?: Item,
  ): Promise<{ items: Item[]; lastKey: Item | undefined }> {
    const out = await this.call(() =>
      this.doc.send(
        new QueryCommand({ ...this.queryInput(spec), Limit: limit, ExclusiveStartKey: startKey }),
      ),
    );
    return { items: (out.Items ?? []) as Item[], lastKey: out.LastEvaluatedKey as Item | undefined };
  }

  /** Every item of a query (use only where the partition is known to be bounded). */
  async queryAll(spec: QuerySpec): Promise<Item[]> {
    const items: Item[] = [];
    await everyPage<Item>(async (startKey) => {
      const page = await this.queryPage(spec, undefined, startKey);
      items.push(...page.items);
      return page.lastKey;
    });
    return items;
  }

  /**
   * Every item of a query as DynamoDB sends it (attribute values such as `{ N: '12' }`), not
   * converted into plain objects: for a reader of items with hundreds of numbers (rollups) that
   * reads them itself. The document client's conversion is a second walk over every attribute
   * (the 100k heatmap: 13 of 150 ms CPU). Same budget, retries and paging as queryAll.
   */
  async queryAllAttributeValues(spec: QuerySpec): Promise<Record<string, AttributeValue>[]> {
    const input = this.queryInput(spec);
    const values = marshall(input.ExpressionAttributeValues ?? {});
    const items: Record<string, AttributeValue>[] = [];
    await everyPage<Record<string, AttributeValue>>(async (startKey) => {
      const out = await this.call(() =>
        this.doc.send(
          new AttributeValueQueryCommand({
            ...input,
            ExpressionAttributeValues: values,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      if (out.Items) for (const item of out.Items) items.push(item);
      return out.LastEvaluatedKey;
    });
    return items;
  }

  /** Number of items matching a query (Select COUNT, paged). */
  async count(spec: QuerySpec): Promise<number> {
    let total = 0;
    await everyPage<Item>(async (startKey) => {
      const out = await this.call(() =>
        this.doc.send(
          new QueryCommand({ ...this.queryInput(spec), Select: 'COUNT', ExclusiveStartKey: startKey }),
        ),
      );
      total += out.Count ?? 0;
      return out.LastEvaluatedKey as Item | undefined;
    });
    return total;
  }

  /**
   * Runs writes as one transaction. A failed condition becomes the refusal its write declares
   * (the first in list order); a failed condition without one is a ConditionFailedError (a bug).
   * `bookkeeping`: writes that are not the change a mutation makes, so they carry no audit entry.
   */
  async transact(writes: readonly Write[], options: { bookkeeping?: boolean } = {}): Promise<void> {
    // Inside a mutation, the transaction carries its audit entry (audited-transaction.ts), unless
    // it is bookkeeping around the change (rate-limit tokens) rather than the change itself.
    const audit = options.bookkeeping ? undefined : await auditedWrites(writes);
    const all = audit?.put ? [...writes, audit.put] : writes;
    if (audit?.ahead) await this.put(audit.ahead);
    try {
      await this.transactWrite(all.map((write) => renderWrite(this.name, write)));
      audit?.committed();
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      // A refused transaction surely changed nothing: an entry that went ahead of it is taken
      // back. (After a timeout the change may have happened: the entry stays.)
      const undo = audit?.undo;
      if (undo) await this.transactWrite([renderWrite(this.name, undo)]).catch(() => undefined);
      const refused = error.failed
        .sort((a, b) => a - b)
        .map((i) => ({ refusal: writes[i]?.refused, stored: error.items[i] }))
        .find(({ refusal }) => refusal !== undefined);
      throw refused?.refusal ? refused.refusal(refused.stored, error) : error;
    }
  }

  /**
   * TransactWriteItems; retries conflicts and throttling, turns failed conditions into
   * ConditionFailedError. `requestTimeout` overrides the client's for this call (bulk loads).
   */
  private async transactWrite(ops: WriteOp[], requestTimeout?: number): Promise<void> {
    await this.retries.retry(
      async () => {
        try {
          await this.call(() =>
            this.doc.send(
              new TransactWriteCommand({ TransactItems: ops.map((op) => this.withTable(op)) }),
              requestTimeout ? { requestTimeout } : {},
            ),
          );
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          const reasons = error.CancellationReasons ?? [];
          const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
          if (failed.length === 0) throw error;
          const items = reasons.map((r) => (r.Item ? unmarshall(r.Item) : undefined));
          throw new ConditionFailedError(failed, items, { cause: error });
        }
      },
      // Many writers on one item (the seats of a popular program) conflict often.
      { retryable: retryableCancel, exhausted: this.unavailable },
    );
  }

  /**
   * Unconditioned puts of distinct items as TransactWriteItems of 100 items (and about 3.5 MB at most),
   * `concurrency` calls at a time, each retried within a job's budget: loading a whole data set
   * (the demo seed). DynamoDB Local with a data directory commits a transaction once but every
   * item of a BatchWriteItem alone, so this is several times faster there than batchPut (the
   * demo seed, 18.4k items on a loaded machine: 74 s in calls of 100, 257 s in calls of 25).
   * Each call may take BULK_CALL_TIMEOUT_MS. `onWritten` is told the size of each transaction.
   */
  async transactPut(
    items: readonly Item[],
    concurrency = 1,
    onWritten: (count: number) => void = () => {},
  ): Promise<void> {
    const groups = transactGroups(items);
    let next = 0;
    const worker = async () => {
      for (let group = groups[next++]; group; group = groups[next++]) {
        const ops = group.map((Item) => ({ Put: { TableName: this.name, Item } }));
        await this.retries.forJob(() => this.transactWrite(ops, BULK_CALL_TIMEOUT_MS));
        onWritten(group.length);
      }
    };
    await waitForAll(Array.from({ length: Math.min(concurrency, groups.length) }, worker));
  }

  /** BatchWriteItem puts in calls of 25 (seeding, rebuilds, benchmarks); DynamoDB Local is fastest one call at a time. */
  batchPut(items: Item[], concurrency = 1): Promise<void> {
    return this.batchWrite(
      items.map((Item) => ({ PutRequest: { Item } })),
      concurrency,
    );
  }

  /** BatchWriteItem deletes in calls of 25 (rebuilds). */
  batchDelete(keys: ItemKey[], concurrency = 1): Promise<void> {
    return this.batchWrite(
      keys.map((key) => ({ DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } })),
      concurrency,
    );
  }

  private async batchWrite(requests: WriteRequest[], concurrency: number): Promise<void> {
    const chunks: WriteRequest[][] = [];
    for (let i = 0; i < requests.length; i += BATCH_WRITE_MAX)
      chunks.push(requests.slice(i, i + BATCH_WRITE_MAX));
    let next = 0;
    const worker = async () => {
      for (let chunk = chunks[next++]; chunk; chunk = chunks[next++]) {
        let pending = chunk;
        // Bulk writes outside a request (seeding, rebuilds, imports) are system work: each chunk
        // retries within a job's budget of its own; inside a request they share the request's.
        await this.retries.forJob(() =>
          this.retries.retry(
            async () => {
              const out = await this.call(() =>
                this.doc.send(new BatchWriteCommand({ RequestItems: { [this.name]: pending } })),
              );
              pending = (out.UnprocessedItems?.[this.name] as WriteRequest[] | undefined) ?? [];
              if (pending.length > 0) throw new UnprocessedError('BatchWriteItem left items unprocessed');
            },
            { retryable: (e) => e instanceof UnprocessedError, exhausted: this.unavailable },
          ),
        );
      }
    };
    await waitForAll(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  }

  private withTable(op: WriteOp): WriteOp {
    const [kind] = Object.keys(op) as (keyof WriteOp)[];
    if (!kind) return op;
    return { [kind]: { ...(op[kind] as object), TableName: this.name } } as WriteOp;
  }

  private queryInput(spec: QuerySpec): QueryCommandInput {
    const index = spec.index ? GLOBAL_INDEXES.find((i) => i.indexName === spec.index) : undefined;
    const pkName = index?.partitionKey ?? TABLE_KEYS.partitionKey;
    const skName = index?.sortKey ?? TABLE_KEYS.sortKey;
    const names: Record<string, string> = { '#pk': pkName };
    const values: Record<string, unknown> = { ':pk': spec.partition };
    let keyCondition = '#pk = :pk';
    const sk = spec.sortKey;
    if (sk) {
      names['#sk'] = skName;
      if ('beginsWith' in sk) {
        keyCondition += ' AND begins_with(#sk, :sk)';
        values[':sk'] = sk.beginsWith;
      } else if ('between' in sk) {
        keyCondition += ' AND #sk BETWEEN :sk1 AND :sk2';
        values[':sk1'] = sk.between[0];
        values[':sk2'] = sk.between[1];
      } else if ('gte' in sk) {
        keyCondition += ' AND #sk >= :sk';
        values[':sk'] = sk.gte;
      } else {
        keyCondition += ' AND #sk <= :sk';
        values[':sk'] = sk.lte;
      }
    }
    const filter = spec.filters?.length ? buildConditions(spec.filters, 'f') : undefined;
    return {
      TableName: this.name,
      IndexName: spec.index,
      KeyConditionExpression: keyCondition,
      FilterExpression: filter?.expression,
      ExpressionAttributeNames: { ...names, ...filter?.names },
      ExpressionAttributeValues: { ...values, ...filter?.values },
      ScanIndexForward: spec.scanForward ?? true,
      ConsistentRead: spec.consistent,
    };
  }
}
