import { deadlinesOf, type Feedback, isComplaintKind, isOpenComplaint } from '../../domain/feedback';
import { defineEntity } from '../entity';

/**
 * Sort key of open complaints: the stored resolution due instant (working days of the calendar;
 * rewritten with it when a calendar changes), so `<= cut-off` lists the overdue ones.
 */
function openComplaintSortKey(f: Feedback): string | undefined {
  const { kind } = f;
  if (!isComplaintKind(kind) || !isOpenComplaint(f)) return undefined;
  return `${deadlinesOf({ ...f, kind }).resolutionDue}#${f.id}`;
}

/**
 * Feedback. gsi1: feedback of an agency, gsi2: of a unit, both by submission time (newest
 * first when read backwards). gsi3: open complaints of an agency, gsi4: of a unit, by
 * resolution due date; sparse (a resolved complaint leaves them), so overdue complaints
 * are listed without scanning.
 */
export const feedbackEntity = defineEntity<Feedback>({
  type: 'Feedback',
  indexes: {
    gsi1: (f) => ({ pk: `${f.agencyId}#Feedback`, sk: `${f.submittedAt}#${f.id}` }),
    gsi2: (f) => ({ pk: `${f.agencyId}#Unit#${f.unitId}#Feedback`, sk: `${f.submittedAt}#${f.id}` }),
    gsi3: (f) => {
      const sk = openComplaintSortKey(f);
      return sk ? { pk: `${f.agencyId}#OpenComplaint`, sk } : undefined;
    },
    gsi4: (f) => {
      const sk = openComplaintSortKey(f);
      return sk ? { pk: `${f.agencyId}#Unit#${f.unitId}#OpenComplaint`, sk } : undefined;
    },
  },
  // Set by the overdue sweep (the stream then counts the complaint as overdue); a mark counts
  // only while it lies after the deadline it was made against (a recomputed later one voids it).
  external: ['overdueAt', 'responseOverdueAt'],
});
