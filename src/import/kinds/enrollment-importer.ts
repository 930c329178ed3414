import { employeeEntity, NIP_GUARD } from '../../data/entities/employee';
import {
  ENROLLMENTS_PER_TRANSACTION,
  enrollmentGuardValue,
  enrollmentsByPair,
  insertImportedEnrollments,
  updateImportedEnrollment,
} from '../../data/imports/enrollment-import-writes';
import { recordsByNaturalKey } from '../../data/imports/natural-keys';
import { createReferenceSets } from '../../data/imports/reference-sets';
import { waitForAll } from '../../data/wait-for-all';
import { type Employee, profileOf } from '../../domain/employee';
import {
  checkEnrollmentRow,
  ENROLLMENT_COLUMNS,
  type EnrollmentRow,
} from '../../domain/onboarding/kinds/enrollments';
import type { CellIssue, RowResult } from '../../domain/onboarding/row-check';
import { nameOf, STUDY_FUNDING_NAMES } from '../../domain/onboarding/value-names';
import { newRecord } from '../../domain/record';
import { arrangementProblem, type StudyFunding } from '../../domain/study-leave';
import type { Enrollment, TrainingProgram } from '../../domain/training';
import type { ImportDeps } from '../import-deps';
import type { KindImporter, Numbered, RowOutcome } from '../kind-importer';
import { sameData } from '../upsert-by-key';
import { createProgramFinder } from './program-finder';

type ResolvedEnrollment = EnrollmentRow & { programId: string };

/** Transactions of one write batch sent at once (several batches are in flight: kind-importer.ts). */
const TRANSACTIONS_AT_ONCE = 4;

const refused = (field: string, value: string, reason: string): { issues: CellIssue[] } => ({
  issues: [{ field, value, reason }],
});

const shape = (e: Enrollment) => ({
  status: e.status,
  completedAt: e.completedAt,
  jpCredited: e.jpCredited,
  preTestScore: e.preTestScore,
  postTestScore: e.postTestScore,
  certificateNumber: e.certificateNumber,
  studyFunding: e.studyFunding,
});

const fundingName = (funding: StudyFunding | undefined) =>
  funding ? nameOf(STUDY_FUNDING_NAMES, funding) : '';

/**
 * Participations by NIP + program: new ones take a seat through the same transaction shape as
 * enrolling (guard, employee's id list, seat counters, partner feed), so dashboards and partner
 * feeds see them as API writes; a known one may be completed or corrected under its version.
 */
