import { deadlinesOf, type Feedback, isComplaintKind, isOpenComplaint } from '../../domain/feedback';
import { defineEntity } from '../entity';
import type { ItemKey } from '../item';
import { RaceLostError } from '../race-lost';
import { ordered } from '../sort-keys';
import { versionedUpdate } from '../versioned-update';
import { putNew, type UpdateWrite, type Write } from '../write';

/**
 * Sort key of open complaints: the stored resolution due instant (working days of the calendar;
 * rewritten with it when a calendar changes), so `<= cut-off` lists the overdue ones.
 */
function openComplaintSortKey(f: Feedback): string | undefined {
  const { kind } = f;
  if (!isComplaintKind(kind) || !isOpenComplaint(f)) return undefined;
  return ordered(deadlinesOf({ ...f, kind }).resolutionDue, f.id);
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
  // Set by the overdue sweep (the stream then counts the complaint as overdue); a mark counts
  // only while it lies after the deadline it was made against (a recomputed later one voids it).
  external: ['overdueAt', 'responseOverdueAt'],
});

/** The complaint was resolved, marked or rescheduled meanwhile: the sweep leaves it for its next run. */
export class NotOverdueAnymore extends Error {}

/** The two SP4N-LAPOR deadlines the sweep marks: the sweep's mark and the stored due it judges. */
export const OVERDUE_MARKS = {
  resolution: { mark: 'overdueAt', due: 'resolutionDue' },
  firstResponse: { mark: 'responseOverdueAt', due: 'firstResponseDue' },
} as const;
export type OverdueDeadline = keyof typeof OVERDUE_MARKS;

/** The writes of feedback. */
export const feedbackWrites = {
  /** A new entry (ids are fresh, so the condition only guards against an id collision). */
  create(feedback: Feedback): Write[] {
    return [putNew(feedbackEntity.toItem(feedback))];
  },

  update(before: Feedback, after: Feedback): Write[] {
    return [versionedUpdate(feedbackEntity, before, after)];
  },

  /**
   * Stores the deadlines the current calendars give a complaint (the recompute): a versioned
   * update, so the open-complaint index keys move with the resolution due. A change meanwhile
   * is a lost race: the recompute reads the complaint again and counts anew.
   */
  rescheduled(before: Feedback, after: Feedback): Write[] {
    return [
      versionedUpdate(feedbackEntity, before, after, {
        refused: (_, cause) =>
          new RaceLostError('the complaint changed while its deadlines were counted', { cause }),
      }),
    ];
  },

  /**
   * Marks an open complaint past a deadline (SP4N-LAPOR): `overdueAt` for the resolution,
   * `responseOverdueAt` for a first response that has not come. Conditioned on the deadline it
   * was judged against (`judged.due`: stored, or counted from the receipt for a report from before
   * deadlines were stored), on no resolution, and on no mark made after that deadline: a mark
   * counts only while it lies after its deadline, so a recomputed later deadline voids it.
   */
  markOverdue(
    key: ItemKey,
    deadline: OverdueDeadline,
    judged: { due: string; stored: boolean },
    now: Date,
  ): UpdateWrite {
    const { mark, due } = OVERDUE_MARKS[deadline];
    return {
      update: key,
      set: { [mark]: now.toISOString() },
      condition: {
        expression: `attribute_exists(pk) AND attribute_not_exists(#resolved) AND ${
          judged.stored ? '#due = :due' : 'attribute_not_exists(#due)'
        } AND (attribute_not_exists(#mark) OR #mark <= :due)`,
        names: { '#resolved': 'resolvedAt', '#due': due, '#mark': mark },
        values: { ':due': judged.due },
      },
      refused: (_, cause) => new NotOverdueAnymore('not overdue anymore', { cause }),
    };
  },
};
