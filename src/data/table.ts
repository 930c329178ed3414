import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
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
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { buildConditions, type Condition } from './conditions';
import { GLOBAL_INDEXES, type IndexName, TABLE_KEYS } from './table-definition';

export type Item = Record<string, unknown>;
export interface ItemKey {
  pk: string;
  sk: string;
}

/** A key condition on one partition of the table or of an index, with optional filters. */
export interface QuerySpec {
  index?: IndexName;
  partition: string;
  sortKey?: { beginsWith: string } | { between: [string, string] } | { gte: string } | { lte: string };
  filters?: Condition[];
  scanForward?: boolean;
  /** Strongly consistent (table queries only). */
  consistent?: boolean;
}

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

const BATCH_GET_MAX = 100;
const BATCH_WRITE_MAX = 25;
const MAX_RETRIES = 8;
const MAX_CONFLICT_RETRIES = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const backoff = (attempt: number) => sleep(Math.min(1000, 20 * 2 ** attempt) * (0.5 + Math.random() / 2));

/** Every SDK call against the single table goes through here. */
export class Table {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly name: string,
  ) {}

  /** BatchGetItem in calls of 100 keys sent together, retrying unprocessed keys. Keyed by `pk\u0000sk`. */
  async batchGet(keys: ItemKey[]): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    const chunks: ItemKey[][] = [];
    for (let i = 0; i < keys.length; i += BATCH_GET_MAX) chunks.push(keys.slice(i, i + BATCH_GET_MAX));
    await Promise.all(
      chunks.map(async (chunk) => {
        let pending: Record<string, unknown>[] = chunk.map((k) => ({ pk: k.pk, sk: k.sk }));
        for (let attempt = 0; pending.length > 0; attempt += 1) {
          if (attempt > MAX_RETRIES) throw new Error('BatchGetItem: unprocessed keys after retries');
          if (attempt > 0) await backoff(attempt);
          const out: BatchGetCommandOutput = await this.doc.send(
            new BatchGetCommand({ RequestItems: { [this.name]: { Keys: pending, ConsistentRead: false } } }),
          );
          for (const item of out.Responses?.[this.name] ?? []) found.set(keyString(item as ItemKey), item);
          pending = (out.UnprocessedKeys?.[this.name]?.Keys as Record<string, unknown>[] | undefined) ?? [];
        }
      }),
    );
    return found;
  }

  /** One item by key, strongly consistent (used right after a conditional write failed). */
  async get(key: ItemKey): Promise<Item | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.name, Key: key, ConsistentRead: true }));
    return out.Item as Item | undefined;
  }

  /** PutItem under a condition; a failed condition becomes ConditionFailedError with the old item. */
  async put(item: Item, condition?: { expression: string; names?: Record<string, string>; values?: Item }) {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.name,
          Item: item,
          ConditionExpression: condition?.expression,
          ExpressionAttributeNames: condition?.names,
          ExpressionAttributeValues: condition?.values,
          ReturnValuesOnConditionCheckFailure: condition ? 'ALL_OLD' : undefined,
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConditionFailedError([0], [error.Item ? unmarshall(error.Item) : undefined], {
          cause: error,
        });
      }
      throw error;
    }
  }

  /** Atomically adds 1 to a number attribute (creating the item) and returns the new value. */
  async increment(key: ItemKey, attribute: string): Promise<number> {
    const out = await this.doc.send(
      new UpdateCommand({
        TableName: this.name,
        Key: key,
        UpdateExpression: 'ADD #n :one',
        ExpressionAttributeNames: { '#n': attribute },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.[attribute]);
  }

  /** One page of a query: up to `limit` items evaluated from `startKey`. */
  async queryPage(
    spec: QuerySpec,
    limit: number | undefined,
    startKey?: Item,
  ): Promise<{ items: Item[]; lastKey: Item | undefined }> {
    const out = await this.doc.send(
      new QueryCommand({ ...this.queryInput(spec), Limit: limit, ExclusiveStartKey: startKey }),
    );
    return { items: (out.Items ?? []) as Item[], lastKey: out.LastEvaluatedKey as Item | undefined };
  }

  /** Every item of a query (use only where the partition is known to be bounded). */
  async queryAll(spec: QuerySpec): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.queryPage(spec, undefined, startKey);
      items.push(...page.items);
      startKey = page.lastKey;
    } while (startKey);
    return items;
  }

  /** Number of items matching a query (Select COUNT, paged). */
  async count(spec: QuerySpec): Promise<number> {
    let total = 0;
    let startKey: Item | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({ ...this.queryInput(spec), Select: 'COUNT', ExclusiveStartKey: startKey }),
      );
      total += out.Count ?? 0;
      startKey = out.LastEvaluatedKey as Item | undefined;
    } while (startKey);
    return total;
  }

  /** TransactWriteItems; retries transaction conflicts, turns failed conditions into ConditionFailedError. */
  async transactWrite(ops: WriteOp[]): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: ops.map((op) => this.withTable(op)) }));
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
        if (failed.length > 0) {
          const items = reasons.map((r) => (r.Item ? unmarshall(r.Item) : undefined));
          throw new ConditionFailedError(failed, items, { cause: error });
        }
        const retryable = reasons.some(
          (r) => r.Code === 'TransactionConflict' || r.Code === 'ThrottlingError',
        );
        // Many writers on one item (the seats of a popular program) conflict often: retry longer.
        if (!retryable || attempt >= MAX_CONFLICT_RETRIES) throw error;
        await backoff(attempt);
      }
    }
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
        for (let attempt = 0; pending.length > 0; attempt += 1) {
          if (attempt > MAX_RETRIES) throw new Error('BatchWriteItem: unprocessed items after retries');
          if (attempt > 0) await backoff(attempt);
          const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.name]: pending } }));
          pending = (out.UnprocessedItems?.[this.name] as WriteRequest[] | undefined) ?? [];
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
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

/** The map key of an item in batch results. */
export function keyString(key: ItemKey): string {
  return `${key.pk}\u0000${key.sk}`;
}
