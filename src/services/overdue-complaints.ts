import { applyCalendarChanges } from './deadline-recompute';
import type { ServiceDeps } from './ports';

/**
 * The scheduled sweep (hourly in AWS, every minute under `npm start`). First, stored complaint
 * deadlines follow any calendar changed since the last sweep. Then open complaints past an
 * SP4N-LAPOR deadline (a first response or the resolution) are marked once, so COMPLAINTS_OVERDUE
 * counts them: time passing changes no record by itself; this job turns it into a change the
 * stream can see. It runs under a system job's retry budget. Returns how many marks it made.
 */
export function markOverdueComplaints(deps: ServiceDeps, now: Date): Promise<number> {
  const { organization, feedback, retries } = deps;
  return retries.forJob(async () => {
    await applyCalendarChanges(deps);
    let marked = 0;
    for (const agency of await organization.allAgencies())
      marked += await feedback.markOverdue(agency.id, now);
    return marked;
  });
}