export function enrollmentImporter(agencyId: string, deps: ImportDeps): KindImporter<ResolvedEnrollment> {
  const programs = createProgramFinder();
  /** New seats the file takes per program so far (validation), to refuse rows beyond capacity. */
  const newSeats = new Map<string, number>();
  const today = () => deps.clock().toISOString().slice(0, 10);

  async function lookup(rows: Numbered<ResolvedEnrollment>[], consistent = false) {
    const employees = await recordsByNaturalKey(
      deps.table,
      employeeEntity,
      agencyId,
      NIP_GUARD,
      [...new Set(rows.map((r) => r.value.nip))],
      consistent,
    );
    const pairs = rows.flatMap((r) => {
      const e = employees.get(r.value.nip);
      return e ? [enrollmentGuardValue(r.value.programId, e.id)] : [];
    });
    const enrollments = await enrollmentsByPair(deps.table, agencyId, pairs, consistent);
    return { employees, enrollments };
  }

  /** What a row does given what is stored: a new enrollment, a changed one, nothing, or a refusal. */
  function plan(row: ResolvedEnrollment, employee: Employee | undefined, existing: Enrollment | undefined) {
    const program = programs.byId(row.programId) as TrainingProgram;
    if (!employee) return { outcome: refused('nip', row.nip, 'no employee with this NIP in the agency') };
    const completedAt = row.completedOn ? `${row.completedOn}T00:00:00.000Z` : undefined;
    const jpCredited = row.status === 'COMPLETED' ? (row.jp ?? program.jp) : 0;
    if (!existing) {
      const now = deps.clock().toISOString();
      const id = deps.newId();
      const enrollment: Enrollment = {
        ...newRecord(agencyId, id, now),
        programId: program.id,
        employeeId: employee.id,
        unitId: employee.unitId,
        partnerId: program.partnerId,
        employeeProfile: profileOf(employee),
        programStartDate: program.startDate,
        status: row.status,
        queueKey: id,
        enrolledAt: `${program.startDate}T00:00:00.000Z`,
        completedAt,
        jpCredited,
        preTestScore: row.preTestScore,
        postTestScore: row.postTestScore,
        certificateNumber: row.certificateNumber,
        ...(row.studyFunding ? { studyFunding: row.studyFunding } : {}),
      };
      return { outcome: 'created' as const, enrollment };
    }
    if (!['ENROLLED', 'COMPLETED', 'NO_SHOW'].includes(existing.status))
      return {
        outcome: refused(
          'status',
          row.status,
          `the enrollment is ${existing.status} in the system; change it there`,
        ),
      };
    if (existing.status !== 'ENROLLED' && row.status === 'ENROLLED')
      return {
        outcome: refused(
          'status',
          row.status,
          `the participation is already ${existing.status}; it cannot be reopened`,
        ),
      };
    // The arrangement was checked when the seat was taken; a blank cell leaves it alone.
    if (row.studyFunding && row.studyFunding !== existing.studyFunding)
      return {
        outcome: refused(
          'studyFunding',
          fundingName(row.studyFunding),
          existing.studyFunding
            ? `the enrollment is ${fundingName(existing.studyFunding)} in the system; the arrangement cannot change`
            : 'the enrollment has no study arrangement in the system; it cannot be added later',
        ),
      };
    // Blank scores and certificate cells leave the stored values alone.
    const next: Enrollment = {
      ...existing,
      status: row.status,
      completedAt,
      jpCredited,
      preTestScore: row.preTestScore ?? existing.preTestScore,
      postTestScore: row.postTestScore ?? existing.postTestScore,
      certificateNumber:
        row.status === 'COMPLETED' ? (row.certificateNumber ?? existing.certificateNumber) : undefined,
    };
    if (sameData(shape(existing), shape(next))) return { outcome: 'unchanged' as const };
    return {
      outcome: 'updated' as const,
      before: existing,
      after: { ...next, version: existing.version + 1, updatedAt: deps.clock().toISOString() },
    };
  }

  async function write(rows: Numbered<ResolvedEnrollment>[], consistent: boolean): Promise<RowOutcome[]> {
    const { employees, enrollments } = await lookup(rows, consistent);
    const plans = rows.map((r) => {
      const employee = employees.get(r.value.nip);
      return plan(
        r.value,
        employee,
        employee ? enrollments.get(enrollmentGuardValue(r.value.programId, employee.id)) : undefined,
      );
    });
    const outcomes: RowOutcome[] = plans.map((p) => p.outcome);
    const retry: number[] = [];
    // New enrollments, per program, in transactions of up to 20; changes one by one. The
    // transactions of a batch touch distinct enrollments and employees, so they go out together
    // (a few at a time); those that meet on a program's counters are retried by `Table.transact`.
    const jobs: (() => Promise<void>)[] = [];
    const byProgram = new Map<string, number[]>();
    plans.forEach((p, i) => {
      if (p.outcome === 'created' && 'enrollment' in p && p.enrollment)
        byProgram.set(p.enrollment.programId, [...(byProgram.get(p.enrollment.programId) ?? []), i]);
    });
    for (const [programId, indexes] of byProgram) {
      for (let start = 0; start < indexes.length; start += ENROLLMENTS_PER_TRANSACTION) {
        const chunk = indexes.slice(start, start + ENROLLMENTS_PER_TRANSACTION);
        jobs.push(async () => {
          // The capacity conditions the seats taken: as read at the start of the run (or after a
          // refusal, below), read again only on the second, one-row attempt.
          const program = consistent
            ? await programs.latest(deps.table, agencyId, programId)
            : programs.byId(programId);
          const list = chunk.map((i) => (plans[i] as { enrollment: Enrollment }).enrollment);
          if (!program || !(await insertImportedEnrollments(deps.table, program, list))) retry.push(...chunk);
        });
      }
    }
    plans.forEach((p, i) => {
      if (p.outcome === 'updated' && 'after' in p && p.after && p.before) {
        const { before, after } = p;
        jobs.push(async () => {
          if (!(await updateImportedEnrollment(deps.table, before, after))) retry.push(i);
        });
      }
    });
    for (let i = 0; i < jobs.length; i += TRANSACTIONS_AT_ONCE)
      await waitForAll(jobs.slice(i, i + TRANSACTIONS_AT_ONCE).map((job) => job()));
    retry.sort((a, b) => a - b);
    if (!consistent && retry.length) {
      // One by one, re-read: a lost race (or a seat taken meanwhile) refuses only its own row.
      for (const i of retry) {
        const [again] = await write([rows[i] as Numbered<ResolvedEnrollment>], true);
        outcomes[i] = again as RowOutcome;
      }
    } else if (retry.length) {
      for (const i of retry) {
        const program = programs.byId((rows[i] as Numbered<ResolvedEnrollment>).value.programId);
        outcomes[i] = refused(
          'programCode',
          program?.code ?? '',
          'no seat left in the program, or it changed during the import; check its capacity and run again',
        );
      }
    }
    return outcomes;
  }

  return {
    columns: ENROLLMENT_COLUMNS,
    keyField: 'nip',
    async prepare() {
      programs.load(await createReferenceSets(deps.table).programs(agencyId));
    },
    check(row): RowResult<ResolvedEnrollment> {
      const checked = checkEnrollmentRow(row, today());
      if (!checked.ok) return checked;
      const found = programs.find(checked.value.program);
      if (!found.ok) return { ok: false, issues: [found.issue] };
      const program = found.program;
      const v = checked.value;
      if (program.status === 'CANCELLED' || program.status === 'DRAFT')
        return {
          ok: false,
          issues: [{ field: found.field, value: found.value, reason: `the program is ${program.status}` }],
        };
      if (v.status === 'ENROLLED' && program.status === 'COMPLETED')
        return {
          ok: false,
          issues: [
            {
              field: 'status',
              value: 'Terdaftar',
              reason: 'the program has ended: record Lulus or Tidak Hadir',
            },
          ],
        };
      // As enrolling (study-eligibility.ts): only DEGREE programs take an arrangement (a new seat
      // needs one: checkBatch, which knows whether the row is new).
      const problem = arrangementProblem(program.format, v.studyFunding, false);
      if (problem)
        return {
          ok: false,
          issues: [{ field: 'studyFunding', value: fundingName(v.studyFunding), reason: problem }],
        };
      if (v.completedOn && v.completedOn < program.startDate)
        return {
          ok: false,
          issues: [
            {
              field: 'completedOn',
              value: v.completedOn,
              reason: `must not be before the program start (${program.startDate})`,
            },
          ],
        };
      return { ok: true, value: { ...v, programId: program.id } };
    },
    naturalKey: (row) => `${row.nip}|${row.programId}`,
    async checkBatch(rows) {
      const issues = new Map<number, CellIssue[]>();
      const { employees, enrollments } = await lookup(rows);
      const seats: { r: Numbered<ResolvedEnrollment>; employee: Employee }[] = [];
      for (const r of rows) {
        const employee = employees.get(r.value.nip);
        if (!employee) {
          issues.set(r.row, [
            { field: 'nip', value: r.value.nip, reason: 'no employee with this NIP in the agency' },
          ]);
          continue;
        }
        const existing = enrollments.get(enrollmentGuardValue(r.value.programId, employee.id));
        const p = plan(r.value, employee, existing);
        if (typeof p.outcome === 'object') issues.set(r.row, p.outcome.issues);
        else if (!existing) seats.push({ r, employee });
      }
      // New degree seats need their arrangement, and the employee must be eligible for it, as
      // enrolling checks (history rows are not: a new agency has no appraisals yet). The reads
      // for the whole batch at once.
      const enrolling = seats.filter(({ r }) => r.value.status === 'ENROLLED');
      for (const { r } of enrolling) {
        const program = programs.byId(r.value.programId) as TrainingProgram;
        const problem = arrangementProblem(program.format, r.value.studyFunding);
        if (problem) issues.set(r.row, [{ field: 'studyFunding', value: '', reason: problem }]);
      }
      const degree = enrolling.filter(({ r }) => r.value.studyFunding);
      const refusals = await deps.study.refusals(
        agencyId,
        degree.map(({ r, employee }) => ({ employee, funding: r.value.studyFunding as StudyFunding })),
      );
      degree.forEach(({ r }, i) => {
        const reasons = refusals[i] ?? [];
        if (reasons.length)
          issues.set(
            r.row,
            reasons.map((reason) => ({
              field: 'studyFunding',
              value: fundingName(r.value.studyFunding),
              reason,
            })),
          );
      });
      for (const { r } of seats) {
        if (issues.has(r.row)) continue;
        const program = programs.byId(r.value.programId) as TrainingProgram;
        const taken = (newSeats.get(program.id) ?? 0) + 1;
        if (program.seatsTaken + taken > program.capacity) {
          issues.set(r.row, [
            {
              field: 'programCode',
              value: program.code ?? program.title,
              reason: `the program has ${program.capacity} seats and this row would be participant ${program.seatsTaken + taken}; raise its capacity first`,
            },
          ]);
          continue;
        }
        newSeats.set(program.id, taken);
      }
      return issues;
    },
    classifyBatch: async (rows) => {
      const { employees, enrollments } = await lookup(rows);
      return rows.map((r) => {
        const employee = employees.get(r.value.nip);
        return plan(
          r.value,
          employee,
          employee ? enrollments.get(enrollmentGuardValue(r.value.programId, employee.id)) : undefined,
        ).outcome;
      });
    },
    writeBatch: (rows) => write(rows, false),
  };
}
