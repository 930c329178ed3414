import { describe, expect, it } from 'vitest';
import {
  type BucketPolicy,
  type BucketState,
  fullAt,
  refill,
  retryAfterSeconds,
  takeTokens,
} from '../../../src/domain/token-bucket';

const T0 = Date.parse('2026-11-01T03:00:00.000Z');
const SECOND = 1000;
const perAddress: BucketPolicy = { burst: 20, perMinute: 20 };
const perUnit: BucketPolicy = { burst: 300, perMinute: 300 };
const at = (tokens: number, refilledAt = T0): BucketState => ({ tokens, refilledAt });

describe('refill', () => {
  it.each([
    ['no stored bucket is full', undefined, perAddress, T0, at(20)],
    [
      'an empty bucket gains one token in 3 s at 20/min',
      at(0),
      perAddress,
      T0 + 3 * SECOND,
      at(1, T0 + 3 * SECOND),
    ],
    ['half a token in 1.5 s', at(0), perAddress, T0 + 1.5 * SECOND, at(0.5, T0 + 1.5 * SECOND)],
    ['five tokens in 1 s at 300/min', at(10), perUnit, T0 + SECOND, at(15, T0 + SECOND)],
    [
      'never past the burst (an hour later)',
      at(0),
      perAddress,
      T0 + 3600 * SECOND,
      at(20, T0 + 3600 * SECOND),
    ],
    ['nothing in no time', at(7.25), perAddress, T0, at(7.25)],
    [
      'nothing, and the later time kept, when the clock is behind',
      at(4),
      perAddress,
      T0 - 30 * SECOND,
      at(4),
    ],
  ])('%s', (_, state, policy, now, expected) => {
    const refilled = refill(state, policy, now);
    expect(refilled.refilledAt).toBe(expected.refilledAt);
    expect(refilled.tokens).toBeCloseTo(expected.tokens, 9);
  });
});

describe('takeTokens', () => {
  it('admits a full burst of 20 at one instant and refuses the 21st, retrying in 3 s', () => {
    let state: BucketState | undefined;
    for (let i = 0; i < 20; i += 1) {
      const result = takeTokens(state, perAddress, T0);
      if (!result.admitted) throw new Error(`request ${i + 1} refused`);
      state = result.state;
    }
    expect(state).toEqual(at(0));
    expect(takeTokens(state, perAddress, T0)).toEqual({ admitted: false, retryAfterSeconds: 3 });
  });

  it.each([
    ['a bucket with one token', at(1), T0, true],
    ['a bucket with 0.999 tokens', at(0.999), T0, false],
    ['an empty bucket 3 s later (one token back, float-safe)', at(0), T0 + 3 * SECOND, true],
    ['an empty bucket 2.9 s later', at(0), T0 + 2.9 * SECOND, false],
    ['a bucket refilled by a third of a token three times', at(1 / 3 + 1 / 3 + 1 / 3), T0, true],
  ])('with %s: admitted %s', (_, state, now, admitted) => {
    expect(takeTokens(state, perAddress, now).admitted).toBe(admitted);
  });

  it('takes the token from the refilled amount, keeping fractions', () => {
    expect(takeTokens(at(0.5), perAddress, T0 + 3 * SECOND)).toEqual({
      admitted: true,
      state: at(0.5, T0 + 3 * SECOND),
    });
  });
});

describe('retryAfterSeconds (when the next token arrives)', () => {
  it.each([
    [0, perAddress, 3],
    [0.5, perAddress, 2],
    [0.99, perAddress, 1],
    [0.9999999999, perAddress, 1],
    [0, perUnit, 1],
    [0, { burst: 5, perMinute: 1 }, 60],
    [0.25, { burst: 5, perMinute: 1 }, 45],
    [3, perAddress, 1],
  ])('%s tokens at %o: %s s', (tokens, policy, seconds) => {
    expect(retryAfterSeconds(tokens, policy)).toBe(seconds);
  });
});

describe('fullAt (when a bucket may expire)', () => {
  it.each([
    ['an empty bucket at 20/min', at(0), perAddress, T0 + 60 * SECOND],
    ['a bucket missing 1.5 tokens', at(18.5), perAddress, T0 + 4.5 * SECOND],
    ['a full bucket', at(20), perAddress, T0],
    ['an empty unit bucket at 300/min', at(0), perUnit, T0 + 60 * SECOND],
  ])('%s', (_, state, policy, expected) => {
    expect(fullAt(state, policy)).toBe(expected);
  });
});
