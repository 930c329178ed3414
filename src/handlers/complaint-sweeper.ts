/**
 * Scheduled Lambda (EventBridge, hourly): marks open complaints past their SP4N-LAPOR deadline
 * as overdue, so the stream aggregator counts them.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { loadConfig } from '../config/load-config';
import { createCursorCodec } from '../data/cursor';
import { createDynamoClients } from '../data/dynamo-client';
import { createRepositories } from '../data/repositories/create-repositories';
import { Table } from '../data/table';
import { markOverdueComplaints } from '../services/overdue-complaints';

const config = loadConfig(process.env);
const logger = new Logger({ serviceName: 'pembinaan-asn-complaint-sweeper', logLevel: config.logLevel });
const { doc } = createDynamoClients({ region: config.region, endpoint: config.dynamoEndpoint });
// The sweep never pages through cursors; the codec's secret is irrelevant here.
const table = new Table(doc, config.tableName);
const repositories = createRepositories(table, createCursorCodec('unused-by-the-sweep-0123456789abcdef'));

export const handler = async (): Promise<{ marked: number }> => {
  const marked = await markOverdueComplaints({ ...repositories, retries: table.retries }, new Date());
  logger.info('overdue complaints marked', { marked });
  return { marked };
};
