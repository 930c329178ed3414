import { idempotencyClaimOf } from '../data/idempotency';
import { versionConflict } from '../data/versioned-update';
import type { Evaluation } from '../domain/evaluation';
import {
  changedFollowUp,
  type FollowUpAction,
  type FollowUpChange,
  followUpChangeRefusal,
  MAX_FOLLOW_UPS,
} from '../domain/leadership/follow-up';
import { newRecord } from '../domain/record';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';
import { isSelf } from './staff-scope';

/** Validated input of addFollowUpAction. */
export interface AddFollowUpCommand {
  evaluation: Ref;
  title: string;
  owner: Ref;
  dueDate: string;
  idempotencyKey?: string | undefined;
}

/** Validated input of updateFollowUpAction. */
export interface UpdateFollowUpCommand {
  action: Ref;
  version: number;
  status?: FollowUpAction['status'] | undefined;
  owner?: Ref | undefined;
  dueDate?: string | undefined;
  note?: string | undefined;
}

/**
 * Follow-up actions on program evaluations' recommendations (tindak lanjut). Administrators add
 * and change them; an action's owner may report it DONE or DROPPED with a note. Staff of the
 * agency read them, as they read program evaluations.
 */
export function createFollowUpService(deps: ServiceDeps) {
  const { followUps, evaluations, idempotency, clock, newId } = deps;
  return {
    async get(scope: RequestScope, ref: Ref): Promise<FollowUpAction | null> {
      requireSameAgency(requireStaff(scope.caller), ref.agencyId);
      return (await followUps.get(scope.loader, ref.agencyId, ref.id)) ?? null;
    },

    /** An evaluation's actions, oldest first; null for appraisals. */
    async ofEvaluation(scope: RequestScope, evaluation: Evaluation): Promise<FollowUpAction[] | null> {
      requireSameAgency(requireStaff(scope.caller), evaluation.agencyId);
      if (evaluation.kind !== 'PROGRAM') return null;
      return followUps.ofEvaluation(evaluation.agencyId, evaluation.id);
    },

    async add(scope: RequestScope, input: AddFollowUpCommand): Promise<FollowUpAction> {
      const caller = requireStaff(scope.caller, ['ADMIN']);
      requireSameAgency(caller, input.evaluation.agencyId);
      requireSameAgency(caller, input.owner.agencyId);
      const claim = idempotencyClaimOf(caller.agencyId, 'addFollowUpAction', input);
      return idempotency.once(
        claim,
        async () => {
          const evaluation = await evaluations.getLatest(caller.agencyId, input.evaluation.id);
          if (!evaluation)
            throw BadUserInputError.of('input.evaluationId', 'no such evaluation in this agency');
          if (evaluation.kind !== 'PROGRAM')
            throw BadUserInputError.of(
              'input.evaluationId',
              'follow-up actions belong to program evaluations',
            );
          if (input.dueDate < evaluation.evaluatedAt.slice(0, 10))
            throw BadUserInputError.of('input.dueDate', 'must not be before the evaluation');
          const now = clock();
          const action: FollowUpAction = {
            ...newRecord(caller.agencyId, newId(), now.toISOString()),
            evaluationId: evaluation.id,
            programId: evaluation.programId,
            recommendation: evaluation.recommendation,
            title: input.title,
            ownerId: input.owner.id,
            dueDate: input.dueDate,
            status: 'OPEN',
          };
          await followUps.add(action, MAX_FOLLOW_UPS, now, claim);
          return action;
        },
        { type: 'FollowUpAction', load: (id) => followUps.getLatest(caller.agencyId, id) },
      );
    },

    async update(scope: RequestScope, input: UpdateFollowUpCommand): Promise<FollowUpAction> {
      const caller = requireStaff(scope.caller);
      requireSameAgency(caller, input.action.agencyId);
      if (input.owner) requireSameAgency(caller, input.owner.agencyId);
      const current = await followUps.getLatest(input.action.agencyId, input.action.id);
      if (!current) throw new NotFoundError('FollowUpAction', input.action.id);
      if (caller.role !== 'ADMIN') {
        if (!isSelf(caller, current.ownerId))
          throw new ForbiddenError("Only an administrator or the action's owner may change it");
        if (input.owner || input.dueDate)
          throw new ForbiddenError(
            'Only an administrator may give the action to someone else or move its due date',
          );
      }
      if (current.version !== input.version) throw versionConflict('FollowUpAction', input.version, current);
      const change: FollowUpChange = {
        status: input.status,
        ownerId: input.owner?.id,
        dueDate: input.dueDate,
        note: input.note,
      };
      const refusal = followUpChangeRefusal(current, change);
      if (refusal) throw BadUserInputError.of(refusal.field, refusal.reason);
      const next = changedFollowUp(current, change, clock());
      await followUps.update(current, next);
      return next;
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
