/**
 * Lambda entry point on the table's DynamoDB stream: the rollup aggregator, one change at a time.
 * Failed records are reported (ReportBatchItemFailures); Lambda retries from the first failure,
 * and the aggregator's ledger makes the redelivered successes change nothing.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { createDeps } from '../composition/create-deps';
import { loadConfig } from '../config/load-config';
import { createRollupAggregator } from '../data/rollups/apply-changes';
import { parsableChanges, type StreamChange, toStreamChange } from '../data/rollups/stream-change';

const { table, clock, logger } = createDeps(loadConfig(process.env), { entryPoint: 'aggregator' });
const aggregator = createRollupAggregator(table, clock);
const processor = new BatchProcessor(EventType.DynamoDBStreams);

export const handler = async (
  event: DynamoDBStreamEvent,
  context: Context,
): Promise<DynamoDBBatchResponse> => {
  const applied: StreamChange[] = [];
  await aggregator.loadPrograms(parsableChanges(event.Records as Parameters<typeof parsableChanges>[0]));
  const response = await processPartialResponse(
    event,
    async (record: DynamoDBRecord) => {
      const change = toStreamChange(record as Parameters<typeof toStreamChange>[0]);
      const outcome = await aggregator.applyChange(change);
      if (outcome !== 'skipped') applied.push(change);
      logger.debug('stream record', { eventID: record.eventID, outcome });
    },
    processor,
    { context, processInParallel: false },
  );
  await aggregator.advanceWatermarks(applied);
  return response;
};
