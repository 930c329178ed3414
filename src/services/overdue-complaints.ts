import type { ServiceDeps } from '../server/deps';
import { applyCalendarChanges } from './deadline-recompute';

/**
 * The scheduled sweep (hourly in AWS, every minute under `npm start`). First, stored complaint
 * deadlines follow any calendar changed since the last sweep. Then open complaints past an
 * SP4N-LAPOR deadline (a first response or the resolution) are marked once, so COMPLAINTS_OVERDUE
 * counts them: time passing changes no record by itself; this job turns it into a change the
 * stream can see. Returns how many marks it made.
 */
export async function markOverdueComplaints(deps: ServiceDeps, now: Date): Promise<number> {
  await applyCalendarChanges(deps);
  let marked = 0;
  for (const agency of await deps.organization.allAgencies())
    marked += await deps.feedback.markOverdue(agency.id, now);
  return marked;
}
