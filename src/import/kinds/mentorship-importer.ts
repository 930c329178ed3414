import { employeeEntity } from '../../data/entities/employee';
import { mentorshipEntity } from '../../data/entities/mentorship';
import { recordsByNaturalKey } from '../../data/imports/natural-keys';
import { createReferenceSets } from '../../data/imports/reference-sets';
import { itemsByKey } from '../../data/imports/transact-rows';
import { createItemLoader } from '../../data/item-loader';
import type { Employee } from '../../domain/employee';
import type { Mentorship } from '../../domain/mentorship';
import {
  checkMentorEligibility,
  type SeniorityProfile,
  serviceStartIssue,
} from '../../domain/mentorship-rules';
import {
  checkMentorshipRow,
  MENTORSHIP_COLUMNS,
  type MentorshipRow,
} from '../../domain/onboarding/kinds/mentorships';
import type { CellIssue } from '../../domain/onboarding/row-check';
import { AppError } from '../../errors/app-error';
import type { RequestScope } from '../../services/request-scope';
import type { ImportDeps } from '../import-deps';
import { issue, type KindImporter, type Numbered, type RowOutcome } from '../kind-importer';

/** What seniority compares (as the mentorship service reads it). */
const seniorityOf = (e: Employee): SeniorityProfile => ({
  employmentType: e.employmentType,
  serviceStartDate: e.serviceStartDate,
  ...(e.golongan ? { golongan: e.golongan } : {}),
  ...(e.pppkGrade ? { pppkGrade: e.pppkGrade } : {}),
});

/** The field a service error names (`input.mentorId`) as the file's column. */
const COLUMN_OF: Record<string, string> = {
  'input.mentorId': 'mentorNip',
  'input.menteeId': 'menteeNip',
  'input.endDate': 'endDate',
  'input.startDate': 'startDate',
};

/**
 * Mentorships by mentor NIP + mentee NIP + start date. Rows are checked against the employees
 * (found by NIP) and their stored mentorships; new ones are started through the mentorship
 * service itself, as an administrator of the agency would, so seniority, active employees, the
 * mentee limit, a start after both began service and one active pair are enforced by the same
 * code (and transaction) as the API.
 */
export function mentorshipImporter(agencyId: string, deps: ImportDeps): KindImporter<MentorshipRow> {
  const service = deps.mentorships;
  const scope = (): RequestScope => ({
    caller: { kind: 'staff', role: 'ADMIN', agencyId, subject: 'import' },
    loader: createItemLoader(deps.table),
    logger: deps.logger,
    requestId: 'import',
  });
  const today = () => deps.clock().toISOString().slice(0, 10);
  let maxActiveMentees: number | undefined;
  /** New mentees the file gives each mentor so far (validation), to refuse rows past the limit. */
  const newMentees = new Map<string, number>();

  /** The rows' employees by NIP, and the stored mentorships of their mentees. */
  async function lookup(rows: Numbered<MentorshipRow>[]) {
    const nips = [...new Set(rows.flatMap((r) => [r.value.mentorNip, r.value.menteeNip]))];
    const employees = await recordsByNaturalKey(deps.table, employeeEntity, agencyId, 'Nip', nips);
    const ids = [...employees.values()].flatMap((e) => e.mentorshipIdsAsMentee ?? []);
    const items = await itemsByKey(
      deps.table,
      ids.map((id) => mentorshipEntity.key(agencyId, id)),
    );
    const stored = [...items.values()].map((i) => mentorshipEntity.fromItem(i));
    return { employees, stored };
  }

  const existingOf = (row: MentorshipRow, employees: Map<string, Employee>, stored: Mentorship[]) => {
    const mentor = employees.get(row.mentorNip);
    const mentee = employees.get(row.menteeNip);
    return stored.find(
      (m) => m.mentorId === mentor?.id && m.menteeId === mentee?.id && m.startDate === row.startDate,
    );
  };

  function referenceIssues(row: MentorshipRow, employees: Map<string, Employee>): CellIssue[] {
    const issues: CellIssue[] = [];
    for (const field of ['mentorNip', 'menteeNip'] as const) {
      const employee = employees.get(row[field]);
      if (!employee) issues.push(issue(field, row[field], 'no employee with this NIP in the agency'));
      else if (employee.status !== 'ACTIVE')
        issues.push(issue(field, row[field], `the employee is ${employee.status}, not active`));
    }
    return issues;
  }

  return {
    columns: MENTORSHIP_COLUMNS,
    keyField: 'menteeNip',
    async prepare() {
      maxActiveMentees = (await createReferenceSets(deps.table).agency(agencyId))?.maxActiveMentees;
    },
    check: (row) => checkMentorshipRow(row, today()),
    naturalKey: (row) => `${row.mentorNip}|${row.menteeNip}|${row.startDate}`,
    async checkBatch(rows) {
      const { employees, stored } = await lookup(rows);
      const found = new Map<number, CellIssue[]>();
      for (const r of rows) {
        const issues = referenceIssues(r.value, employees);
        if (issues.length) {
          found.set(r.row, issues);
          continue;
        }
        if (existingOf(r.value, employees, stored)) continue;
        // The service's rules, checked before any write so all-or-nothing holds; it checks again when writing.
        const mentor = employees.get(r.value.mentorNip) as Employee;
        const mentee = employees.get(r.value.menteeNip) as Employee;
        const beforeService = serviceStartIssue(mentor, mentee, r.value.startDate);
        if (beforeService) {
          found.set(r.row, [issue('startDate', r.value.startDate, beforeService.reason)]);
          continue;
        }
        const pending = newMentees.get(mentor.id) ?? 0;
        const eligibility = checkMentorEligibility({
          mentorId: mentor.id,
          menteeId: mentee.id,
          mentor: seniorityOf(mentor),
          mentee: seniorityOf(mentee),
          activeMenteeCount: (mentor.activeMenteeCount ?? 0) + pending,
          maxActiveMentees,
          asOf: r.value.startDate,
        });
        if (!eligibility.ok) {
          const field = eligibility.code === 'SELF_MENTORING' ? 'menteeNip' : 'mentorNip';
          found.set(r.row, [issue(field, r.value[field], eligibility.reason)]);
          continue;
        }
        newMentees.set(mentor.id, pending + 1);
      }
      return found;
    },
    async classifyBatch(rows) {
      const { employees, stored } = await lookup(rows);
      return rows.map((r) => (existingOf(r.value, employees, stored) ? 'unchanged' : 'created'));
    },
    // One batch at a time: a mentor's mentee limit is counted across the rows of the file.
    writeBatchesInFlight: 1,
    async writeBatch(rows) {
      const { employees, stored } = await lookup(rows);
      const outcomes: RowOutcome[] = [];
      // One at a time: the mentee limit of a mentor is counted across the rows of the file.
      for (const { value: row } of rows) {
        if (existingOf(row, employees, stored)) {
          outcomes.push('unchanged');
          continue;
        }
        const mentor = employees.get(row.mentorNip) as Employee;
        const mentee = employees.get(row.menteeNip) as Employee;
        try {
          await service.start(scope(), {
            mentor: { agencyId, id: mentor.id },
            mentee: { agencyId, id: mentee.id },
            goals: row.goals,
            startDate: row.startDate,
            endDate: row.endDate,
          });
          outcomes.push('created');
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const field = COLUMN_OF[String(error.extensions.field)] ?? 'menteeNip';
          outcomes.push({
            issues: [issue(field, String(row[field as keyof MentorshipRow] ?? ''), error.message)],
          });
        }
      }
      return outcomes;
    },
  };
}
