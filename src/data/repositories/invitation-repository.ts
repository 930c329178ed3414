import type { Enrollment } from '../../domain/training';
import { employeeEntity } from '../entities/employee';
import { enrollmentEntity } from '../entities/enrollment';
import { trainingProgramEntity } from '../entities/training-program';
import { uniqueValueItem, uniqueValueKey } from '../entities/unique-value';
import { feedChanges, transactWithFeed } from '../partner-feed';
import { deleteOp, putNewOp, relationUpdateOp } from '../relation-ops';
import { ConditionFailedError, type Table, type WriteOp } from '../table';
import { versionedUpdateOp } from '../versioned-update';
import { ENROLLMENT_GUARD, enrollmentGuardValue } from './enrollment-repository';

/** Why invitations could not be written: which employee is already in, or the program closed. */
export type InviteRefusal =
  | { reason: 'ALREADY_ENROLLED'; employeeId: string }
  | { reason: 'EMPLOYEE_MISSING'; employeeId: string }
  | { reason: 'PROGRAM_NOT_OPEN' };

/** Why an answer to an invitation could not be written. */
export type AnswerRace = 'ENROLLMENT_CHANGED' | 'NO_SEAT' | 'PROGRAM_NOT_OPEN';

const OPS_PER_INVITATION = 3;

/**
 * Invitations (undangan) to a program: INVITED enrollments that hold no seat and no waitlist
 * place, and are not in any partner feed until accepted. Accepting takes a seat (or a waitlist
 * place) under the same program conditions as a direct enrollment, in one transaction.
 */
export function createInvitationRepository(table: Table) {
  const programKey = (e: Enrollment) => trainingProgramEntity.key(e.agencyId, e.programId);
  const guardKey = (e: Enrollment) => uniqueValueKey(e.agencyId, ENROLLMENT_GUARD, enrollmentGuardValue(e));

  return {
    /** Writes all invitations of one call in one transaction (at most 30), or none. */
    async invite(invitations: Enrollment[]): Promise<InviteRefusal | undefined> {
      const [first] = invitations;
      if (!first) return undefined;
      const ops: WriteOp[] = [
        {
          ConditionCheck: {
            TableName: table.name,
            Key: programKey(first),
            ConditionExpression: `attribute_exists(pk) AND (${openCondition.expression})`,
            ExpressionAttributeNames: openCondition.names,
            ExpressionAttributeValues: openCondition.values,
          },
        },
        ...invitations.flatMap((e) => [
          putNewOp(table, enrollmentEntity.toItem(e)),
          putNewOp(table, uniqueValueItem(e.agencyId, ENROLLMENT_GUARD, enrollmentGuardValue(e), e.id)),
          relationUpdateOp(table, employeeEntity.key(e.agencyId, e.employeeId), {
            append: { enrollmentIds: e.id },
          }),
        ]),
      ];
      try {
        await table.transactWrite(ops);
        return undefined;
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
        if (error.failed.includes(0)) return { reason: 'PROGRAM_NOT_OPEN' };
        const index = error.failed[0] ?? 1;
        const invitation = invitations[Math.floor((index - 1) / OPS_PER_INVITATION)];
        if (!invitation) throw error;
        const slot = (index - 1) % OPS_PER_INVITATION;
        return {
          reason: slot === 2 ? 'EMPLOYEE_MISSING' : 'ALREADY_ENROLLED',
          employeeId: invitation.employeeId,
        };
      }
    },

    /**
     * Accepts an invitation: ENROLLED takes a seat only while seats are free and nobody waits,
     * WAITLISTED a place in the queue; the partner's feed gets the enrollment as CREATED.
     */
    async accept(before: Enrollment, after: Enrollment): Promise<AnswerRace | undefined> {
      const seat = after.status === 'ENROLLED';
      const ops: WriteOp[] = [
        versionedUpdateOp(table, enrollmentEntity, before, after),
        relationUpdateOp(
          table,
          programKey(before),
          { add: seat ? { seatsTaken: 1 } : { waitlistCount: 1 } },
          seat ? seatCondition : openCondition,
        ),
      ];
      try {
        await transactWithFeed(table, ops, feedChanges([{ before, after }]));
        return undefined;
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
        if (error.failed.includes(0)) return 'ENROLLMENT_CHANGED';
        if (error.failed.includes(1))
          return error.items[1]?.status === 'OPEN' ? 'NO_SEAT' : 'PROGRAM_NOT_OPEN';
        throw error;
      }
    },

    /** Declines an invitation: the employee may be invited or enroll again later. */
    async decline(before: Enrollment, after: Enrollment): Promise<AnswerRace | undefined> {
      try {
        await table.transactWrite([
          versionedUpdateOp(table, enrollmentEntity, before, after),
          deleteOp(table, guardKey(before)),
        ]);
        return undefined;
      } catch (error) {
        if (error instanceof ConditionFailedError && error.failed.includes(0)) return 'ENROLLMENT_CHANGED';
        throw error;
      }
    },
  };
}

const openCondition = {
  expression: '#status = :open',
  names: { '#status': 'status' },
  values: { ':open': 'OPEN' },
};

const seatCondition = {
  expression: '#status = :open AND #seats < #capacity AND #waiting = :zero',
  names: {
    '#status': 'status',
    '#seats': 'seatsTaken',
    '#capacity': 'capacity',
    '#waiting': 'waitlistCount',
  },
  values: { ':open': 'OPEN', ':zero': 0 },
};

export type InvitationRepository = ReturnType<typeof createInvitationRepository>;
