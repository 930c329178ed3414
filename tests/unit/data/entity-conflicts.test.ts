import { describe, expect, it } from 'vitest';
import { planWrites } from '../../../src/data/entities/development-plan-writes';
import { employeeEntity, employeeWrites } from '../../../src/data/entities/employee';
import { enrollmentWrites, ProgramFullError } from '../../../src/data/entities/enrollment-writes';
import { evaluationWrites } from '../../../src/data/entities/evaluation';
import { feedbackEntity, feedbackWrites, NotOverdueAnymore } from '../../../src/data/entities/feedback';
import { holidayCalendarEntity, holidayCalendarWrites } from '../../../src/data/entities/holiday-calendar';
import { recordMeasurementWrites } from '../../../src/data/entities/measurement';
import { mentorshipWrites } from '../../../src/data/entities/mentorship';
import { programWrites } from '../../../src/data/entities/training-program';
import { AlreadyCreated, type IdempotencyClaim, withClaim } from '../../../src/data/idempotency';
import { RaceLostError } from '../../../src/data/race-lost';
import { ConditionFailedError } from '../../../src/data/table';
import { buildDemoEvaluations } from '../../../src/demo/build-evaluations';
import { mentoringStory } from '../../../src/demo/build-mentorship';
import { buildDemoOrganization } from '../../../src/demo/build-organization';
import { buildDemoTraining } from '../../../src/demo/build-training';
import type { DevelopmentPlan } from '../../../src/domain/development-plan';
import type { Appraisal } from '../../../src/domain/evaluation';
import type { Feedback } from '../../../src/domain/feedback';
import type { HolidayCalendarRecord } from '../../../src/domain/holiday-calendar';
import { refusalOf, seenAs } from '../../helpers/refused-write';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const org = buildDemoOrganization(NOW);
const training = buildDemoTraining(NOW, org);
const employee = org.employees[0] as (typeof org.employees)[number];
const enrolled = training.enrollments.find((e) => e.status === 'ENROLLED' && e.version === 1);
const program = training.programs.find((p) => p.status === 'OPEN');
const mentorship = mentoringStory(NOW, org).mentorships[0]?.started;
const appraisal = buildDemoEvaluations(NOW, org, training).appraisals[0] as Appraisal;
if (!enrolled || !program || !mentorship) throw new Error('demo data lacks a fixture');

const plan: DevelopmentPlan = {
  agencyId: program.agencyId,
  id: 'plan-1',
  version: 1,
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  title: 'Rencana',
  year: 2026,
  scope: 'AGENCY',
  ownerId: employee.id,
  goals: [],
  status: 'APPROVED',
  planned: 100_000_000,
  committed: 0,
  spent: 0,
  remaining: 100_000_000,
  unspent: 0,
  programIds: [],
};

