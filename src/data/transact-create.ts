import { ConflictError } from '../errors/app-error';
import { idempotencyItem, idempotencyKey } from './entities/idempotency-record';
import { requestHash } from './request-hash';
import { ConditionFailedError, type Table, type WriteOp } from './table';

/** An idempotency key sent with a create, and a hash of the request it came with. */
export interface IdempotencyClaim {
  agencyId: string;
  operation: string;
  key: string;
  requestHash: string;
}

/**
 * The claim of a create's `idempotencyKey`, bound to a hash of the rest of its input (so the same
 * key with another input is told apart); none when the input carries no key.
 */
export function idempotencyClaimOf(
  agencyId: string,
  operation: string,
  input: { idempotencyKey?: string | undefined },
): IdempotencyClaim | undefined {
  const { idempotencyKey: key, ...request } = input;
  return key ? { agencyId, operation, key, requestHash: requestHash(request) } : undefined;
}

/** The write that claims an idempotency key for a result, in the same transaction as the create. */
export function claimOp(table: Table, claim: IdempotencyClaim, resultId: string, now: Date): WriteOp {
  return {
    Put: {
      TableName: table.name,
      Item: idempotencyItem(claim.agencyId, claim.operation, claim.key, resultId, claim.requestHash, now),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * After a claim lost (the key was used before): the first result's id when the request is the
 * same, CONFLICT when the key came with a different request.
 */
export async function replayedResult(table: Table, claim: IdempotencyClaim): Promise<string | undefined> {
  const previous = await table.get(idempotencyKey(claim.agencyId, claim.operation, claim.key));
  if (!previous) return undefined;
  if (previous.requestHash !== claim.requestHash) {
    throw new ConflictError('idempotencyKey was already used for a different request', {
      field: 'input.idempotencyKey',
    });
  }
  return String(previous.resultId);
}

/**
 * Runs a create transaction. With an idempotency claim, the claim is written in the same
 * transaction; a retry with the same key and input returns the first result's id instead of
 * writing again, and the same key with another input is a CONFLICT. Other failed conditions
 * surface as ConditionFailedError with the indexes of `ops`.
 */
export async function transactCreate(
  table: Table,
  ops: WriteOp[],
  resultId: string,
  now: Date,
  claim?: IdempotencyClaim,
): Promise<{ id: string; replayed: boolean }> {
  if (!claim) {
    await table.transactWrite(ops);
    return { id: resultId, replayed: false };
  }
  try {
    await table.transactWrite([...ops, claimOp(table, claim, resultId, now)]);
    return { id: resultId, replayed: false };
  } catch (error) {
    if (!(error instanceof ConditionFailedError) || !error.failed.includes(ops.length)) throw error;
    const id = await replayedResult(table, claim);
    if (!id) throw error;
    return { id, replayed: true };
  }
}
