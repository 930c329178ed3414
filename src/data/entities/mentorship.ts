import type { MenteeRating, MentoringSession, Mentorship } from '../../domain/mentorship';
import { BadUserInputError, ConflictError } from '../../errors/app-error';
import { defineEntity } from '../entity';
import type { Item, ItemKey } from '../item';
import { ordered } from '../sort-keys';
import { versionConflict, versionedUpdate } from '../versioned-update';
import { MUST_EXIST, putNew, type Write } from '../write';
import { employeeEntity } from './employee';
import { claimUniqueValue, releaseUniqueValue } from './unique-value';

/** Index partition of an agency's mentorships, shared by the declaration and the repository. */
export const mentorshipPartitions = {
  agency: (agencyId: string) => `${agencyId}#Mentorship`,
};

/**
 * Mentorships. gsi1: mentorships of an agency by start date. Session totals are kept by session
 * writes, the mentee's rating by its own write.
 */
export const mentorshipEntity = defineEntity<Mentorship>({
  type: 'Mentorship',
  indexes: {
    gsi1: (m) => ({ pk: mentorshipPartitions.agency(m.agencyId), sk: ordered(m.startDate, m.id) }),
  },
  // The mentee's unit at the top level, so a unit head's list can filter on it.
  derived: (m) => ({ menteeUnitId: m.menteeProfile.unitId }),
  // The mentee's rating has its own once-only write; a versioned update never touches it.
  external: ['sessionCount', 'totalMinutes', 'menteeRating'],
});

const SESSION_PREFIX = 'Session#';

/** Sessions live in their mentorship's item collection, by date: one Query lists them in order. */
export const mentoringSessions = {
  key: (s: Pick<MentoringSession, 'agencyId' | 'mentorshipId' | 'date' | 'id'>): ItemKey => ({
    pk: mentorshipEntity.key(s.agencyId, s.mentorshipId).pk,
    sk: `${SESSION_PREFIX}${s.date}#${s.id}`,
  }),
  /** The partition and sort-key prefix of a mentorship's sessions. */
  collection: (agencyId: string, mentorshipId: string) => ({
    partition: mentorshipEntity.key(agencyId, mentorshipId).pk,
    sortPrefix: SESSION_PREFIX,
  }),
  toItem: (session: MentoringSession): Item => ({
    ...session,
    ...mentoringSessions.key(session),
    entity: 'MentoringSession',
  }),
  fromItem: (item: Item): MentoringSession => {
    const { pk: _pk, sk: _sk, entity: _entity, ...session } = item;
    return session as unknown as MentoringSession;
  },
};

/** The guard of an active mentor-mentee pair: held while the mentorship is ACTIVE. */
const PAIR = 'ActiveMentorship';
const pairValue = (m: Mentorship) => `${m.mentorId}:${m.menteeId}`;

/**
 * The writes of mentorships, each one transaction with the mentor's active-mentee counter, both
 * employees' id lists and the active-pair guard. Listed in the order their refusals take precedence.
 */
export const mentorshipWrites = {
  /** Starts a mentorship: only below the mentor's limit of active mentees, and once per active pair. */
  start(mentorship: Mentorship, maxActiveMentees: number): Write[] {
    const { agencyId } = mentorship;
    return [
      claimUniqueValue(
        agencyId,
        PAIR,
        pairValue(mentorship),
        mentorship.id,
        (_, cause) =>
          new ConflictError(
            'These two already have an active mentorship',
            { field: 'input.menteeId' },
            cause,
          ),
      ),
      {
        update: employeeEntity.key(agencyId, mentorship.mentorId),
        add: { activeMenteeCount: 1 },
        append: { mentorshipIdsAsMentor: [mentorship.id] },
        condition: {
          expression: 'attribute_exists(pk) AND (attribute_not_exists(#active) OR #active < :max)',
          names: { '#active': 'activeMenteeCount' },
          values: { ':max': maxActiveMentees },
        },
        refused: (stored, cause) =>
          stored
            ? new ConflictError(
                `The mentor already has ${maxActiveMentees} active mentees`,
                { field: 'input.mentorId', rule: 'MENTEE_LIMIT_REACHED' },
                cause,
              )
            : BadUserInputError.of('input.mentorId', 'no such employee in this agency', cause),
      },
      {
        update: employeeEntity.key(agencyId, mentorship.menteeId),
        append: { mentorshipIdsAsMentee: [mentorship.id] },
        condition: MUST_EXIST,
        refused: (_, cause) =>
          BadUserInputError.of('input.menteeId', 'no such employee in this agency', cause),
      },
      putNew(mentorshipEntity.toItem(mentorship)),
    ];
  },

  /** Ends an active mentorship (completed or cancelled): frees the mentor's place and the pair guard. */
  end(before: Mentorship, after: Mentorship): Write[] {
    return [
      versionedUpdate(mentorshipEntity, before, after, {
        refused: (stored, cause) => versionConflict(mentorshipEntity.type, before.version, stored, cause),
      }),
      {
        update: employeeEntity.key(before.agencyId, before.mentorId),
        add: { activeMenteeCount: -1 },
        condition: MUST_EXIST,
      },
      releaseUniqueValue(before.agencyId, PAIR, pairValue(before)),
    ];
  },

  /** Logs a session in the mentorship's collection and adds it to the totals, only while ACTIVE. */
  logSession(session: MentoringSession): Write[] {
    return [
      {
        update: mentorshipEntity.key(session.agencyId, session.mentorshipId),
        add: { sessionCount: 1, totalMinutes: session.minutes },
        condition: {
          expression: '#status = :active',
          names: { '#status': 'status' },
          values: { ':active': 'ACTIVE' },
        },
        refused: (stored, cause) =>
          BadUserInputError.of(
            'input.mentorshipId',
            `the mentorship is ${String(stored?.status ?? 'gone')}; sessions need an ACTIVE one`,
            cause,
          ),
      },
      putNew(mentoringSessions.toItem(session)),
    ];
  },

  /** Records a goal's outcome: a versioned update (CONFLICT when the mentorship changed since read). */
  recordGoalOutcome(before: Mentorship, after: Mentorship): Write[] {
    return [versionedUpdate(mentorshipEntity, before, after)];
  },

  /** The mentee's rating: once, and only on an ended mentorship, decided by the stored item. */
  rate(mentorship: Pick<Mentorship, 'agencyId' | 'id'>, rating: MenteeRating): Write[] {
    return [
      {
        update: mentorshipEntity.key(mentorship.agencyId, mentorship.id),
        set: { menteeRating: rating },
        condition: {
          expression: 'attribute_exists(pk) AND #status <> :active AND attribute_not_exists(#rating)',
          names: { '#status': 'status', '#rating': 'menteeRating' },
          values: { ':active': 'ACTIVE' },
        },
        refused: (stored, cause) =>
          stored?.menteeRating
            ? new ConflictError(
                'The mentee already rated this mentorship',
                { field: 'input.mentorshipId' },
                cause,
              )
            : BadUserInputError.of(
                'input.mentorshipId',
                `the mentorship is ${String(stored?.status ?? 'gone')}; rate it once it has ended`,
                cause,
              ),
      },
    ];
  },
};