describe('conflict mapping of each entity (one place per entity, the cause kept)', () => {
  it('employee: a taken NIP is a CONFLICT on input.nip', async () => {
    const error = await refusalOf(employeeWrites.create(employee), { 0: { ownerId: 'someone-else' } });
    expect(seenAs(error)).toEqual({
      message: `NIP ${employee.nip} is already registered in this agency`,
      extensions: { code: 'CONFLICT', field: 'input.nip' },
      causeKept: true,
    });
  });

  it('versioned update: a stored record with another version "changed since you read it"', async () => {
    const after = { ...employee, name: 'Renamed', version: 2 };
    const error = await refusalOf(employeeWrites.update(employee, after), {
      0: employeeEntity.toItem({ ...employee, version: 3 }),
    });
    expect(seenAs(error)).toEqual({
      message: 'Employee changed since you read it: you sent version 1, the current version is 3',
      extensions: { code: 'CONFLICT', field: 'input.version', currentVersion: 3 },
      causeKept: true,
    });
  });

  it('versioned update: a record that is gone "no longer exists"', async () => {
    const error = await refusalOf(employeeWrites.update(employee, { ...employee, version: 2 }), {
      0: undefined,
    });
    expect(seenAs(error).message).toBe('Employee no longer exists');
  });

  it('enrollment: the place guard wins over a full program; a full program is ProgramFullError, a closed one BAD_USER_INPUT', async () => {
    const writes = enrollmentWrites.insert(enrolled);
    const both = await refusalOf(writes, { 0: { ownerId: 'x' }, 2: { status: 'OPEN' } });
    expect(seenAs(both).extensions).toEqual({ code: 'CONFLICT', field: 'input.employeeId' });
    expect(await refusalOf(writes, { 2: { status: 'OPEN', seatsTaken: 30 } })).toBeInstanceOf(
      ProgramFullError,
    );
    const closed = await refusalOf(writes, { 2: { status: 'RUNNING' } });
    expect(seenAs(closed)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.programId' },
      causeKept: true,
    });
    const missing = await refusalOf(writes, { 1: undefined, 2: { status: 'OPEN' } });
    expect(seenAs(missing).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.employeeId' });
  });

  it('enrollment: a drop that lost a race asks for a fresh read; a stale completion is a CONFLICT', async () => {
    const dropped = { ...enrolled, status: 'DROPPED' as const, version: 2 };
    const race = await refusalOf(enrollmentWrites.dropSeat(enrolled, dropped), { 2: { waitlistCount: 1 } });
    expect(race).toBeInstanceOf(RaceLostError);
    expect((race as Error).cause).toBeInstanceOf(ConditionFailedError);
    const done = { ...enrolled, status: 'NO_SHOW' as const, version: 2 };
    const stale = await refusalOf(enrollmentWrites.finish(enrolled, done), { 0: { version: 2 } });
    expect(seenAs(stale).message).toBe(
      'Enrollment changed since you read it: you sent version 1, the current version is 2',
    );
  });

  it('program: a capacity cut below the seats taken at write time is BAD_USER_INPUT, a new version a CONFLICT', async () => {
    const cut = programWrites.update(program, { ...program, capacity: 2, version: 2 });
    const seats = await refusalOf(cut, { 0: { version: 1, seatsTaken: 5 } });
    expect(seenAs(seats)).toMatchObject({
      message: 'input.capacity: must be at least the 5 seats already taken',
      causeKept: true,
    });
    const changed = await refusalOf(cut, { 0: { version: 2, seatsTaken: 0 } });
    expect(seenAs(changed).extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('mentorship: an active pair wins; the mentor at the limit is a CONFLICT with the rule, a missing mentor BAD_USER_INPUT', async () => {
    const writes = mentorshipWrites.start(mentorship, 5);
    const pair = await refusalOf(writes, { 0: {}, 1: { activeMenteeCount: 5 } });
    expect(seenAs(pair).message).toBe('These two already have an active mentorship');
    const limit = await refusalOf(writes, { 1: { activeMenteeCount: 5 } });
    expect(seenAs(limit).extensions).toEqual({
      code: 'CONFLICT',
      field: 'input.mentorId',
      rule: 'MENTEE_LIMIT_REACHED',
    });
    const gone = await refusalOf(writes, { 1: undefined });
    expect(seenAs(gone).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mentorId' });
  });

  it('appraisal: months already taken are a CONFLICT naming the periods in the way', async () => {
    const quarter: Appraisal = {
      ...appraisal,
      period: '2025-Q2',
      periodKind: 'QUARTER',
      periodStart: '2025-04-01',
      periodEnd: '2025-06-30',
    };
    const error = await refusalOf(evaluationWrites.recordAppraisal(quarter), {
      0: { m05: 'other@2025', m06: 'other@2025' },
    });
    expect(seenAs(error)).toEqual({
      message: "2025-Q2 overlaps the employee's appraisal for 2025",
      extensions: { code: 'CONFLICT', field: 'input.period', conflictingPeriods: ['2025'] },
      causeKept: true,
    });
    const same = await refusalOf(evaluationWrites.recordAppraisal(quarter), { 0: { m04: 'x@2025-Q2' } });
    expect(seenAs(same).message).toBe('The employee already has an appraisal for 2025-Q2');
  });

  it('measurement: a measured period wins over a retired indicator', async () => {
    const measurement = {
      agencyId: 'medan',
      indicatorId: 'i1',
      period: '2026-07',
      value: 1,
      recordedAt: '',
      recordedBy: '',
      unitId: 'u',
      achievementPercent: 1,
    };
    const writes = recordMeasurementWrites(measurement);
    expect(seenAs(await refusalOf(writes, { 0: {}, 1: { status: 'RETIRED' } })).message).toBe(
      'Period 2026-07 already has a measurement',
    );
    expect(seenAs(await refusalOf(writes, { 1: { status: 'RETIRED' } })).extensions).toMatchObject({
      field: 'input.indicatorId',
    });
  });

  it('plan: a commitment beyond the stored budget is a CONFLICT with the shortfall; a plan that is gone NOT_FOUND', async () => {
    const commitment = {
      ...plan,
      id: program.id,
      planId: plan.id,
      programId: program.id,
      participants: 1,
      amount: 5_000_000,
      committedBy: 'x',
    };
    const writes = planWrites.commitProgram(plan, program, commitment, NOW.toISOString());
    const stored = { ...plan, committed: 98_000_000, remaining: 2_000_000 };
    const error = await refusalOf(writes, { 0: stored });
    expect(seenAs(error)).toMatchObject({
      extensions: {
        code: 'CONFLICT',
        field: 'input.programId',
        rule: 'BUDGET_EXCEEDED',
        shortfall: 3_000_000,
      },
      causeKept: true,
    });
    expect(seenAs(await refusalOf(writes, { 0: undefined })).extensions).toMatchObject({ code: 'NOT_FOUND' });
    // Enough money as stored: the plan moved another way (its list filled, its status): read again.
    expect(await refusalOf(writes, { 0: { ...plan } })).toBeInstanceOf(RaceLostError);
  });

  it('idempotency claim: the same request replays, another request with the key is a CONFLICT; it takes precedence', async () => {
    const claim: IdempotencyClaim = {
      agencyId: 'medan',
      operation: 'createEmployee',
      key: 'key-12345678',
      requestHash: 'h1',
    };
    const writes = withClaim(employeeWrites.create(employee), claim, employee.id, NOW);
    const replay = await refusalOf(writes, { 0: { requestHash: 'h1', resultId: 'first' }, 1: {} });
    expect(replay).toBeInstanceOf(AlreadyCreated);
    expect((replay as AlreadyCreated).resultId).toBe('first');
    const other = await refusalOf(writes, { 0: { requestHash: 'h2', resultId: 'first' } });
    expect(seenAs(other).extensions).toEqual({ code: 'CONFLICT', field: 'input.idempotencyKey' });
  });

  it('holiday calendar: a first list that lost to another is a CONFLICT naming the stored version; a stale apply mark a lost race', async () => {
    const calendar: HolidayCalendarRecord = {
      agencyId: '@national',
      id: '2027',
      version: 1,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      year: 2027,
      scope: 'NATIONAL',
      days: [{ date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'NATIONAL_HOLIDAY' }],
    };
    const first = await refusalOf(holidayCalendarWrites.create(calendar), {
      0: holidayCalendarEntity.toItem({ ...calendar, version: 2 }),
    });
    expect(seenAs(first)).toEqual({
      message: 'HolidayCalendar changed since you read it: you sent version 0, the current version is 2',
      extensions: { code: 'CONFLICT', field: 'input.version', currentVersion: 2 },
      causeKept: true,
    });
    const stale = await refusalOf([holidayCalendarWrites.markApplied(calendar)], { 0: { version: 2 } });
    expect(stale).toBeInstanceOf(RaceLostError);
  });

  it('complaint deadlines: a recompute that lost to a response is read again; a sweep mark that lost leaves the complaint alone', async () => {
    const complaint: Feedback = {
      agencyId: 'medan',
      id: 'f1',
      version: 1,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      unitId: 'u1',
      serviceName: 'KTP',
      channel: 'ONLINE',
      kind: 'COMPLAINT',
      submittedAt: '2026-03-17T02:00:00.000Z',
      moderationStatus: 'PENDING',
      firstResponseDue: '2026-03-20T16:59:59.999Z',
      resolutionDue: '2026-03-31T16:59:59.999Z',
    };
    const moved = { ...complaint, resolutionDue: '2026-04-01T16:59:59.999Z', version: 2 };
    const race = await refusalOf(feedbackWrites.rescheduled(complaint, moved), {
      0: feedbackEntity.toItem({ ...complaint, version: 2, firstResponseAt: NOW.toISOString() }),
    });
    expect(race).toBeInstanceOf(RaceLostError);
    expect((race as Error).cause).toBeInstanceOf(ConditionFailedError);
    const key = feedbackEntity.key(complaint.agencyId, complaint.id);
    const mark = feedbackWrites.markOverdue(
      key,
      'resolution',
      { due: complaint.resolutionDue ?? '', stored: true },
      NOW,
    );
    expect(mark.condition?.values).toEqual({ ':due': complaint.resolutionDue });
    expect(await refusalOf([mark], { 0: { resolvedAt: NOW.toISOString() } })).toBeInstanceOf(
      NotOverdueAnymore,
    );
  });

  it('a failed condition no write declares is an internal ConditionFailedError (a bug, masked)', async () => {
    const error = await refusalOf(employeeWrites.create(employee), { 1: {} });
    expect(error).toBeInstanceOf(ConditionFailedError);
  });
});
