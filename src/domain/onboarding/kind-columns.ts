import type { ColumnSpec, ImportKind } from './columns';
import { EMPLOYEE_COLUMNS } from './kinds/employees';
import { ENROLLMENT_COLUMNS } from './kinds/enrollments';
import { MEASUREMENT_COLUMNS } from './kinds/measurements';
import { MENTORSHIP_COLUMNS } from './kinds/mentorships';
import { PROGRAM_COLUMNS } from './kinds/programs';
import { UNIT_COLUMNS } from './kinds/units';

/** The columns of each kind: what templates, imports and exports use. */
export const KIND_COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  units: UNIT_COLUMNS,
  employees: EMPLOYEE_COLUMNS,
  programs: PROGRAM_COLUMNS,
  enrollments: ENROLLMENT_COLUMNS,
  mentorships: MENTORSHIP_COLUMNS,
  measurements: MEASUREMENT_COLUMNS,
};

/** Kinds that can be imported (all of them). */
export const IMPORTABLE_KINDS: readonly ImportKind[] = [
  'units',
  'employees',
  'programs',
  'enrollments',
  'mentorships',
  'measurements',
];
