import type { MentoringSession, Mentorship } from '../../domain/mentorship';
import { defineEntity } from '../entity';
import type { ItemKey } from '../table';

/** Mentorships. gsi1: mentorships of an agency by start date. Session totals are kept by session writes. */
export const mentorshipEntity = defineEntity<Mentorship>({
  type: 'Mentorship',
  indexes: {
    gsi1: (m) => ({ pk: `${m.agencyId}#Mentorship`, sk: `${m.startDate}#${m.id}` }),
  },
  // The mentee's unit at the top level, so a unit head's list can filter on it.
  derived: (m) => ({ menteeUnitId: m.menteeProfile.unitId }),
  external: ['sessionCount', 'totalMinutes'],
});

/** Sessions live in their mentorship's item collection, by date: one Query lists them in order. */
export function mentoringSessionKey(
  agencyId: string,
  mentorshipId: string,
  date: string,
  id: string,
): ItemKey {
  return { pk: mentorshipEntity.key(agencyId, mentorshipId).pk, sk: `Session#${date}#${id}` };
}

/** The stored session item. */
export function mentoringSessionItem(session: MentoringSession) {
  return {
    ...session,
    ...mentoringSessionKey(session.agencyId, session.mentorshipId, session.date, session.id),
    entity: 'MentoringSession',
  };
}
