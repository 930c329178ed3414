import type { TestApp } from './test-app';

/**
 * Runs `action` and returns the DynamoDB calls the app sent meanwhile, in the order they went
 * out, as `<command> <partition>` (the key's `pk`, a query's `:pk`, a batch's first key's `pk`).
 */
export async function callsSentDuring(app: TestApp, action: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const name = 'callsSentDuring';
  app.deps.dynamo.client.middlewareStack.add(
    (next, context) => async (args) => {
      // Document commands carry plain values here, low-level ones typed ({ S: ... }).
      type Value = string | { S?: string } | undefined;
      type Key = { pk?: Value };
      const plain = (v: Value) => (typeof v === 'string' ? v : v?.S);
      const input = args.input as {
        Key?: Key;
        ExpressionAttributeValues?: Record<string, Value>;
        RequestItems?: Record<string, { Keys?: Key[] }>;
      };
      const firstBatchKey = Object.values(input.RequestItems ?? {})[0]?.Keys?.[0];
      const partition =
        plain(input.Key?.pk) ?? plain(input.ExpressionAttributeValues?.[':pk']) ?? plain(firstBatchKey?.pk);
      sent.push(`${context.commandName} ${partition}`);
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    await action();
  } finally {
    app.deps.dynamo.client.middlewareStack.remove(name);
  }
  return sent;
}
