import type { ServiceDeps } from './ports';

/**
 * The scheduled sweep (hourly in AWS, every minute under `npm start`): open complaints past their
 * SP4N-LAPOR resolution deadline are marked once, so COMPLAINTS_OVERDUE counts them. Time passing
 * changes no record by itself; this job turns it into a change the stream can see.
 */
export async function markOverdueComplaints(
  { organization, feedback }: ServiceDeps,
  now: Date,
): Promise<number> {
  let marked = 0;
  for (const agency of await organization.allAgencies()) marked += await feedback.markOverdue(agency.id, now);
  return marked;
}
