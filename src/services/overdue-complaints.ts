import type { ServiceDeps } from './ports';

/**
 * The scheduled sweep (hourly in AWS, every minute under `npm start`): open complaints past their
 * SP4N-LAPOR resolution deadline are marked once, so COMPLAINTS_OVERDUE counts them. Time passing
 * changes no record by itself; this job turns it into a change the stream can see. It runs under
 * a system job's retry budget.
 */
export function markOverdueComplaints(
  { organization, feedback, retries }: Pick<ServiceDeps, 'organization' | 'feedback' | 'retries'>,
  now: Date,
): Promise<number> {
  return retries.forJob(async () => {
    let marked = 0;
    for (const agency of await organization.allAgencies())
      marked += await feedback.markOverdue(agency.id, now);
    return marked;
  });
}
