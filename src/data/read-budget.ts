import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { QueryTooComplexError } from '../errors/app-error';
import { scopedValue } from '../observability/scoped-value';

/**
 * The DynamoDB items one GraphQL request may read (returned, or scanned by a filter or a COUNT),
 * and the calls it may send. Past either, the call that crossed it and every later call of the
 * request fail with QUERY_TOO_COMPLEX; `stop` ends reading early for another reason (the
 * response grew too big).
 */
export class ReadBudget {
  items = 0;
  calls = 0;
  stopped: QueryTooComplexError | undefined;

  constructor(
    readonly maxItems: number,
    /** DynamoDB calls one request may send: a page of 100 parents each listing its children sends 100 at once. */
    readonly maxCalls = Number.POSITIVE_INFINITY,
  ) {}

  /** Counts a call about to be sent; refuses it (before it leaves) past the budget. */
  beforeCall(): void {
    this.calls += 1;
    if (this.calls > this.maxCalls && !this.stopped)
      this.stop(
        new QueryTooComplexError(
          `The request needs more than ${this.maxCalls} database calls: ask for fewer nested lists per page.`,
          { limit: 'RESPONSE_MAX_DB_CALLS', maximum: this.maxCalls },
        ),
      );
    if (this.stopped) throw this.stopped;
  }

  /** Counts items read; throws once the request has read more than its budget. */
  charge(items: number): void {
    this.items += items;
    if (this.items > this.maxItems && !this.stopped)
      this.stop(
        new QueryTooComplexError(
          `The request read more than ${this.maxItems} database items: ask for smaller pages or fewer nested lists.`,
          { limit: 'RESPONSE_MAX_ITEMS_READ', maximum: this.maxItems },
        ),
      );
    if (this.stopped) throw this.stopped;
  }

  /** No more reads for this request. */
  stop(reason: QueryTooComplexError): void {
    this.stopped ??= reason;
  }
}

/**
 * The budget of the request being served: set where a request starts (the server wraps each
 * one), followed through every await into the repositories without being passed around. Calls
 * made outside a request (seeding, stream aggregation, scripts) have none and are not counted.
 */
const currentBudget = scopedValue<ReadBudget>();

/** Runs `fn` (one request) under `budget`. */
export function withReadBudget<T>(budget: ReadBudget, fn: () => T): T {
  return currentBudget.run(budget, fn);
}

/** The budget of the request in progress, if any. */
export function currentReadBudget(): ReadBudget | undefined {
  return currentBudget.get();
}

/** Items a DynamoDB response read: those scanned by a Query, returned by a Get or BatchGet. */
function itemsRead(output: Record<string, unknown>): number {
  if (typeof output.ScannedCount === 'number') return output.ScannedCount;
  if (Array.isArray(output.Items)) return output.Items.length;
  if (output.Responses && typeof output.Responses === 'object')
    return Object.values(output.Responses as Record<string, unknown[]>).reduce(
      (n, items) => n + items.length,
      0,
    );
  return output.Item ? 1 : 0;
}

/** Adds the middleware that charges every response to the current request's budget. */
export function attachReadBudget(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const budget = currentBudget.get();
      budget?.beforeCall();
      const result = await next(args);
      budget?.charge(itemsRead((result.output ?? {}) as unknown as Record<string, unknown>));
      return result;
    },
    { step: 'initialize', name: 'readBudget' },
  );
}
