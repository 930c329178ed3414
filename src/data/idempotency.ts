import { ConflictError, NotFoundError } from '../errors/app-error';
import { idempotencyExpired, idempotencyItem, idempotencyKey } from './entities/idempotency-record';
import type { Item } from './item';
import { requestHash } from './request-hash';
import type { Table } from './table';
import type { Write } from './write';

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

/** A claim was already made by the same request: the create happened, answer with its result. */
export class AlreadyCreated extends Error {
  constructor(
    readonly resultId: string,
    options?: { cause?: unknown },
  ) {
    super(`Already created: ${resultId}`, options);
    this.name = 'AlreadyCreated';
  }
}

/** What a stored claim means for a request with `claim`: its first result, or a CONFLICT. */
function answerOf(claim: IdempotencyClaim, stored: Item, cause?: unknown): Error {
  if (stored.requestHash === claim.requestHash) return new AlreadyCreated(String(stored.resultId), { cause });
  return new ConflictError(
    'idempotencyKey was already used for a different request',
    { field: 'input.idempotencyKey' },
    cause,
  );
}

/**
 * A create's writes with the claim of its key in front (its refusal takes precedence: a retry
 * whose record and guards already exist is answered as the first request was). The claim may
 * replace one past its 24 hours.
 */
export function withClaim(writes: Write[], claim: IdempotencyClaim | undefined, resultId: string, now: Date) {
  if (!claim) return writes;
  const record = idempotencyItem(
    claim.agencyId,
    claim.operation,
    claim.key,
    resultId,
    claim.requestHash,
    now,
  );
  const claimWrite: Write = {
    put: record,
    condition: {
      expression: 'attribute_not_exists(pk) OR #expiresAt <= :now',
      names: { '#expiresAt': 'expiresAt' },
      values: { ':now': Math.floor(now.getTime() / 1000) },
    },
    refused: (stored, cause) => (stored ? answerOf(claim, stored, cause) : new Error('claim refused')),
  };
  return [claimWrite, ...writes];
}

/**
 * The one idempotency protocol of creates: a record under the client's key, written in the
 * create's own transaction (`withClaim`), kept 24 hours, holding a hash of the input. The same
 * key and input answer with the first result (`replay`); the same key with another input is a
 * CONFLICT. The record is read first, so a retry is answered even when the state its checks
 * depend on has changed since (the seat it took is the last one now); a concurrent twin that
 * wins the race in between is caught by the claim's condition.
 */
export function createIdempotency(table: Table, clock: () => Date) {
  return {
    /**
     * Runs `create` once per claim. A repeat answers with `replay.load` of the first result's id
     * (NOT_FOUND of `replay.type` if that record is gone); without a claim it simply creates.
     */
    async once<T>(
      claim: IdempotencyClaim | undefined,
      create: () => Promise<T>,
      replay: { type: string; load: (resultId: string) => Promise<T | undefined> },
    ): Promise<T> {
      const answer = async (resultId: string) => {
        const found = await replay.load(resultId);
        if (found === undefined) throw new NotFoundError(replay.type, resultId);
        return found;
      };
      if (!claim) return create();
      const stored = await table.get(idempotencyKey(claim.agencyId, claim.operation, claim.key));
      if (stored && !idempotencyExpired(stored, clock())) {
        const known = answerOf(claim, stored);
        if (known instanceof AlreadyCreated) return answer(known.resultId);
        throw known;
      }
      try {
        return await create();
      } catch (error) {
        if (error instanceof AlreadyCreated) return answer(error.resultId);
        throw error;
      }
    },
  };
}

export type Idempotency = ReturnType<typeof createIdempotency>;
