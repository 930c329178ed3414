import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  completedYearsBetween,
  dayOfWeek,
  daysBetween,
  endOfJakartaDayMs,
  endOfMonth,
  instantMs,
  isIsoDate,
  jakartaDateOf,
} from '../../../src/domain/calendar-date';
import { roundHalfUp } from '../../../src/domain/round-half-up';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-4-01', false],
    ['0999-01-01', true],
  ])('says %s is a real date: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-30', 3)).toBe('2026-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
  });

  it('knows the weekday and the month end', () => {
    expect(dayOfWeek('2026-03-07')).toBe(6);
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfMonth('2026-12-01')).toBe('2026-12-31');
  });

  it.each([
    ['1990-05-20', '2026-05-19', 35],
    ['1990-05-20', '2026-05-20', 36],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
  ])('counts completed years from %s to %s as %d', (from, on, years) => {
    expect(completedYearsBetween(from, on)).toBe(years);
  });
});

describe('addWorkingDays (March 2026: 6 is a Friday)', () => {
  it.each([
    ['2026-03-06', 1, '2026-03-09'],
    ['2026-03-07', 1, '2026-03-09'],
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-03-02', 10, '2026-03-16'],
  ])('from %s plus %d working days is %s', (date, count, expected) => {
    expect(addWorkingDays(date, count)).toBe(expected);
  });

  it('skips the holidays it is given', () => {
    expect(addWorkingDays('2026-03-18', 1, ['2026-03-19', '2026-03-20'])).toBe('2026-03-23');
  });
});

describe('instants and Jakarta days', () => {
  it.each(['2026-03-02T10:00:00', '2026-02-30T10:00:00Z', '2026-03-02', 'yesterday', '2026-03-02T24:00:00Z'])(
    'refuses %s as an instant',
    (value) => {
      expect(instantMs(value)).toBeUndefined();
    },
  );

  it('reads instants with an offset', () => {
    expect(instantMs('2026-03-02T10:00:00+07:00')).toBe(Date.parse('2026-03-02T03:00:00Z'));
  });

  it('gives the Jakarta local date, which runs 7 hours ahead of UTC', () => {
    expect(jakartaDateOf(Date.parse('2026-03-02T16:59:59Z'))).toBe('2026-03-02');
    expect(jakartaDateOf(Date.parse('2026-03-02T17:00:00Z'))).toBe('2026-03-03');
  });

  it('ends a Jakarta day at 16:59:59.999 UTC', () => {
    expect(new Date(endOfJakartaDayMs('2026-03-02')).toISOString()).toBe('2026-03-02T16:59:59.999Z');
  });
});

describe('roundHalfUp', () => {
  it.each([
    [1.005, 1.01],
    [88.305, 88.31],
    [88.304999, 88.3],
    [2.675, 2.68],
    [-1.005, -1.01],
    [-0.001, 0],
    [80, 80],
  ])('rounds %d to %d', (value, rounded) => {
    expect(roundHalfUp(value, 2)).toBe(rounded);
  });

  it('rounds to other precisions', () => {
    expect(roundHalfUp(1.23456, 4)).toBe(1.2346);
    expect(roundHalfUp(2.5, 0)).toBe(3);
  });
});
