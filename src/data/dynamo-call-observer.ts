import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { currentTelemetry } from '../observability/request-telemetry';

/** Input fields that describe a call without holding data: names, expressions, options. */
const SAFE_INPUT_FIELDS = [
  'TableName',
  'IndexName',
  'KeyConditionExpression',
  'FilterExpression',
  'ProjectionExpression',
  'ConditionExpression',
  'UpdateExpression',
  'ExpressionAttributeNames',
  'Select',
  'Limit',
  'ScanIndexForward',
  'ConsistentRead',
  'ReturnValues',
] as const;

const observed = new WeakSet<DynamoDBClient>();

/**
 * With LOG_LEVEL=debug, logs each DynamoDB call with the id of the API request it serves:
 * command, table, index, expressions and attribute names, counts and duration, never an attribute
 * value (keys, items, expression values, cursors hold personal data: NIPs, names). The document
 * client shares this client's middleware, so both are seen. (Calls are counted per request by the
 * read budget, src/data/read-budget.ts.)
 */
export function observeDynamoCalls(client: DynamoDBClient, logger: Logger, debug: boolean): void {
  if (!debug || observed.has(client)) return;
  observed.add(client);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const telemetry = currentTelemetry();
      const started = performance.now();
      const call = { command: String(context.commandName ?? 'unknown'), ...describeInput(args.input) };
      const requestId = telemetry?.requestId;
      try {
        const result = await next(args);
        const durationMs = Math.round((performance.now() - started) * 10) / 10;
        logger.debug('DynamoDB call', { requestId, ...call, ...describeOutput(result.output), durationMs });
        return result;
      } catch (error) {
        const errorName = error instanceof Error ? error.name : 'Error';
        logger.debug('DynamoDB call failed', { requestId, ...call, errorName });
        throw error;
      }
    },
    { step: 'initialize', name: 'observeDynamoCalls' },
  );
}

/** The call's shape: the safe fields, and for batches and transactions, tables and counts only. */
export function describeInput(input: unknown): Record<string, unknown> {
  const source = (input ?? {}) as Record<string, unknown>;
  const described: Record<string, unknown> = {};
  for (const field of SAFE_INPUT_FIELDS) if (source[field] !== undefined) described[field] = source[field];
  if (isRecord(source.RequestItems)) {
    described.RequestItems = Object.fromEntries(
      Object.entries(source.RequestItems).map(([table, request]) => [table, countOf(request)]),
    );
  }
  if (Array.isArray(source.TransactItems)) {
    described.TransactItems = source.TransactItems.map((item) => {
      const [operation, detail] = Object.entries(item as Record<string, unknown>)[0] ?? ['?', {}];
      const d = detail as Record<string, unknown>;
      return { operation, TableName: d.TableName, ConditionExpression: d.ConditionExpression };
    });
  }
  if (source.ExclusiveStartKey !== undefined) described.resumes = true;
  return described;
}

/** Counts of what came back, never the items. */
export function describeOutput(output: unknown): Record<string, unknown> {
  const source = (output ?? {}) as Record<string, unknown>;
  const described: Record<string, unknown> = {};
  if (typeof source.Count === 'number') described.Count = source.Count;
  if (typeof source.ScannedCount === 'number') described.ScannedCount = source.ScannedCount;
  if (source.LastEvaluatedKey !== undefined) described.hasMore = true;
  if (isRecord(source.Responses)) {
    described.Responses = Object.fromEntries(
      Object.entries(source.Responses).map(([table, items]) => [
        table,
        Array.isArray(items) ? items.length : 0,
      ]),
    );
  }
  if (isRecord(source.UnprocessedKeys) && Object.keys(source.UnprocessedKeys).length > 0) {
    described.unprocessed = true;
  }
  if (source.Item !== undefined) described.found = true;
  return described;
}

/** A batch request's size: keys of a BatchGet, write requests of a BatchWrite. */
function countOf(request: unknown): number {
  if (Array.isArray(request)) return request.length;
  if (isRecord(request) && Array.isArray(request.Keys)) return request.Keys.length;
  return 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
