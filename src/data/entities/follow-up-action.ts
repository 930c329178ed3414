import type { FollowUpAction } from '../../domain/leadership/follow-up';
import { BadUserInputError, ConflictError } from '../../errors/app-error';
import { defineEntity } from '../entity';
import { ordered } from '../sort-keys';
import { versionConflict, versionedUpdate } from '../versioned-update';
import { type CheckWrite, putNew, type Write } from '../write';
import { employeeEntity } from './employee';
import { evaluationEntity } from './evaluation';

/** Index partition of an evaluation's follow-up actions, shared by the declaration and the repository. */
export const followUpPartitions = {
  evaluation: (agencyId: string, evaluationId: string) => `${agencyId}#Evaluation#${evaluationId}#FollowUp`,
};

/** Follow-up actions. gsi1: an evaluation's actions, oldest first. */
export const followUpActionEntity = defineEntity<FollowUpAction>({
  type: 'FollowUpAction',
  indexes: {
    gsi1: (a) => ({
      pk: followUpPartitions.evaluation(a.agencyId, a.evaluationId),
      sk: ordered(a.createdAt, a.id),
    }),
  },
});

/** The owner must be an ACTIVE employee of the agency when the action is given to them. */
function activeOwner(agencyId: string, ownerId: string): CheckWrite {
  return {
    check: employeeEntity.key(agencyId, ownerId),
    condition: {
      expression: 'attribute_exists(pk) AND #status = :active',
      names: { '#status': 'status' },
      values: { ':active': 'ACTIVE' },
    },
    refused: (stored, cause) =>
      BadUserInputError.of(
        'input.ownerId',
        stored
          ? `the employee is ${String(stored.status)}: give the action to an ACTIVE one`
          : 'no such employee in this agency',
        cause,
      ),
  };
}

/** The writes of follow-up actions. */
export const followUpWrites = {
  /**
   * A new action: counted on its program evaluation (which must exist and be one), at most `max`
   * per evaluation whatever the timing, given to an ACTIVE employee.
   */
  add(action: FollowUpAction, max: number): Write[] {
    return [
      {
        update: evaluationEntity.key(action.agencyId, action.evaluationId),
        add: { followUpCount: 1 },
        condition: {
          expression: 'attribute_exists(pk) AND #kind = :program AND (attribute_not_exists(#n) OR #n < :max)',
          names: { '#kind': 'kind', '#n': 'followUpCount' },
          values: { ':program': 'PROGRAM', ':max': max },
        },
        refused: (stored, cause) => {
          if (!stored)
            return BadUserInputError.of('input.evaluationId', 'no such evaluation in this agency', cause);
          if (stored.kind !== 'PROGRAM')
            return BadUserInputError.of(
              'input.evaluationId',
              'follow-up actions belong to program evaluations',
              cause,
            );
          return new ConflictError(
            `The evaluation already has ${max} follow-up actions`,
            { field: 'input.evaluationId', rule: 'FOLLOW_UP_LIMIT_REACHED' },
            cause,
          );
        },
      },
      activeOwner(action.agencyId, action.ownerId),
      putNew(followUpActionEntity.toItem(action)),
    ];
  },

  /** A change of an action read at `before.version`; a new owner must be ACTIVE. */
  update(before: FollowUpAction, after: FollowUpAction): Write[] {
    return [
      versionedUpdate(followUpActionEntity, before, after, {
        refused: (stored, cause) => versionConflict(followUpActionEntity.type, before.version, stored, cause),
      }),
      ...(after.ownerId !== before.ownerId ? [activeOwner(after.agencyId, after.ownerId)] : []),
    ];
  },
};
