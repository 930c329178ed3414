import { describe, expect, it } from 'vitest';
import {
  applyChange,
  countByStatus,
  type EnrollmentChange,
  emptyState,
} from '../../../examples/partner/src/mirror';

function change(sequence: number, overrides: Partial<EnrollmentChange> = {}): EnrollmentChange {
  return {
    sequence,
    changeType: 'CREATED',
    changedAt: '2026-11-01T00:00:00.000Z',
    status: 'ENROLLED',
    version: 1,
    enrollmentId: 'RW5yb2xsbWVudDox',
    agencyCode: 'medan',
    enrollment: {
      program: { title: 'Manajemen Waktu' },
      employee: { nip: '198503152010011001', name: 'Siti' },
      postTestScore: null,
      certificateNumber: null,
    },
    ...overrides,
  };
}

describe('the partner example mirror', () => {
  it('applies changes in feed order and keeps the newest version of each enrollment', () => {
    const state = emptyState();
    expect(applyChange(state, change(1))).toBe(true);
    expect(applyChange(state, change(2, { changeType: 'COMPLETED', status: 'COMPLETED', version: 2 }))).toBe(
      true,
    );
    expect(state.enrollments.RW5yb2xsbWVudDox).toMatchObject({
      version: 2,
      status: 'COMPLETED',
      agency: 'medan',
    });
    expect(state.lastSequence).toBe(2);
    expect(countByStatus(state)).toEqual({ COMPLETED: 1 });
  });

  it('skips a change whose version it already holds (a page fetched twice)', () => {
    const state = emptyState();
    applyChange(state, change(1, { version: 3, status: 'COMPLETED' }));
    expect(applyChange(state, change(2, { version: 2, status: 'ENROLLED' }))).toBe(false);
    expect(state.enrollments.RW5yb2xsbWVudDox?.status).toBe('COMPLETED');
    expect(state.lastSequence).toBe(2);
  });

  it('keeps what it knew of a cancelled enrollment whose tombstone comes without it', () => {
    const state = emptyState();
    applyChange(state, change(1));
    applyChange(
      state,
      change(2, { changeType: 'CANCELLED', status: 'DROPPED', version: 2, enrollment: null }),
    );
    expect(state.enrollments.RW5yb2xsbWVudDox).toMatchObject({
      status: 'DROPPED',
      program: 'Manajemen Waktu',
      nip: '198503152010011001',
    });
  });

  it('refuses a gap in the sequence: changes were lost', () => {
    const state = emptyState();
    applyChange(state, change(1));
    expect(() => applyChange(state, change(3))).toThrow('gap in the feed: expected 2, got 3');
    expect(state.lastSequence).toBe(1);
  });
});
