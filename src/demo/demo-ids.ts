import { encodeTime } from 'ulid';

/**
 * Deterministic ids shaped like ULIDs (time first), so demo records sort among records the
 * API creates later (waitlists are ordered by these keys).
 */
export function demoUlid(at: Date, serial: number): string {
  return `${encodeTime(at.getTime(), 10)}${String(serial).padStart(16, '0')}`;
}

/** `now` minus whole months (day of month kept, clamped to 28). */
export function monthsBefore(now: Date, months: number, day = 1): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, Math.min(day, 28)));
}

/** ISO date of a Date. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A date `days` after `date`. */
export const addDaysTo = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
