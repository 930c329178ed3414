import { complaintDeadlines } from '../../domain/complaint-deadlines';
import { type Feedback, isComplaintKind, isOpenComplaint } from '../../domain/feedback';
import { defineEntity } from '../entity';
import type { ItemKey } from '../item';
import { ordered } from '../sort-keys';
import { versionedUpdate } from '../versioned-update';
import { putNew, type UpdateWrite, type Write } from '../write';

/** Sort key of open complaints: the resolution due instant, so `<= cut-off` lists the overdue ones. */
function openComplaintSortKey(f: Feedback): string | undefined {
  if (!isComplaintKind(f.kind) || !isOpenComplaint(f)) return undefined;
  return ordered(complaintDeadlines(f.kind, f.submittedAt).resolutionDue, f.id);
}

/** Index partitions of feedback, shared by the declaration below and the repository's queries. */
export const feedbackPartitions = {
  agency: (agencyId: string) => `${agencyId}#Feedback`,
  unit: (agencyId: string, unitId: string) => `${agencyId}#Unit#${unitId}#Feedback`,
  openComplaints: (agencyId: string) => `${agencyId}#OpenComplaint`,
  unitOpenComplaints: (agencyId: string, unitId: string) => `${agencyId}#Unit#${unitId}#OpenComplaint`,
};

/**
 * Feedback. gsi1: feedback of an agency, gsi2: of a unit, both by submission time (newest
 * first when read backwards). gsi3: open complaints of an agency, gsi4: of a unit, by
 * resolution due date; sparse (a resolved complaint leaves them), so overdue complaints
 * are listed without scanning.
 */
export const feedbackEntity = defineEntity<Feedback>({
  type: 'Feedback',
  indexes: {
    gsi1: (f) => ({ pk: feedbackPartitions.agency(f.agencyId), sk: ordered(f.submittedAt, f.id) }),
    gsi2: (f) => ({ pk: feedbackPartitions.unit(f.agencyId, f.unitId), sk: ordered(f.submittedAt, f.id) }),
    gsi3: (f) => {
      const sk = openComplaintSortKey(f);
      return sk ? { pk: feedbackPartitions.openComplaints(f.agencyId), sk } : undefined;
    },
    gsi4: (f) => {
      const sk = openComplaintSortKey(f);
      return sk ? { pk: feedbackPartitions.unitOpenComplaints(f.agencyId, f.unitId), sk } : undefined;
    },
  },
  // Set by the overdue sweep (the stream then counts the complaint as overdue).
  external: ['overdueAt'],
});

/** The complaint was resolved or marked meanwhile: the sweep has nothing to do for it. */
export class NotOverdueAnymore extends Error {}

/** The writes of feedback. */
export const feedbackWrites = {
  /** A new entry (ids are fresh, so the condition only guards against an id collision). */
  create(feedback: Feedback): Write[] {
    return [putNew(feedbackEntity.toItem(feedback))];
  },

  update(before: Feedback, after: Feedback): Write[] {
    return [versionedUpdate(feedbackEntity, before, after)];
  },

  /** Marks an open complaint overdue, once (SP4N-LAPOR): unless it was resolved or marked meanwhile. */
  markOverdue(key: ItemKey, now: Date): UpdateWrite {
    return {
      update: key,
      set: { overdueAt: now.toISOString() },
      condition: {
        expression:
          'attribute_exists(pk) AND attribute_not_exists(#resolved) AND attribute_not_exists(#overdue)',
        names: { '#resolved': 'resolvedAt', '#overdue': 'overdueAt' },
      },
      refused: (_, cause) => new NotOverdueAnymore('not overdue anymore', { cause }),
    };
  },
};
