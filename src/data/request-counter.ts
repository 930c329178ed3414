import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Counts DynamoDB requests and sequential waves (requests sent while others are in flight share a wave). */
export interface RequestCounter {
  readonly requests: number;
  readonly waves: number;
  readonly byCommand: Readonly<Record<string, number>>;
  reset(): void;
}

/** Adds a middleware to the client that counts every request it sends. */
export function attachRequestCounter(client: DynamoDBClient): RequestCounter {
  let requests = 0;
  let waves = 0;
  let inFlight = 0;
  let byCommand: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName ?? 'unknown');
      if (inFlight === 0) waves += 1;
      inFlight += 1;
      requests += 1;
      byCommand[command] = (byCommand[command] ?? 0) + 1;
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
    reset() {
      requests = 0;
      waves = 0;
      byCommand = {};
    },
  };
}
