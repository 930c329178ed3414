import { complaintDeadlines } from '../../domain/complaint-deadlines';
import { type Feedback, isComplaintKind, isOpenComplaint } from '../../domain/feedback';
import { defineEntity } from '../entity';

/** Sort key of open complaints: the resolution due instant, so `<= cut-off` lists the overdue ones. */
function openComplaintSortKey(f: Feedback): string | undefined {
  if (!isComplaintKind(f.kind) || !isOpenComplaint(f)) return undefined;
  return `${complaintDeadlines(f.kind, f.submittedAt).resolutionDue}#${f.id}`;
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
  // Set by the overdue sweep (the stream then counts the complaint as overdue).
  external: ['overdueAt'],
});
