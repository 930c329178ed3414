import { roundHalfUp } from '../round-half-up';
import type { Family } from './families';

/** Summed components of a group, per family. */
export type Components = Partial<Record<Family, Record<string, number>>>;

interface MeasureSpec {
  families: readonly Family[];
  description: string;
  /** The value from summed components, or null when undefined (e.g. a rate over nothing). */
  value: (c: Components) => number | null;
  /**
   * Groups come from every family, not only the first: a unit whose staff all lack learning has
   * no LEARNERS cell, yet is the answer INACTIVE_EMPLOYEES is for.
   */
  groupsFromEveryFamily?: true;
}

const get = (c: Components, family: Family, component: string) => c[family]?.[component] ?? 0;
const ratio = (num: number, den: number, scale = 1) =>
  den === 0 ? null : roundHalfUp((num / den) * scale, 2);
const finished = (c: Components) =>
  get(c, 'ENROLLMENT', 'completed') + get(c, 'ENROLLMENT', 'dropped') + get(c, 'ENROLLMENT', 'noShow');

/**
 * Measures a dashboard can ask for. Rates and averages are computed from summed numerators and
 * denominators of the cells in a group, so any regrouping is exact (no average of averages).
 */
export const MEASURES = {
  EMPLOYEE_COUNT: {
    families: ['WORKFORCE'],
    description: 'Active employees now (pegawai aktif).',
    value: (c) => get(c, 'WORKFORCE', 'employees'),
  },
  ENROLLMENT_COUNT: {
    families: ['ENROLLMENT'],
    description: 'Enrollment records in any status; group or filter by ENROLLMENT_STATUS to narrow.',
    value: (c) => get(c, 'ENROLLMENT', 'enrollments'),
  },
  COMPLETION_COUNT: {
    families: ['ENROLLMENT'],
    description: 'Completed enrollments (lulus).',
    value: (c) => get(c, 'ENROLLMENT', 'completed'),
  },
  COMPLETION_RATE: {
    families: ['ENROLLMENT'],
    description: 'Completed / (completed + dropped + no-show), in percent.',
    value: (c) => ratio(get(c, 'ENROLLMENT', 'completed'), finished(c), 100),
  },
  DROPOUT_RATE: {
    families: ['ENROLLMENT'],
    description: 'Dropped / (completed + dropped + no-show), in percent.',
    value: (c) => ratio(get(c, 'ENROLLMENT', 'dropped'), finished(c), 100),
  },
  NO_SHOW_RATE: {
    families: ['ENROLLMENT'],
    description: 'No-shows / (completed + dropped + no-show), in percent (tidak hadir).',
    value: (c) => ratio(get(c, 'ENROLLMENT', 'noShow'), finished(c), 100),
  },
  INVITATION_ACCEPTANCE_RATE: {
    families: ['ENROLLMENT'],
    description:
      'Accepted / answered invitations (accepted + declined), in percent; pending invitations are not counted.',
    value: (c) =>
      ratio(
        get(c, 'ENROLLMENT', 'accepted'),
        get(c, 'ENROLLMENT', 'accepted') + get(c, 'ENROLLMENT', 'declined'),
        100,
      ),
  },
  WAITLIST_COUNT: {
    families: ['ENROLLMENT'],
    description: 'Enrollments waiting for a seat (daftar tunggu).',
    value: (c) => get(c, 'ENROLLMENT', 'waitlisted'),
  },
  TRAINING_HOURS: {
    families: ['ENROLLMENT'],
    description: 'JP credited for completed programs (jam pelajaran).',
    value: (c) => get(c, 'ENROLLMENT', 'jp'),
  },
  JP_COMPLIANCE_RATE: {
    families: ['JP', 'WORKFORCE'],
    description:
      'Share of active employees who earned at least 20 JP in the year (programs and mentoring), in percent; per YEAR (the year of `to`, or the current year, unless grouped by YEAR).',
    value: (c) => ratio(get(c, 'JP', 'compliant'), get(c, 'WORKFORCE', 'employees'), 100),
  },
  INACTIVE_EMPLOYEES: {
    families: ['LEARNERS', 'WORKFORCE'],
    description:
      "Active employees (as EMPLOYEE_COUNT counts them, in their unit now) with no learning in the 12 months ending at the end of a quarter (that quarter and the three before): no program completed with JP credited and no mentoring session received as mentee; per QUARTER (YEAR groups show the year's last quarter, Q4; without time groups, the quarter of `to`, or the current quarter).",
    value: (c) => get(c, 'WORKFORCE', 'employees') - get(c, 'LEARNERS', 'learners'),
    groupsFromEveryFamily: true,
  },
  AVG_LEARNING_GAIN: {
    families: ['ENROLLMENT'],
    description: 'Average post-test minus pre-test score of completed enrollments with both tests.',
    value: (c) => ratio(get(c, 'ENROLLMENT', 'gainSum'), get(c, 'ENROLLMENT', 'gainN')),
  },
  ACTIVE_MENTORSHIPS: {
    families: ['MENTORSHIP'],
    description: "Mentorships in progress now, by the mentee's unit.",
    value: (c) => get(c, 'MENTORSHIP', 'active'),
  },
  MENTORING_MINUTES: {
    families: ['MENTORING'],
    description: 'Minutes of mentoring sessions held.',
    value: (c) => get(c, 'MENTORING', 'minutes'),
  },
  FEEDBACK_COUNT: {
    families: ['FEEDBACK'],
    description: 'Feedback received (not hidden by moderation).',
    value: (c) => get(c, 'FEEDBACK', 'feedback'),
  },
  IKM: {
    families: ['FEEDBACK'],
    description:
      'Community satisfaction index, converted score 25–100 (PermenPANRB 14/2017), from the summed answers of all responses in the group.',
    // Every response answers all nine elements with weight 1/9, so IKM = total / (9 n), x 25.
    value: (c) => ratio(get(c, 'FEEDBACK', 'ikmSum') * 25, 9 * get(c, 'FEEDBACK', 'ikmResponses')),
  },
  COMPLAINT_COUNT: {
    families: ['FEEDBACK'],
    description: 'Complaints, information requests and disputes (pengaduan) received.',
    value: (c) => get(c, 'FEEDBACK', 'complaints'),
  },
  COMPLAINTS_OVERDUE: {
    families: ['FEEDBACK'],
    description:
      'Complaints that missed an SP4N-LAPOR deadline (working days): a first response after 3, or a resolution after 5, 14 or 60; or still without one past it.',
    value: (c) => get(c, 'FEEDBACK', 'overdue'),
  },
  COMPLAINT_RESPONSES_OVERDUE: {
    families: ['FEEDBACK'],
    description:
      'Complaints whose first response came after 3 working days, or has not come and is past due (part of COMPLAINTS_OVERDUE).',
    value: (c) => get(c, 'FEEDBACK', 'responseOverdue'),
  },
  AVG_COMPLAINT_RESPONSE_HOURS: {
    families: ['FEEDBACK'],
    description: 'Average hours from receipt to first response, of complaints that got one.',
    value: (c) => ratio(get(c, 'FEEDBACK', 'responseHours'), get(c, 'FEEDBACK', 'responded')),
  },
  INDICATOR_ACHIEVEMENT: {
    families: ['INDICATOR'],
    description:
      'Average achievement of indicator measurements in percent (capaian), honouring each direction.',
    value: (c) => ratio(get(c, 'INDICATOR', 'achievementSum'), get(c, 'INDICATOR', 'achievementN')),
  },
  APPRAISAL_COUNT: {
    families: ['APPRAISAL'],
    description: 'SKP appraisals recorded.',
    value: (c) => get(c, 'APPRAISAL', 'appraisals'),
  },
  BUDGET_PLANNED: {
    families: ['BUDGET'],
    description: 'Planned development budget in rupiah (anggaran direncanakan).',
    value: (c) => get(c, 'BUDGET', 'planned'),
  },
  BUDGET_COMMITTED: {
    families: ['BUDGET'],
    description: 'Budget committed to programs in rupiah.',
    value: (c) => get(c, 'BUDGET', 'committed'),
  },
  BUDGET_SPENT: {
    families: ['BUDGET'],
    description: 'Budget spent in rupiah (realisasi).',
    value: (c) => get(c, 'BUDGET', 'spent'),
  },
} as const satisfies Record<string, MeasureSpec>;

export type Measure = keyof typeof MEASURES;
export const MEASURE_NAMES = Object.keys(MEASURES) as Measure[];
