import { feedCounterItem, feedEntryItem, partnerSees } from '../data/partner-feed';
import type { Item } from '../data/table';
import { changeTypeOf, type EnrollmentChange } from '../domain/partner-feed';
import type { Enrollment } from '../domain/training';

type Change = Omit<EnrollmentChange, 'sequence'>;

/**
 * The partner feeds the demo enrollments would have produced: a CREATED change when each
 * enrollment of a partner program was made, and one more when a later update ended it
 * (COMPLETED, CANCELLED for a drop, UPDATED for a no-show), numbered in time order per partner,
 * with each partner's counter.
 */
export function demoPartnerFeedItems(enrollments: readonly Enrollment[]): Item[] {
  const changes = enrollments
    .filter((e) => e.partnerId && partnerSees(e))
    .flatMap((e): Change[] => {
      const base = {
        partnerId: e.partnerId as string,
        agencyId: e.agencyId,
        enrollmentId: e.id,
        programId: e.programId,
        employeeId: e.employeeId,
      };
      if (e.version === 1)
        return [{ ...base, changeType: 'CREATED', changedAt: e.createdAt, status: e.status, version: 1 }];
      return [
        {
          ...base,
          changeType: 'CREATED',
          changedAt: e.createdAt,
          status: e.waitlistedAt ? 'WAITLISTED' : 'ENROLLED',
          version: 1,
        },
        {
          ...base,
          changeType: changeTypeOf({ ...e, version: 1 }, e),
          changedAt: e.updatedAt,
          status: e.status,
          version: e.version,
        },
      ];
    })
    .sort((a, b) => a.changedAt.localeCompare(b.changedAt) || a.enrollmentId.localeCompare(b.enrollmentId));
  const sequences = new Map<string, number>();
  const entries = changes.map((change) => {
    const sequence = (sequences.get(change.partnerId) ?? 0) + 1;
    sequences.set(change.partnerId, sequence);
    return feedEntryItem({ ...change, sequence });
  });
  return [...entries, ...[...sequences].map(([partnerId, last]) => feedCounterItem(partnerId, last))];
}
