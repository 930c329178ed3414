import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Items one write request carries (0 for a read). */
function writeItemsOf(command: string, input: Record<string, unknown>): number {
  if (command === 'TransactWriteItemsCommand')
    return (input.TransactItems as unknown[] | undefined)?.length ?? 0;
  if (command === 'BatchWriteItemCommand')
    return Object.values((input.RequestItems ?? {}) as Record<string, unknown[]>).reduce(
      (sum, requests) => sum + requests.length,
      0,
    );
  return ['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand'].includes(command) ? 1 : 0;
}

/** Counts DynamoDB requests and sequential waves (requests sent while others are in flight share a wave). */
export interface RequestCounter {
  readonly requests: number;
  readonly waves: number;
  readonly byCommand: Readonly<Record<string, number>>;
  /** Items the write requests carried (a transaction's operations, a batch's puts and deletes). */
  readonly writeItems: number;
  reset(): void;
}

/** Adds a middleware to the client that counts every request it sends. */
export function attachRequestCounter(client: DynamoDBClient): RequestCounter {
  let requests = 0;
  let waves = 0;
  let inFlight = 0;
  let byCommand: Record<string, number> = {};
  let writeItems = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName ?? 'unknown');
      if (inFlight === 0) waves += 1;
      inFlight += 1;
      requests += 1;
      byCommand[command] = (byCommand[command] ?? 0) + 1;
      writeItems += writeItemsOf(command, (args.input ?? {}) as Record<string, unknown>);
      try {
        return await next(args);
      } finally {
        inFlight -= 1;
      }
    },
    { step: 'initialize', name: 'requestCounter' },
  );
  return {
    get requests() {
      return requests;
    },
    get waves() {
      return waves;
    },
    get byCommand() {
      return byCommand;
    },
    get writeItems() {
      return writeItems;
    },
    reset() {
      requests = 0;
      waves = 0;
      byCommand = {};
      writeItems = 0;
    },
  };
}
