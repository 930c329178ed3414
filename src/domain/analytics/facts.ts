import { type Employee, type EmployeeProfile, profileOf } from '../employee';
import { deadlinesOf, type Feedback, isComplaintKind } from '../feedback';
import type { MentoringSession, Mentorship } from '../mentorship';
import type { Enrollment } from '../training';
import { MINUTES_PER_JP } from '../training-hours';
import { NO_VALUE, type StoredDimension } from './dimensions';
import type { Family } from './families';

/** What one base record contributes to one family: a time bucket, dimension values, summable components. */
export interface Fact {
  family: Family;
  /** `YYYY-MM` (MONTH families; a quarter's first month for QUARTER ones), `YYYY` (YEAR) or `-` (timeless state). */
  bucket: string;
  dims: Partial<Record<StoredDimension, string>>;
  components: Record<string, number>;
}

/** Minutes of learning an employee earned in a year (toward the 20 JP rule), and their profile then. */
export interface JpContribution {
  employeeId: string;
  year: string;
  /** Day of the learning (completion or session). */
  date: string;
  minutes: number;
  profile: EmployeeProfile;
}

export interface Contribution {
  facts: Fact[];
  jp: JpContribution[];
}

/**
 * A program's category, which enrollment facts carry but enrollment records do not: the
 * recomputation reads it from the programs among the base records, the stream aggregator from
 * the program (cached: a category never changes). Undefined for a program that is not found.
 */
export type ProgramCategoryOf = (agencyId: string, programId: string) => string | undefined;

/** For facts of records that are not enrollments (an employee's unit now): they ask no program. */
export const NO_PROGRAMS: ProgramCategoryOf = () => undefined;

type Image = Record<string, unknown>;
const NONE: Contribution = { facts: [], jp: [] };
const flag = (condition: boolean) => (condition ? 1 : 0);

/** The stored dimensions of an employee profile. */
export const profileDims = (p: EmployeeProfile) => ({
  UNIT: p.unitId,
  GOLONGAN: p.grade,
  EMPLOYMENT_TYPE: p.employmentType,
  GENDER: p.gender,
});

function enrollmentFacts(e: Enrollment, categoryOf: ProgramCategoryOf): Contribution {
  const completed = e.status === 'COMPLETED';
  const gain = completed && e.preTestScore !== undefined && e.postTestScore !== undefined;
  const facts: Fact[] = [
    {
      family: 'ENROLLMENT',
      bucket: e.programStartDate.slice(0, 7),
      dims: {
        ...profileDims({ ...e.employeeProfile, unitId: e.unitId }),
        PROGRAM: e.programId,
        PROGRAM_CATEGORY: categoryOf(e.agencyId, e.programId) ?? NO_VALUE,
        ENROLLMENT_STATUS: e.status,
      },
      components: {
        enrollments: 1,
        completed: flag(completed),
        dropped: flag(e.status === 'DROPPED'),
        noShow: flag(e.status === 'NO_SHOW'),
        waitlisted: flag(e.status === 'WAITLISTED'),
        jp: e.jpCredited,
        gainSum: gain ? (e.postTestScore as number) - (e.preTestScore as number) : 0,
        gainN: flag(gain),
        // Participation signals: invitations made, accepted (whatever followed) and declined.
        invited: flag(Boolean(e.invitedAt)),
        accepted: flag(Boolean(e.invitedAt && e.acceptedAt)),
        declined: flag(e.status === 'DECLINED'),
      },
    },
  ];
  const jp =
    completed && e.completedAt && e.jpCredited > 0
      ? [
          {
            employeeId: e.employeeId,
            year: e.completedAt.slice(0, 4),
            date: e.completedAt.slice(0, 10),
            minutes: e.jpCredited * MINUTES_PER_JP,
            profile: { ...e.employeeProfile, unitId: e.unitId },
          },
        ]
      : [];
  return { facts, jp };
}

/**
 * Which deadlines a complaint missed: a first response (or a resolution standing in for it) or a
 * resolution after its due instant, or none yet and the sweep's mark made after that instant (a
 * mark against an earlier deadline that a calendar change moved later no longer counts).
 */
function missedDeadlines(f: Feedback & { overdueAt?: string; responseOverdueAt?: string }) {
  const { kind } = f;
  if (!isComplaintKind(kind)) return { response: false, resolution: false };
  const due = deadlinesOf({ ...f, kind });
  const responded = [f.firstResponseAt, f.resolvedAt].filter((t) => t !== undefined).sort()[0];
  const late = (doneAt: string | undefined, markedAt: string | undefined, dueAt: string) =>
    doneAt !== undefined ? doneAt > dueAt : markedAt !== undefined && markedAt > dueAt;
  return {
    response: late(responded, f.responseOverdueAt, due.firstResponseDue),
    resolution: late(f.resolvedAt, f.overdueAt, due.resolutionDue),
  };
}

