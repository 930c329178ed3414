/**
 * Scheduled Lambda (EventBridge, hourly): marks open complaints past their SP4N-LAPOR deadline
 * as overdue, so the stream aggregator counts them.
 */
import { createDeps } from '../composition/create-deps';
import { loadConfig } from '../config/load-config';
import { markOverdueComplaints } from '../services/overdue-complaints';

const { repositories, clock, logger } = createDeps(loadConfig(process.env), {
  entryPoint: 'complaint-sweeper',
});

export const handler = async (): Promise<{ marked: number }> => {
  const marked = await markOverdueComplaints(repositories, clock());
  logger.info('overdue complaints marked', { marked });
  return { marked };
};
