import { describe, expect, it } from 'vitest';
import { dayOfWeek } from '../../../src/domain/calendar-date';
import { type ComplaintKind, complaintDeadlines } from '../../../src/domain/complaint-deadlines';
import {
  addWorkingDaysIn,
  type Holiday,
  holidayListIssues,
  WEEKENDS_ONLY,
  workCalendarOf,
  workingDaysIn,
} from '../../../src/domain/holiday-calendar';
import { SHIPPED_NATIONAL_CALENDARS } from '../../../src/domain/national-holidays';

/** The shipped national calendars of 2025–2027 (2027 unknown), no agency days. */
const shipped = workCalendarOf(
  [2025, 2026, 2027].map((year) => ({ year, national: SHIPPED_NATIONAL_CALENDARS[year]?.days, agency: [] })),
);

describe('the shipped national calendars (DOMAIN rule 8)', () => {
  it.each([
    [2025, 17, 10],
    [2026, 17, 8],
  ])(
    '%i has the SKB holidays (%i) and cuti bersama (%i), each once and in its year',
    (year, holidays, cuti) => {
      const days = SHIPPED_NATIONAL_CALENDARS[year]?.days ?? [];
      expect(days.filter((d) => d.kind === 'NATIONAL_HOLIDAY')).toHaveLength(holidays);
      expect(days.filter((d) => d.kind === 'CUTI_BERSAMA')).toHaveLength(cuti);
      expect(holidayListIssues(year, 'NATIONAL', days)).toEqual([]);
    },
  );

  it('lists 2026 Idul Fitri with its cuti bersama: 20, 21, 22, 23 and 24 March', () => {
    const march = SHIPPED_NATIONAL_CALENDARS[2026]?.days.filter((d) => d.date.startsWith('2026-03-2'));
    expect(march?.map((d) => d.date)).toEqual([
      '2026-03-20',
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24',
    ]);
  });
});

describe('SP4N-LAPOR deadlines in working days with the 2026 calendar', () => {
  it('gives a complaint received on Tuesday 17 March 2026 until 31 March (5 working days), not 24 March', () => {
    expect(dayOfWeek('2026-03-17')).toBe(2);
    const deadlines = complaintDeadlines('COMPLAINT', '2026-03-17T10:00:00+07:00', shipped);
    expect(deadlines.resolutionDueDate).toBe('2026-03-31');
    expect(complaintDeadlines('COMPLAINT', '2026-03-17T10:00:00+07:00').resolutionDueDate).toBe('2026-03-24');
    expect(deadlines).toMatchObject({ firstResponseDueDate: '2026-03-27', provisional: false });
  });

  it.each<[ComplaintKind, string, string]>([
    ['INFORMATION_REQUEST', '2026-03-17T10:00:00+07:00', '2026-03-31'],
    ['DISPUTE', '2026-03-17T10:00:00+07:00', '2026-04-14'],
    ['DISPUTE_FIELD_INSPECTION', '2026-03-17T10:00:00+07:00', '2026-06-26'],
    ['COMPLAINT', '2025-12-23T10:00:00+07:00', '2026-01-02'],
    ['COMPLAINT', '2025-03-27T10:00:00+07:00', '2025-04-14'],
  ])('resolves a %s received %s by %s', (kind, receivedAt, dueDate) => {
    expect(complaintDeadlines(kind, receivedAt, shipped).resolutionDueDate).toBe(dueDate);
  });

  it('marks a deadline counted into a year without a national calendar provisional (its 1 January then counts)', () => {
    const lateDecember = complaintDeadlines('COMPLAINT', '2026-12-29T10:00:00+07:00', shipped);
    expect(lateDecember).toMatchObject({ resolutionDueDate: '2027-01-05', provisional: true });
    expect(complaintDeadlines('COMPLAINT', '2026-12-01T10:00:00+07:00', shipped).provisional).toBe(false);
  });

  it("skips an agency's own closed days on top of the national ones", () => {
    const closure: Holiday = { date: '2026-03-25', name: 'Banjir', kind: 'OFFICE_CLOSURE' };
    const withClosure = workCalendarOf([
      { year: 2026, national: SHIPPED_NATIONAL_CALENDARS[2026]?.days, agency: [closure] },
      { year: 2027, national: [], agency: [] },
    ]);
    expect(complaintDeadlines('COMPLAINT', '2026-03-17T10:00:00+07:00', withClosure).resolutionDueDate).toBe(
      '2026-04-01',
    );
  });
});

describe('addWorkingDaysIn and workingDaysIn', () => {
  it('counts from the day after, skipping weekends', () => {
    expect(addWorkingDaysIn(WEEKENDS_ONLY, '2026-03-06', 1)).toEqual({
      date: '2026-03-09',
      provisional: true,
    });
  });

  it('counts 2026 working days: 261 weekdays minus the closed ones on weekdays', () => {
    const weekdayClosures = (SHIPPED_NATIONAL_CALENDARS[2026]?.days ?? []).filter(
      (d) => dayOfWeek(d.date) !== 0 && dayOfWeek(d.date) !== 6,
    ).length;
    expect(workingDaysIn(WEEKENDS_ONLY, 2026)).toBe(261);
    expect(workingDaysIn(shipped, 2026)).toBe(261 - weekdayClosures);
  });
});

describe('holidayListIssues', () => {
  const day = (date: string, kind: Holiday['kind'] = 'NATIONAL_HOLIDAY'): Holiday => ({
    date,
    name: 'Libur',
    kind,
  });

  it('refuses days outside the year, twice-listed days and kinds of the other scope, naming each', () => {
    expect(
      holidayListIssues(2027, 'NATIONAL', [
        day('2027-01-01'),
        day('2026-12-31'),
        day('2027-01-01'),
        day('2027-05-05', 'OFFICE_CLOSURE'),
      ]),
    ).toEqual([
      { field: 'input.days.1.date', reason: 'must be a date in 2027' },
      { field: 'input.days.2.date', reason: '2027-01-01 is listed twice' },
      { field: 'input.days.3.kind', reason: 'a NATIONAL calendar holds NATIONAL_HOLIDAY or CUTI_BERSAMA' },
    ]);
    expect(holidayListIssues(2027, 'AGENCY', [day('2027-01-01')])[0]?.reason).toContain(
      'REGIONAL_HOLIDAY or OFFICE_CLOSURE',
    );
  });

  it('refuses a year out of range and more than 60 days', () => {
    expect(holidayListIssues(2018, 'AGENCY', [])[0]?.field).toBe('input.year');
    const many = Array.from({ length: 61 }, (_, i) =>
      day(
        `2027-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        'OFFICE_CLOSURE',
      ),
    );
    expect(holidayListIssues(2027, 'AGENCY', many).map((i) => i.field)).toEqual(['input.days']);
  });
});