function feedbackFacts(f: Feedback & { overdueAt?: string; responseOverdueAt?: string }): Contribution {
  if (f.moderationStatus === 'HIDDEN') return NONE;
  const complaint = isComplaintKind(f.kind);
  const missed = missedDeadlines(f);
  const responseHours =
    complaint && f.firstResponseAt
      ? (Date.parse(f.firstResponseAt) - Date.parse(f.submittedAt)) / 3_600_000
      : 0;
  const answers = f.surveyAnswers ?? [];
  return {
    facts: [
      {
        family: 'FEEDBACK',
        bucket: f.submittedAt.slice(0, 7),
        dims: { UNIT: f.unitId, FEEDBACK_CHANNEL: f.channel },
        components: {
          feedback: 1,
          ikmSum: answers.reduce((sum, a) => sum + a, 0),
          ikmResponses: flag(answers.length > 0),
          complaints: flag(complaint),
          overdue: flag(missed.response || missed.resolution),
          responseOverdue: flag(missed.response),
          responseHours: Math.round(responseHours * 100) / 100,
          responded: flag(complaint && Boolean(f.firstResponseAt)),
        },
      },
    ],
    jp: [],
  };
}

function sessionFacts(s: MentoringSession): Contribution {
  return {
    facts: [
      {
        family: 'MENTORING',
        bucket: s.date.slice(0, 7),
        dims: { UNIT: s.menteeProfile.unitId },
        components: { minutes: s.minutes, sessions: 1 },
      },
    ],
    jp: [
      {
        employeeId: s.menteeId,
        year: s.date.slice(0, 4),
        date: s.date,
        minutes: s.minutes,
        profile: s.menteeProfile,
      },
    ],
  };
}

/**
 * The entities whose items contribute to rollups (`contributionOf` gives nothing for any other).
 * The aggregator's stream subscription in AWS is filtered to them (infra/constructs/aggregator.ts).
 */
export const FACT_ENTITIES = [
  'Enrollment',
  'Employee',
  'Mentorship',
  'MentoringSession',
  'Feedback',
  'Measurement',
  'Evaluation',
  'DevelopmentPlan',
] as const;

/**
 * Everything a stored item contributes to the rollups; nothing for items that are not facts.
 * `categoryOf` gives an enrollment's program category (the item does not carry it).
 */
export function contributionOf(item: Image | undefined, categoryOf: ProgramCategoryOf): Contribution {
  if (!item) return NONE;
  switch (item.entity) {
    case 'Enrollment':
      return enrollmentFacts(item as unknown as Enrollment, categoryOf);
    case 'Employee':
      return item.status === 'ACTIVE'
        ? {
            facts: [
              {
                family: 'WORKFORCE',
                bucket: '-',
                dims: profileDims(profileOf(item as unknown as Employee)),
                components: { employees: 1 },
              },
            ],
            jp: [],
          }
        : NONE;
    case 'Mentorship': {
      const m = item as unknown as Mentorship;
      if (m.status !== 'ACTIVE') return NONE;
      const p = m.menteeProfile;
      return {
        facts: [
          {
            family: 'MENTORSHIP',
            bucket: '-',
            dims: { UNIT: p.unitId, GOLONGAN: p.grade, GENDER: p.gender },
            components: { active: 1 },
          },
        ],
        jp: [],
      };
    }
    case 'MentoringSession':
      return sessionFacts(item as unknown as MentoringSession);
    case 'Feedback':
      return feedbackFacts(item as unknown as Feedback);
    case 'Measurement':
      return {
        facts: [
          {
            family: 'INDICATOR',
            bucket: monthOfPeriod(String(item.period)),
            dims: { UNIT: String(item.unitId) },
            components: { achievementSum: Number(item.achievementPercent ?? 0), achievementN: 1 },
          },
        ],
        jp: [],
      };
    default:
      return evaluationOrPlanFacts(item);
  }
}

/** Appraisals (kind APPRAISAL with an employee profile snapshot) and development-plan budgets. */
function evaluationOrPlanFacts(item: Image): Contribution {
  if (item.entity === 'Evaluation' && item.kind === 'APPRAISAL' && item.employeeProfile && item.predikat) {
    return {
      facts: [
        {
          family: 'APPRAISAL',
          bucket: String(item.periodStart).slice(0, 7),
          dims: { ...profileDims(item.employeeProfile as EmployeeProfile), PREDIKAT: String(item.predikat) },
          components: { appraisals: 1 },
        },
      ],
      jp: [],
    };
  }
  if (item.entity === 'DevelopmentPlan') {
    const amount = (name: string) => (typeof item[name] === 'number' ? (item[name] as number) : 0);
    return {
      facts: [
        {
          family: 'BUDGET',
          bucket: String(item.year),
          dims: { UNIT: typeof item.unitId === 'string' ? item.unitId : 'AGENCY' },
          components: { planned: amount('planned'), committed: amount('committed'), spent: amount('spent') },
        },
      ],
      jp: [],
    };
  }
  return NONE;
}

/** First month of a period key: `2026-07` -> `2026-07`, `2026-Q3` -> `2026-07`, `2026` -> `2026-01`. */
export function monthOfPeriod(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}`;
  return /^\d{4}$/.test(period) ? `${period}-01` : period.slice(0, 7);
}
