import {
  addressSubject,
  type StoredBucket,
  unitSubject,
  unknownAddressSubject,
} from '../data/entities/rate-limit-bucket';
import { retryRaces } from '../data/race-lost';
import type { BucketWrite, RateLimitRepository } from '../data/repositories/rate-limit-repository';
import type { RetryPolicy } from '../data/retry-policy';
import { type BucketPolicy, fullAt, takeTokens } from '../domain/token-bucket';
import { RateLimitedError } from '../errors/app-error';
import type { AddressHasher } from './client-address';
import type { FeedbackGate, FeedbackGateRequest } from './feedback-service';

/** The limits of public feedback: per client address and per unit (both per agency). */
export interface FeedbackLimits {
  perAddress: BucketPolicy;
  perUnit: BucketPolicy;
}

export interface FeedbackRateLimitDeps {
  rateLimits: RateLimitRepository;
  retries: RetryPolicy;
  clock: () => Date;
  hashAddress: AddressHasher;
  limits: FeedbackLimits;
}

/**
 * Rate limits public submissions with two token buckets kept in DynamoDB: one per client
 * address (hashed; an unknown address shares one bucket per unit) and one per unit. A request
 * takes a token from both in one transaction, or from neither, and a refusal writes nothing.
 */
export function createFeedbackRateLimit({
  rateLimits,
  retries,
  clock,
  hashAddress,
  limits,
}: FeedbackRateLimitDeps): FeedbackGate {
  function bucketsOf({ sourceIp, unitId }: FeedbackGateRequest) {
    const client = sourceIp ? addressSubject(hashAddress(sourceIp)) : unknownAddressSubject(unitId);
    return [
      { subject: client, policy: limits.perAddress },
      { subject: unitSubject(unitId), policy: limits.perUnit },
    ];
  }

  return {
    async admit(request) {
      const { agencyId, unitId } = request;
      const buckets = bucketsOf(request);
      const subjects = buckets.map((b) => b.subject);
      const first = await rateLimits.readForUnit(agencyId, unitId, subjects);
      // The service refuses an unknown unit and writes nothing; no bucket under made-up keys either.
      if (!first.unitExists) return;
      let stored: (StoredBucket | undefined)[] = first.buckets;
      // Each lost race means another request was charged: read again (consistently) and retry,
      // and under sustained contention ask the client to come back rather than spin.
      await retryRaces(
        retries,
        async (attempt) => {
          if (attempt > 0) stored = await rateLimits.readLatest(agencyId, subjects);
          const now = clock().getTime();
          const taken = buckets.map((b, i) => ({
            ...b,
            read: stored[i],
            result: takeTokens(stored[i], b.policy, now),
          }));
          const waits = taken.flatMap(({ result }) => (result.admitted ? [] : [result.retryAfterSeconds]));
          // Both buckets must have a token, so the wait is the longer one.
          if (waits.length > 0) throw new RateLimitedError(Math.max(...waits));
          const writes: BucketWrite[] = taken.flatMap(({ subject, policy, read, result }) =>
            result.admitted
              ? [
                  {
                    subject,
                    read,
                    next: result.state,
                    expiresAt: Math.ceil(fullAt(result.state, policy) / 1000),
                  },
                ]
              : [],
          );
          await rateLimits.takeAll(agencyId, writes);
        },
        () => new RateLimitedError(1),
      );
    },
  };
}
