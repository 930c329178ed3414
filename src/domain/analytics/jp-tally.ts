import type { EmployeeProfile } from '../employee';
import { MIN_JP_PER_YEAR, MINUTES_PER_JP } from '../training-hours';
import { type Fact, profileDims } from './facts';

/** One record's share of an employee's learning minutes in a year. */
export interface TallyEntry {
  minutes: number;
  /** Date of the learning (completion or session), to pick the profile the employee is counted under. */
  date: string;
  profile: EmployeeProfile;
}

/** An employee's learning in a year: every contributing record by id (so re-applying one is harmless). */
export type Tally = Record<string, TallyEntry>;

/** Minutes needed in a year: 20 JP of 45 minutes (PP 11/2017 art. 203(4), Peraturan LAN 10/2018). */
export const COMPLIANT_MINUTES = MIN_JP_PER_YEAR * MINUTES_PER_JP;

/** Learning minutes of a tally (every record's share). */
export function tallyMinutes(tally: Tally): number {
  return Object.values(tally).reduce((sum, e) => sum + e.minutes, 0);
}

/**
 * The JP fact of a tally: one compliant employee, counted under the profile of their latest
 * learning, or nothing. A pure function of the tally, so the order of events never matters.
 */
export function complianceFact(tally: Tally, year: string): Fact[] {
  const entries = Object.entries(tally);
  if (tallyMinutes(tally) < COMPLIANT_MINUTES || entries.length === 0) return [];
  const [, latest] = entries.reduce((best, entry) =>
    entry[1].date > best[1].date || (entry[1].date === best[1].date && entry[0] > best[0]) ? entry : best,
  );
  return [{ family: 'JP', bucket: year, dims: profileDims(latest.profile), components: { compliant: 1 } }];
}

/** The tally with one record's contribution set (or removed when it has none). */
export function withContribution(tally: Tally, recordId: string, entry: TallyEntry | undefined): Tally {
  const next = { ...tally };
  setContribution(next, recordId, entry);
  return next;
}

/** Sets one record's contribution in `tally` itself (removed when it has none). */
export function setContribution(tally: Tally, recordId: string, entry: TallyEntry | undefined): void {
  if (entry && entry.minutes > 0) tally[recordId] = entry;
  else delete tally[recordId];
}
