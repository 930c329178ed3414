import { describe, expect, it } from 'vitest';
import { contributionOf, NO_PROGRAMS } from '../../../src/domain/analytics/facts';

// Received Monday 2 March 2026 10:00 WIB: first response due Thursday 5, resolution Monday 9 (end of WIB day).
const complaint = {
  entity: 'Feedback',
  agencyId: 'medan',
  id: 'f1',
  unitId: 'u1',
  channel: 'ONLINE',
  kind: 'COMPLAINT',
  moderationStatus: 'PUBLISHED',
  submittedAt: '2026-03-02T03:00:00.000Z',
  firstResponseDue: '2026-03-05T16:59:59.999Z',
  resolutionDue: '2026-03-09T16:59:59.999Z',
  deadlinesProvisional: false,
};
const components = (item: Record<string, unknown>) => {
  const { overdue, responseOverdue, complaints } =
    contributionOf(item, NO_PROGRAMS).facts[0]?.components ?? {};
  return { complaints, overdue, responseOverdue };
};

describe('complaint facts: missed deadlines', () => {
  it.each([
    [
      'answered and resolved in time',
      { firstResponseAt: '2026-03-04T03:00:00.000Z', resolvedAt: '2026-03-09T03:00:00.000Z' },
      0,
      0,
    ],
    [
      'answered late, resolved in time',
      { firstResponseAt: '2026-03-06T01:00:00.000Z', resolvedAt: '2026-03-09T03:00:00.000Z' },
      1,
      1,
    ],
    [
      'answered in time, resolved late',
      { firstResponseAt: '2026-03-03T03:00:00.000Z', resolvedAt: '2026-03-10T03:00:00.000Z' },
      1,
      0,
    ],
    ['resolved in time without a separate answer', { resolvedAt: '2026-03-04T03:00:00.000Z' }, 0, 0],
    [
      'open, unanswered, marked after its first-response deadline',
      { responseOverdueAt: '2026-03-06T00:00:00.000Z' },
      1,
      1,
    ],
    [
      'open, marked after both deadlines',
      { responseOverdueAt: '2026-03-06T00:00:00.000Z', overdueAt: '2026-03-10T00:00:00.000Z' },
      1,
      1,
    ],
    [
      'open, marks made against deadlines a calendar change moved later',
      {
        resolutionDue: '2026-03-12T16:59:59.999Z',
        firstResponseDue: '2026-03-10T16:59:59.999Z',
        responseOverdueAt: '2026-03-06T00:00:00.000Z',
        overdueAt: '2026-03-10T00:00:00.000Z',
      },
      0,
      0,
    ],
  ])('%s: overdue %i, response overdue %i', (_, timeline, overdue, responseOverdue) => {
    expect(components({ ...complaint, ...timeline })).toEqual({ complaints: 1, overdue, responseOverdue });
  });

  it('counts a report stored before deadlines were kept against its weekends-only deadlines', () => {
    const { firstResponseDue: _, resolutionDue: __, ...legacy } = complaint;
    expect(components({ ...legacy, firstResponseAt: '2026-03-06T01:00:00.000Z' })).toMatchObject({
      responseOverdue: 1,
    });
  });
});
