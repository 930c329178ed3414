/**
 * Competency development hours (jam pelajaran, JP) and the yearly minimum.
 */

/** Minutes in one JP (Peraturan LAN 5/2018 and 10/2018 on competency development). */
export const MINUTES_PER_JP = 45;

/** Yearly minimum of competency development per PNS (PP 11/2017 art. 203(4), as amended by PP 17/2020). */
export const MIN_JP_PER_YEAR = 20;

/** Whole JP earned for a number of minutes; an incomplete 45-minute lesson earns nothing. */
export function jpFromMinutes(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0) return 0;
  // Sum the minutes of short sessions (e.g. mentoring) before converting, or they all round to 0.
  return Math.floor(minutes / MINUTES_PER_JP + 1e-9);
}

/** Minutes in a number of JP. */
export function minutesFromJp(jp: number): number {
  return jp * MINUTES_PER_JP;
}

/** An employee's position against the yearly JP minimum. */
export interface JpCompliance {
  earned: number;
  required: number;
  shortfall: number;
  compliant: boolean;
}

/** Compares JP earned in a year with the minimum (20 JP unless an agency requires more). */
export function jpCompliance(earnedJp: number, requiredJp: number = MIN_JP_PER_YEAR): JpCompliance {
  const earned = Math.max(0, earnedJp);
  return {
    earned,
    required: requiredJp,
    shortfall: Math.max(0, requiredJp - earned),
    compliant: earned >= requiredJp,
  };
}

/** Share of staff meeting the JP minimum, for unit reports. */
export interface JpComplianceShare {
  staff: number;
  compliant: number;
  /** Percentage of staff compliant, 2 decimals; 0 when there are no staff. */
  percent: number;
}

/** Counts the staff who met the yearly minimum among the JP each earned. */
export function jpComplianceShare(
  earnedJpPerEmployee: readonly number[],
  requiredJp: number = MIN_JP_PER_YEAR,
): JpComplianceShare {
  const staff = earnedJpPerEmployee.length;
  const compliant = earnedJpPerEmployee.filter((earned) => earned >= requiredJp).length;
  const percent = staff === 0 ? 0 : Math.round((compliant / staff) * 10_000) / 100;
  return { staff, compliant, percent };
}
