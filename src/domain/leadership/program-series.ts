import type { TrainingProgram } from '../training';

/**
 * Program series (seri angkatan): expanding a program creates its next cohort, linked to the
 * first by `seriesId` (the first cohort's id) and numbered from 2 on. The first cohort carries no
 * link, so programs stored before series need no migration. `TrainingProgram.cohort` is derived
 * from the number and deprecated.
 */
export const MAX_SERIES_COHORTS = 20;

/** The id of a program's series: the first cohort's id. */
export const seriesIdOf = (p: Pick<TrainingProgram, 'id' | 'seriesId'>) => p.seriesId ?? p.id;

/** A program's cohort number: its place in its series, else the number it was created with, else 1. */
export const cohortNumberOf = (p: Pick<TrainingProgram, 'seriesNumber' | 'cohort'>) =>
  p.seriesNumber ?? p.cohort ?? 1;

/** The deprecated `cohort` field: the series number, or the number given at creation (null if none). */
export const derivedCohort = (p: Pick<TrainingProgram, 'seriesNumber' | 'cohort'>) =>
  p.seriesNumber ?? p.cohort ?? null;

/** The number of the next cohort after the series' current cohorts. */
export function nextCohortNumber(series: Pick<TrainingProgram, 'seriesNumber' | 'cohort'>[]): number {
  return Math.max(1, ...series.map(cohortNumberOf)) + 1;
}

/** The title of cohort `n` from the first cohort's title, without a previous "(Angkatan k)". */
export function cohortTitle(firstTitle: string, n: number): string {
  return `${firstTitle.replace(/\s*\(Angkatan \d+\)$/, '')} (Angkatan ${n})`;
}
