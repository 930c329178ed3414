import type { StoredDimension } from './dimensions';
import { inStorageOrder } from './dimensions';

/**
 * Fact families: what one kind of base record contributes to rollups. Each has the stored
 * dimensions its facts carry (`dims`, combined in the lattice of `cuboidsOf`), a time grain, and
 * numeric components summed in cells. `narrow` dimensions are kept only in a few cuboids: each
 * alone and with every subset of its partners, never in the lattice (each cuboid is one more
 * cell write per change of a record).
 */
export const FAMILIES = {
  ENROLLMENT: {
    time: 'MONTH',
    dims: ['UNIT', 'PROGRAM', 'ENROLLMENT_STATUS', 'GOLONGAN', 'EMPLOYMENT_TYPE', 'GENDER'],
    // The category heatmap (UNIT x PROGRAM_CATEGORY x MONTH) reads units x categories a month
    // instead of units x programs; ENROLLMENT_STATUS for where a category's enrollments stand
    // (with UNIT: a unit head's implicit filter). Other pairs go through PROGRAM.
    narrow: { PROGRAM_CATEGORY: ['UNIT', 'ENROLLMENT_STATUS'] },
    components: [
      'enrollments',
      'completed',
      'dropped',
      'noShow',
      'waitlisted',
      'jp',
      'gainSum',
      'gainN',
      'invited',
      'accepted',
      'declined',
    ],
    description: 'Enrollments, bucketed by the month their program starts.',
  },
  WORKFORCE: {
    time: 'NONE',
    dims: ['UNIT', 'GOLONGAN', 'EMPLOYMENT_TYPE', 'GENDER'],
    components: ['employees'],
    description: 'Active employees now.',
  },
  JP: {
    time: 'YEAR',
    dims: ['UNIT', 'GOLONGAN', 'EMPLOYMENT_TYPE', 'GENDER'],
    components: ['compliant'],
    description: 'Employees who reached 20 JP in a year (programs and mentoring received).',
  },
  LEARNERS: {
    time: 'QUARTER',
    dims: ['UNIT'],
    components: ['learners'],
    description:
      'Active employees with learning (a program completed with JP, mentoring received) in the 12 months ending at a quarter, by their unit now.',
  },
  MENTORSHIP: {
    time: 'NONE',
    dims: ['UNIT', 'GOLONGAN', 'GENDER'],
    components: ['active'],
    description: "Mentorships in progress now, by the mentee's unit and grade.",
  },
  MENTORING: {
    time: 'MONTH',
    dims: ['UNIT'],
    components: ['minutes', 'sessions'],
    description: "Mentoring sessions, by the month held and the mentee's unit.",
  },
  FEEDBACK: {
    time: 'MONTH',
    dims: ['UNIT', 'FEEDBACK_CHANNEL'],
    components: [
      'feedback',
      'ikmSum',
      'ikmResponses',
      'complaints',
      'overdue',
      'responseOverdue',
      'responseHours',
      'responded',
    ],
    description: 'Feedback from the public (not hidden by moderation), by the month received.',
  },
  INDICATOR: {
    time: 'MONTH',
    dims: ['UNIT'],
    components: ['achievementSum', 'achievementN'],
    description: 'Indicator measurements, by the first month of their period.',
  },
  APPRAISAL: {
    time: 'MONTH',
    dims: ['UNIT', 'GOLONGAN', 'EMPLOYMENT_TYPE', 'GENDER', 'PREDIKAT'],
    components: ['appraisals'],
    description: 'SKP appraisals, by the first month of their period.',
  },
  BUDGET: {
    time: 'YEAR',
    dims: ['UNIT'],
    components: ['planned', 'committed', 'spent'],
    description: 'Development-plan budgets, by plan year (UNIT = AGENCY for agency-wide plans).',
  },
} as const satisfies Record<
  string,
  {
    time: 'MONTH' | 'QUARTER' | 'YEAR' | 'NONE';
    dims: readonly StoredDimension[];
    narrow?: Partial<Record<StoredDimension, readonly StoredDimension[]>>;
    components: readonly string[];
    description: string;
  }
>;

export type Family = keyof typeof FAMILIES;
export type FamilySpec = (typeof FAMILIES)[Family];

/** A family's narrow dimensions (kept in a few cuboids only), each with the partners it combines with. */
export function narrowDimensionsOf(family: Family): [StoredDimension, readonly StoredDimension[]][] {
  const spec = FAMILIES[family];
  return 'narrow' in spec
    ? (Object.entries(spec.narrow) as [StoredDimension, readonly StoredDimension[]][])
    : [];
}

/** Families with at most this many dimensions keep every subset of them (the full lattice). */
const FULL_LATTICE_UP_TO = 4;

function subsets<T>(items: readonly T[], maxSize: number): T[][] {
  const out: T[][] = [[]];
  for (const item of items) {
    for (const existing of [...out]) if (existing.length < maxSize) out.push([...existing, item]);
  }
  return out;
}

/**
 * The cuboids (dimension subsets) a family keeps rollups for, in storage order: every subset
 * for small families; for larger ones every subset of up to two dimensions plus the triples
 * that include UNIT (so a unit head's implicit unit filter still fits two more dimensions);
 * then each narrow dimension with every subset of its partners.
 */
export function cuboidsOf(family: Family): readonly (readonly StoredDimension[])[] {
  // Asked once per fact by the aggregator and the recomputation: computed once per family.
  let cuboids = CUBOIDS.get(family);
  if (!cuboids) {
    cuboids = [...latticeOf(FAMILIES[family].dims), ...narrowCuboidsOf(family)].map((dims) =>
      Object.freeze(dims),
    );
    CUBOIDS.set(family, Object.freeze(cuboids));
  }
  return cuboids;
}

const CUBOIDS = new Map<Family, readonly (readonly StoredDimension[])[]>();

/** Each narrow dimension alone and with every subset of its partners. */
function narrowCuboidsOf(family: Family): StoredDimension[][] {
  return narrowDimensionsOf(family).flatMap(([dim, partners]) =>
    subsets(partners, partners.length).map((withPartners) => inStorageOrder([dim, ...withPartners])),
  );
}

function latticeOf(dims: readonly StoredDimension[]): StoredDimension[][] {
  if (dims.length <= FULL_LATTICE_UP_TO) return subsets(dims, dims.length).map(inStorageOrder);
  const small = subsets(dims, 2);
  const unitTriples = subsets(
    dims.filter((d) => d !== 'UNIT'),
    2,
  )
    .filter((pair) => pair.length === 2)
    .map((pair) => [...pair, 'UNIT' as const]);
  return [...small, ...unitTriples].map(inStorageOrder);
}

/** Stable id of a cuboid: its dimensions in storage order joined by `+`, or `*` for the grand total. */
export function cuboidId(dims: readonly StoredDimension[]): string {
  let id = CUBOID_IDS.get(dims);
  if (id === undefined) {
    id = dims.length === 0 ? '*' : dims.join('+');
    // Only the cached (frozen) cuboids are remembered: other arrays may change.
    if (Object.isFrozen(dims)) CUBOID_IDS.set(dims, id);
  }
  return id;
}

const CUBOID_IDS = new WeakMap<readonly StoredDimension[], string>();
