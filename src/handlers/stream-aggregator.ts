/**
 * Lambda entry point on the table's DynamoDB stream. Reports partial batch failures
 * (ReportBatchItemFailures) so only failed records are retried.
 * The rollup logic lands with the dashboard-aggregates work; until then records are
 * acknowledged after validation.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { loadConfig } from '../config/load-config';

const config = loadConfig(process.env);
const logger = new Logger({ serviceName: 'pembinaan-asn-aggregator', logLevel: config.logLevel });
const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function recordHandler(record: DynamoDBRecord): Promise<void> {
  if (!record.dynamodb?.Keys) throw new Error(`Stream record ${record.eventID} has no keys`);
  logger.debug('stream record', { eventID: record.eventID, eventName: record.eventName });
}

export const handler = (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> =>
  processPartialResponse(event, recordHandler, processor, { context });
