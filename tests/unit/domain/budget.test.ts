import { describe, expect, it } from 'vitest';
import {
  commitToBudget,
  type PlanBudget,
  programCost,
  recordSpend,
  releaseCommitment,
  remainingBudget,
  validateRupiah,
} from '../../../src/domain/budget';

const plan: PlanBudget = { planned: 150_000_000, committed: 120_000_000, spent: 45_000_000 };

describe('remainingBudget', () => {
  it('is planned minus committed', () => {
    expect(remainingBudget(plan)).toBe(30_000_000);
  });
});

describe('commitToBudget', () => {
  it('commits within the remaining budget', () => {
    expect(commitToBudget(plan, 30_000_000)).toEqual({
      ok: true,
      value: { ...plan, committed: 150_000_000 },
    });
  });

  it('refuses to commit beyond the remaining budget and says by how much', () => {
    const result = commitToBudget(plan, 42_500_000);
    expect(result).toMatchObject({ ok: false, field: 'amount', shortfall: 12_500_000 });
    if (!result.ok)
      expect(result.reason).toBe(
        'committing Rp42.500.000 exceeds the remaining budget of Rp30.000.000 by Rp12.500.000',
      );
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])('refuses an amount of %d rupiah', (amount) => {
    expect(commitToBudget(plan, amount)).toMatchObject({ ok: false, field: 'amount' });
  });

  it('accepts committing nothing', () => {
    expect(commitToBudget(plan, 0)).toEqual({ ok: true, value: plan });
  });
});

describe('recordSpend', () => {
  it('records spending within the commitment', () => {
    expect(recordSpend(plan, 75_000_000)).toEqual({ ok: true, value: { ...plan, spent: 120_000_000 } });
  });

  it('refuses spending beyond what was committed', () => {
    expect(recordSpend(plan, 75_000_001)).toMatchObject({ ok: false, shortfall: 1 });
  });
});

describe('releaseCommitment', () => {
  it('releases an unspent commitment back to the remaining budget', () => {
    const result = releaseCommitment(plan, 20_000_000);
    expect(result).toEqual({ ok: true, value: { ...plan, committed: 100_000_000 } });
    if (result.ok) expect(remainingBudget(result.value)).toBe(50_000_000);
  });

  it('refuses to release money already spent', () => {
    expect(releaseCommitment(plan, 80_000_000)).toMatchObject({ ok: false, shortfall: 5_000_000 });
  });
});

describe('programCost and validateRupiah', () => {
  it('multiplies the cost per participant by the participants', () => {
    expect(programCost({ costPerParticipant: 1_750_000, participants: 30 })).toBe(52_500_000);
  });

  it('names the field it validates', () => {
    expect(validateRupiah(-5, 'costPerParticipant')).toMatchObject({
      ok: false,
      field: 'costPerParticipant',
    });
    expect(validateRupiah(0)).toEqual({ ok: true, value: 0 });
  });
});
