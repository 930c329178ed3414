/**
 * Lambda entry point on the table's DynamoDB stream: the rollup aggregator, one change at a time.
 * Failed records are reported (ReportBatchItemFailures); Lambda retries from the first failure,
 * and the aggregator's ledger makes the redelivered successes change nothing.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { loadConfig } from '../config/load-config';
import { createDynamoClients } from '../data/dynamo-client';
import { createRollupAggregator } from '../data/rollups/apply-changes';
import { type StreamChange, toStreamChange } from '../data/rollups/stream-change';
import { Table } from '../data/table';

const config = loadConfig(process.env);
const logger = new Logger({ serviceName: 'pembinaan-asn-aggregator', logLevel: config.logLevel });
const { doc } = createDynamoClients({ region: config.region, endpoint: config.dynamoEndpoint });
const aggregator = createRollupAggregator(new Table(doc, config.tableName));
const processor = new BatchProcessor(EventType.DynamoDBStreams);

export const handler = async (
  event: DynamoDBStreamEvent,
  context: Context,
): Promise<DynamoDBBatchResponse> => {
  const applied: StreamChange[] = [];
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
