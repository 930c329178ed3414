import { describe, expect, it } from 'vitest';
import {
  type ComplaintKind,
  complaintDeadlines,
  complaintStatusAt,
} from '../../../src/domain/complaint-deadlines';

// March 2026: Monday 2, Friday 6, Saturday 7, Sunday 8. Jakarta is UTC+7.
const endOfWibDay = (date: string): string => `${date}T16:59:59.999Z`;

describe('complaintDeadlines: complaints resolved within 5 working days', () => {
  it.each([
    ['Monday morning', '2026-03-02T10:00:00+07:00', '2026-03-09'],
    ['Thursday', '2026-03-05T09:00:00+07:00', '2026-03-12'],
    ['Friday', '2026-03-06T15:00:00+07:00', '2026-03-13'],
    ['Saturday', '2026-03-07T11:00:00+07:00', '2026-03-13'],
    ['Sunday', '2026-03-08T11:00:00+07:00', '2026-03-13'],
    ['Friday 23:30 WIB, still Friday in Jakarta', '2026-03-06T16:30:00Z', '2026-03-13'],
    ['Thursday 20:00 UTC, already Friday in Jakarta', '2026-03-05T20:00:00Z', '2026-03-13'],
  ])('received %s (%s) is due by the end of %s', (_, receivedAt, dueDate) => {
    const deadlines = complaintDeadlines('COMPLAINT', receivedAt);
    expect(deadlines.resolutionDueDate).toBe(dueDate);
    expect(deadlines.resolutionDue).toBe(endOfWibDay(dueDate));
  });

  it('gives information requests the same 5 working days', () => {
    expect(complaintDeadlines('INFORMATION_REQUEST', '2026-03-06T15:00:00+07:00').resolutionDueDate).toBe(
      '2026-03-13',
    );
  });

  it('skips the closed days of the calendar it is given, and is then not provisional', () => {
    const calendar = { closed: new Set(['2026-03-19', '2026-03-20']), knownYears: new Set([2026, 2027]) };
    expect(complaintDeadlines('COMPLAINT', '2026-03-16T09:00:00+07:00', calendar)).toMatchObject({
      resolutionDueDate: '2026-03-25',
      provisional: false,
    });
  });

  it('is provisional when counted over weekends only', () => {
    expect(complaintDeadlines('COMPLAINT', '2026-03-16T09:00:00+07:00').provisional).toBe(true);
  });
});

describe('complaintDeadlines: every period in working days (weekends only here)', () => {
  it.each<[ComplaintKind, string, string]>([
    ['COMPLAINT', '2026-03-02T10:00:00+07:00', '2026-03-05'],
    ['COMPLAINT', '2026-03-06T15:00:00+07:00', '2026-03-11'],
    ['DISPUTE', '2026-03-02T10:00:00+07:00', '2026-03-05'],
  ])('wants a first response to a %s received %s by the end of %s', (kind, receivedAt, dueDate) => {
    const deadlines = complaintDeadlines(kind, receivedAt);
    expect(deadlines.firstResponseDueDate).toBe(dueDate);
    expect(deadlines.firstResponseDue).toBe(endOfWibDay(dueDate));
  });

  it.each<[ComplaintKind, string]>([
    ['DISPUTE', '2026-03-20'],
    ['DISPUTE_FIELD_INSPECTION', '2026-05-25'],
  ])('resolves a %s received on Monday 2 March 2026 by %s', (kind, dueDate) => {
    expect(complaintDeadlines(kind, '2026-03-02T10:00:00+07:00').resolutionDueDate).toBe(dueDate);
  });

  it('refuses a datetime without an offset, which would depend on the host zone', () => {
    expect(() => complaintDeadlines('COMPLAINT', '2026-03-02T10:00:00')).toThrow(RangeError);
    expect(() => complaintDeadlines('COMPLAINT', '2026-02-30T10:00:00Z')).toThrow(RangeError);
  });
});

describe('complaintStatusAt', () => {
  const receivedAt = '2026-03-02T10:00:00+07:00'; // first response due 5 March, resolution 9 March

  it('is awaiting a response and not overdue within 3 days', () => {
    expect(complaintStatusAt({ kind: 'COMPLAINT', receivedAt }, '2026-03-05T23:59:00+07:00')).toMatchObject({
      stage: 'AWAITING_RESPONSE',
      firstResponseOverdue: false,
      resolutionOverdue: false,
      firstResponseHours: null,
      resolutionHours: null,
    });
  });

  it('flags the first response overdue once its day has ended', () => {
    expect(complaintStatusAt({ kind: 'COMPLAINT', receivedAt }, '2026-03-06T00:00:00+07:00')).toMatchObject({
      firstResponseOverdue: true,
      resolutionOverdue: false,
    });
  });

  it('measures the response time and keeps a timely response off the overdue list', () => {
    const status = complaintStatusAt(
      { kind: 'COMPLAINT', receivedAt, firstResponseAt: '2026-03-03T16:30:00+07:00' },
      '2026-03-12T00:00:00+07:00',
    );
    expect(status).toMatchObject({
      stage: 'IN_PROGRESS',
      firstResponseHours: 30.5,
      firstResponseOverdue: false,
      resolutionOverdue: true,
    });
  });

  it('keeps a late response flagged after it came', () => {
    const status = complaintStatusAt(
      { kind: 'COMPLAINT', receivedAt, firstResponseAt: '2026-03-06T08:00:00+07:00' },
      '2026-03-06T09:00:00+07:00',
    );
    expect(status.firstResponseOverdue).toBe(true);
  });

  it('counts a resolution without a separate response as the first response', () => {
    const status = complaintStatusAt(
      { kind: 'COMPLAINT', receivedAt, resolvedAt: '2026-03-04T10:00:00+07:00' },
      '2026-04-01T00:00:00+07:00',
    );
    expect(status).toMatchObject({
      stage: 'RESOLVED',
      firstResponseHours: 48,
      resolutionHours: 48,
      firstResponseOverdue: false,
      resolutionOverdue: false,
    });
  });

  it('flags a resolution that came after its deadline', () => {
    const status = complaintStatusAt(
      {
        kind: 'COMPLAINT',
        receivedAt,
        firstResponseAt: '2026-03-02T11:00:00+07:00',
        resolvedAt: '2026-03-10T08:00:00+07:00',
      },
      '2026-04-01T00:00:00+07:00',
    );
    expect(status).toMatchObject({ firstResponseHours: 1, resolutionHours: 190, resolutionOverdue: true });
  });

  it('gives a field-inspection dispute 60 working days before its resolution is overdue', () => {
    const kind: ComplaintKind = 'DISPUTE_FIELD_INSPECTION';
    const respondedAt = '2026-03-02T12:00:00+07:00';
    const status = (now: string) =>
      complaintStatusAt({ kind, receivedAt, firstResponseAt: respondedAt }, now);
    expect(status('2026-05-25T23:00:00+07:00').resolutionOverdue).toBe(false);
    expect(status('2026-05-26T00:00:00+07:00').resolutionOverdue).toBe(true);
  });
});
