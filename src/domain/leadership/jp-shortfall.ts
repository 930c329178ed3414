/**
 * Employees short of the yearly JP minimum (PP 11/2017 art. 203(4) as amended by PP 17/2020: 20 JP
 * a year) and the open programs that could close each gap (issue 14 item 1).
 */
import { type Tally, tallyMinutes } from '../analytics/jp-tally';
import type { TrainingProgram } from '../training';
import { learningFormOf } from '../training-formats';
import { type JpCompliance, jpCompliance, jpFromMinutes } from '../training-hours';

/** Most programs suggested per employee. */
export const MAX_SUGGESTED_PROGRAMS = 3;

/** An employee's JP position in a year from their learning tally (none: no learning yet). */
export function jpPositionOf(tally: Tally | undefined): JpCompliance {
  return jpCompliance(jpFromMinutes(tally ? tallyMinutes(tally) : 0));
}

/**
 * Whether a program is one an employee can simply join to earn JP: OPEN for enrollment (a full
 * program still takes a waitlist) and starting after `today`. Degree study is left out: it is
 * tugas/izin belajar with its own eligibility (DOMAIN rule 3), not a way to close a yearly gap.
 */
export function isJoinable(program: TrainingProgram, today: string): boolean {
  return (
    program.status === 'OPEN' &&
    program.startDate > today &&
    program.jp > 0 &&
    learningFormOf(program.format) !== 'DEGREE'
  );
}

/**
 * The programs that fit a shortfall, best first: those that close the whole gap (fewest JP, then
 * soonest), then those that close part of it (most JP, then soonest); at most
 * {@link MAX_SUGGESTED_PROGRAMS}. Nothing for an employee without a shortfall.
 */
export function programsForShortfall(
  shortfall: number,
  programs: readonly TrainingProgram[],
  today: string,
): TrainingProgram[] {
  if (shortfall <= 0) return [];
  const joinable = programs.filter((p) => isJoinable(p, today));
  const closing = joinable
    .filter((p) => p.jp >= shortfall)
    .sort((a, b) => a.jp - b.jp || a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
  const partial = joinable
    .filter((p) => p.jp < shortfall)
    .sort((a, b) => b.jp - a.jp || a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
  return [...closing, ...partial].slice(0, MAX_SUGGESTED_PROGRAMS);
}
