/**
 * Scheduled Lambda (EventBridge, hourly): brings stored complaint deadlines in line with holiday
 * calendars changed since the last run, then marks open complaints past an SP4N-LAPOR deadline
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
