import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlobalId, toGlobalId } from '../../resolvers/global-id';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const demo = buildDemoOrganization(NOW);
const medanStaff = demo.employees.filter((e) => e.agencyId === 'medan' && e.status === 'ACTIVE');
const employeeId = (i: number) => toGlobalId('Employee', 'medan', medanStaff[i]?.id ?? 'missing');
const ADMIN = { claims: adminOf('medan') };
let app: TestApp;

const CREATE_PROGRAM = `mutation($input: CreateTrainingProgramInput!) {
  createTrainingProgram(input: $input) { id title jp durationMinutes capacity seatsTaken seatsAvailable waitlistCount status version learningForm categoryLabel }
}`;
const ENROLL = `mutation($input: EnrollEmployeeInput!) { enrollEmployee(input: $input) { id status waitlistPosition version } }`;
const DROP = `mutation($input: DropEnrollmentInput!) { dropEnrollment(input: $input) { id status } }`;
const COMPLETE = `mutation($input: CompleteEnrollmentInput!) {
  completeEnrollment(input: $input) { id status jpCredited certificateNumber learningGain siasnCourseRecord { nip namaKursus jumlahJam nomorSertifikat } }
}`;
const PROGRAM = `query($id: ID!) { trainingProgram(id: $id) { seatsTaken waitlistCount completedCount capacity version
  enrollments(first: 100) { totalCount edges { node { id status employee { id } waitlistPosition } } } } }`;

interface ProgramState {
  seatsTaken: number;
  waitlistCount: number;
  completedCount: number;
  capacity: number;
  version: number;
  enrollments: {
    totalCount: number;
    edges: {
      node: { id: string; status: string; employee: { id: string }; waitlistPosition: number | null };
    }[];
  };
}

async function createProgram(
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const res = await app.request<{ createTrainingProgram: { id: string; version: number } }>(
    CREATE_PROGRAM,
    {
      input: {
        title: 'Pelatihan Manajemen Waktu',
        category: 'MANAGERIAL',
        format: 'CLASSROOM',
        jp: 24,
        startDate: '2026-10-20',
        endDate: '2026-10-22',
        capacity: 10,
        costPerParticipant: 1_500_000,
        status: 'OPEN',
        ...overrides,
      },
    },
    ADMIN,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.createTrainingProgram;
}

async function programState(id: string): Promise<ProgramState> {
  const res = await app.request<{ trainingProgram: ProgramState }>(PROGRAM, { id }, ADMIN);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.trainingProgram;
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization');
});
afterAll(() => app.close());

describe('training programs', () => {
  it('creates a program from minutes as whole JP (1 JP = 45 minutes) and reads back the minutes given', async () => {
    const res = await app.request<{ createTrainingProgram: Record<string, unknown> }>(
      CREATE_PROGRAM,
      {
        input: {
          title: 'Seminar Etika',
          category: 'ETHICS',
          format: 'SEMINAR',
          durationMinutes: 400,
          startDate: '2026-12-01',
          endDate: '2026-12-01',
          capacity: 40,
          costPerParticipant: 0,
        },
      },
      ADMIN,
    );
    expect(res.data?.createTrainingProgram).toMatchObject({
      jp: 8,
      durationMinutes: 400,
      status: 'DRAFT',
      learningForm: 'KLASIKAL',
      categoryLabel: 'Etika dan Integritas',
    });
  });

  it('keeps the minutes through a read, and a later change of JP or minutes replaces them', async () => {
    const created = await createProgram({ jp: undefined, durationMinutes: 100 });
    const read = await app.request<{ trainingProgram: { jp: number; durationMinutes: number } }>(
      `query($id: ID!) { trainingProgram(id: $id) { jp durationMinutes } }`,
      { id: created.id },
      ADMIN,
    );
    expect(read.data?.trainingProgram).toEqual({ jp: 2, durationMinutes: 100 });
    const UPDATE = `mutation($input: UpdateTrainingProgramInput!) { updateTrainingProgram(input: $input) { jp durationMinutes version } }`;
    const byJp = await app.request<{
      updateTrainingProgram: { jp: number; durationMinutes: number; version: number };
    }>(UPDATE, { input: { id: created.id, version: created.version, jp: 3 } }, ADMIN);
    expect(byJp.data?.updateTrainingProgram).toMatchObject({ jp: 3, durationMinutes: 135 });
    const byMinutes = await app.request<{ updateTrainingProgram: { jp: number; durationMinutes: number } }>(
      UPDATE,
      { input: { id: created.id, version: created.version + 1, durationMinutes: 200 } },
      ADMIN,
    );
    expect(byMinutes.data?.updateTrainingProgram).toMatchObject({ jp: 4, durationMinutes: 200 });
    const both = await app.request(
      UPDATE,
      { input: { id: created.id, version: created.version + 2, jp: 5, durationMinutes: 300 } },
      ADMIN,
    );
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.jp' });
  });

  it.each([
    ['negative JP', { jp: -4 }, 'input.jp'],
    ['minutes short of one JP', { jp: undefined, durationMinutes: 44 }, 'input.durationMinutes'],
    ['an end before the start', { endDate: '2026-10-01' }, 'input.endDate'],
    ['both jp and durationMinutes', { durationMinutes: 90 }, 'input.jp'],
    ['zero capacity', { capacity: 0 }, 'input.capacity'],
    ['a negative cost', { costPerParticipant: -1 }, 'input.costPerParticipant'],
    ['an unknown partner', { partnerCode: 'nowhere' }, 'input.partnerCode'],
    ['a running status at creation', { status: 'RUNNING' }, 'input.status'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_, overrides, field) => {
    const before = await tableSnapshot(app);
    const res = await app.request(
      CREATE_PROGRAM,
      {
        input: {
          title: 'Pelatihan X',
          category: 'IT',
          format: 'CLASSROOM',
          jp: 10,
          startDate: '2026-10-20',
          endDate: '2026-10-22',
          capacity: 10,
          costPerParticipant: 0,
          ...overrides,
        },
      },
      ADMIN,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('refuses staff of another agency (FORBIDDEN) and non-admins (FORBIDDEN)', async () => {
    const program = await createProgram();
    const foreign = await app.request(PROGRAM, { id: program.id }, { claims: adminOf('binjai') });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const employee = await app.request(
      CREATE_PROGRAM,
      {
        input: {
          title: 'X program',
          category: 'IT',
          format: 'COURSE',
          jp: 2,
          startDate: '2026-10-20',
          endDate: '2026-10-20',
          capacity: 1,
          costPerParticipant: 0,
        },
      },
      {
        claims: {
          sub: 'e',
          'cognito:groups': ['EMPLOYEE'],
          agency_id: 'medan',
          employee_id: medanStaff[0]?.id,
        },
      },
    );
    expect(employee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('enrollment under capacity', () => {
  it('puts exactly 10 of 50 concurrent enrollments into 10 seats and waitlists 40, with consistent counts', async () => {
    const program = await createProgram({ capacity: 10 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        app.request<{ enrollEmployee: { status: string } }>(
          ENROLL,
          { input: { programId: program.id, employeeId: employeeId(i) } },
          ADMIN,
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const statuses = results.map((r) => r.data?.enrollEmployee.status);
    expect(statuses.filter((s) => s === 'ENROLLED')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(40);
    const state = await programState(program.id);
    expect(state).toMatchObject({ seatsTaken: 10, waitlistCount: 40 });
    expect(state.enrollments.totalCount).toBe(50);
    const stored = state.enrollments.edges.map((e) => e.node.status);
    expect(stored.filter((s) => s === 'ENROLLED')).toHaveLength(10);
    const positions = state.enrollments.edges.flatMap((e) =>
      e.node.waitlistPosition === null ? [] : [e.node.waitlistPosition],
    );
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('gives a dropped seat to the first waitlisted employee, in the same transaction', async () => {
    const program = await createProgram({ capacity: 2 });
    const enrolled = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await app.request<{ enrollEmployee: { id: string; status: string } }>(
        ENROLL,
        { input: { programId: program.id, employeeId: employeeId(60 + i) } },
        ADMIN,
      );
      enrolled.push(res.data?.enrollEmployee);
    }
    expect(enrolled.map((e) => e?.status)).toEqual(['ENROLLED', 'ENROLLED', 'WAITLISTED', 'WAITLISTED']);
    const dropped = await app.request<{ dropEnrollment: { status: string } }>(
      DROP,
      { input: { enrollmentId: enrolled[0]?.id, reason: 'Tugas dinas' } },
      ADMIN,
    );
    expect(dropped.data?.dropEnrollment.status).toBe('DROPPED');
    const state = await programState(program.id);
    expect(state).toMatchObject({ seatsTaken: 2, waitlistCount: 1 });
    const byId = new Map(state.enrollments.edges.map((e) => [e.node.id, e.node]));
    expect(byId.get(enrolled[2]?.id ?? '')).toMatchObject({ status: 'ENROLLED', waitlistPosition: null });
    expect(byId.get(enrolled[3]?.id ?? '')).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
  });

  it('keeps seat counts consistent when many seat holders drop at once', async () => {
    const program = await createProgram({ capacity: 5 });
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const res = await app.request<{ enrollEmployee: { id: string } }>(
        ENROLL,
        { input: { programId: program.id, employeeId: employeeId(70 + i) } },
        ADMIN,
      );
      ids.push(res.data?.enrollEmployee.id ?? '');
    }
    const drops = await Promise.all(
      ids.slice(0, 5).map((id) => app.request(DROP, { input: { enrollmentId: id } }, ADMIN)),
    );
    expect(drops.filter((d) => d.errors)).toEqual([]);
    const state = await programState(program.id);
    const count = (s: string) => state.enrollments.edges.filter((e) => e.node.status === s).length;
    expect(state.seatsTaken).toBe(count('ENROLLED'));
    expect(state.waitlistCount).toBe(count('WAITLISTED'));
    expect(state).toMatchObject({ seatsTaken: 5, waitlistCount: 2 });
    // The first five in the queue after the seat holders got the seats.
    expect(state.enrollments.edges.filter((e) => e.node.status === 'ENROLLED').map((e) => e.node.id)).toEqual(
      ids.slice(5, 10),
    );
  });

  it('promotes the waitlist in order when capacity is raised, and refuses a capacity below the seats taken', async () => {
    const program = await createProgram({ capacity: 1 });
    for (let i = 0; i < 4; i += 1)
      await app.request(ENROLL, { input: { programId: program.id, employeeId: employeeId(90 + i) } }, ADMIN);
    const low = await app.request(
      `mutation($input: UpdateTrainingProgramInput!) { updateTrainingProgram(input: $input) { capacity } }`,
      { input: { id: program.id, version: 1, capacity: 0 } },
      ADMIN,
    );
    expect(low.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.capacity' });
    const raised = await app.request<{
      updateTrainingProgram: { capacity: number; seatsTaken: number; waitlistCount: number };
    }>(
      `mutation($input: UpdateTrainingProgramInput!) { updateTrainingProgram(input: $input) { capacity seatsTaken waitlistCount } }`,
      { input: { id: program.id, version: 1, capacity: 3 } },
      ADMIN,
    );
    expect(raised.data?.updateTrainingProgram).toEqual({ capacity: 3, seatsTaken: 3, waitlistCount: 1 });
  });

  it('refuses a capacity cut decided on a stale seat count: seats taken meanwhile are checked at write time', async () => {
    const program = await createProgram({ capacity: 10 });
    const ref = parseGlobalId(program.id)?.ref;
    if (!ref) throw new Error('bad program id');
    const { training } = app.deps.repositories;
    const read = await training.getProgramLatest(ref.agencyId, ref.id);
    if (!read) throw new Error('program not found');
    // Seats are taken after the read; taking a seat does not change the program's version.
    for (let i = 0; i < 5; i += 1)
      await app.request(ENROLL, { input: { programId: program.id, employeeId: employeeId(i) } }, ADMIN);
    const cut = { ...read, capacity: 3, version: read.version + 1 };
    await expect(training.updateProgram(read, cut)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.capacity' },
      message: 'input.capacity: must be at least the 5 seats already taken',
    });
    expect(await programState(program.id)).toMatchObject({ capacity: 10, seatsTaken: 5, version: 1 });
    await training.updateProgram(read, { ...cut, capacity: 5 });
    expect(await programState(program.id)).toMatchObject({ capacity: 5, seatsTaken: 5, version: 2 });
  });

  it('refuses a second enrollment of the same employee (CONFLICT) and enrollment into a DRAFT program', async () => {
    const program = await createProgram();
    await app.request(ENROLL, { input: { programId: program.id, employeeId: employeeId(100) } }, ADMIN);
    const before = await tableSnapshot(app);
    const again = await app.request(
      ENROLL,
      { input: { programId: program.id, employeeId: employeeId(100) } },
      ADMIN,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.employeeId' });
    expect(await tableSnapshot(app)).toEqual(before);
    const draft = await createProgram({ status: 'DRAFT' });
    const closed = await app.request(
      ENROLL,
      { input: { programId: draft.id, employeeId: employeeId(100) } },
      ADMIN,
    );
    expect(closed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.programId',
    });
    const unknown = await app.request(
      ENROLL,
      { input: { programId: program.id, employeeId: toGlobalId('Employee', 'medan', 'nobody') } },
      ADMIN,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.employeeId',
    });
  });

  it('returns the first enrollment for a retried idempotency key', async () => {
    const program = await createProgram();
    const input = { programId: program.id, employeeId: employeeId(101), idempotencyKey: 'enroll-101-once' };
    const [a, b] = await Promise.all([
      app.request<{ enrollEmployee: { id: string } }>(ENROLL, { input }, ADMIN),
      app.request<{ enrollEmployee: { id: string } }>(ENROLL, { input }, ADMIN),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data?.enrollEmployee.id).toBe(b.data?.enrollEmployee.id);
    expect((await programState(program.id)).seatsTaken).toBe(1);
  });
});

describe('completion', () => {
  it('credits JP, issues a certificate, keeps the test scores and counts toward the 20 JP rule', async () => {
    const program = await createProgram({ jp: 24 });
    const enrolled = await app.request<{ enrollEmployee: { id: string } }>(
      ENROLL,
      { input: { programId: program.id, employeeId: employeeId(110) } },
      ADMIN,
    );
    const done = await app.request<{ completeEnrollment: Record<string, unknown> }>(
      COMPLETE,
      {
        input: {
          enrollmentId: enrolled.data?.enrollEmployee.id,
          preTestScore: 55,
          postTestScore: 80,
          completedOn: '2026-10-22',
        },
      },
      ADMIN,
    );
    expect(done.errors).toBeUndefined();
    expect(done.data?.completeEnrollment).toMatchObject({
      status: 'COMPLETED',
      jpCredited: 24,
      learningGain: 25,
      certificateNumber: expect.stringMatching(/^\d{5}\/SERT\/BKPSDM-MEDAN\/2026$/),
      siasnCourseRecord: {
        nip: medanStaff[110]?.nip,
        namaKursus: 'Pelatihan Manajemen Waktu',
        jumlahJam: 24,
      },
    });
    const hours = await app.request<{
      employee: { trainingHours: { programJp: number; earned: number; compliant: boolean } };
    }>(
      'query($id: ID!) { employee(id: $id) { trainingHours(year: 2026) { programJp earned compliant shortfall } } }',
      { id: employeeId(110) },
      ADMIN,
    );
    expect(hours.data?.employee.trainingHours.programJp).toBeGreaterThanOrEqual(24);
    expect(hours.data?.employee.trainingHours.compliant).toBe(true);
    expect((await programState(program.id)).completedCount).toBe(1);
  });

  it('records a no-show without JP, and refuses to complete a waitlisted enrollment', async () => {
    const program = await createProgram({ capacity: 1 });
    const first = await app.request<{ enrollEmployee: { id: string } }>(
      ENROLL,
      { input: { programId: program.id, employeeId: employeeId(111) } },
      ADMIN,
    );
    const second = await app.request<{ enrollEmployee: { id: string } }>(
      ENROLL,
      { input: { programId: program.id, employeeId: employeeId(112) } },
      ADMIN,
    );
    const noShow = await app.request<{
      completeEnrollment: { status: string; jpCredited: number; certificateNumber: string | null };
    }>(COMPLETE, { input: { enrollmentId: first.data?.enrollEmployee.id, attended: false } }, ADMIN);
    expect(noShow.data?.completeEnrollment).toEqual(
      expect.objectContaining({ status: 'NO_SHOW', jpCredited: 0, certificateNumber: null }),
    );
    const waiting = await app.request(
      COMPLETE,
      { input: { enrollmentId: second.data?.enrollEmployee.id } },
      ADMIN,
    );
    expect(waiting.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.enrollmentId',
    });
    const badScore = await app.request(
      COMPLETE,
      { input: { enrollmentId: second.data?.enrollEmployee.id, postTestScore: 101 } },
      ADMIN,
    );
    expect(badScore.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.postTestScore',
    });
  });
});

describe('a lost version race (issue 13 item 5)', () => {
  it('says the enrollment changed since it was read, not that it no longer exists, and writes nothing', async () => {
    const program = await createProgram({ capacity: 5 });
    const enrolled = await app.request<{ enrollEmployee: { id: string } }>(
      ENROLL,
      { input: { programId: program.id, employeeId: employeeId(120) } },
      ADMIN,
    );
    const ref = parseGlobalId(enrolled.data?.enrollEmployee.id ?? '')?.ref;
    if (!ref) throw new Error('bad enrollment id');
    const { enrollments } = app.deps.repositories;
    // Read, then someone else changes the enrollment before this write: a no-show is recorded.
    const read = await enrollments.getLatest(ref.agencyId, ref.id);
    if (!read) throw new Error('enrollment not found');
    await app.request(
      COMPLETE,
      { input: { enrollmentId: enrolled.data?.enrollEmployee.id, attended: false } },
      ADMIN,
    );
    const before = await tableSnapshot(app);
    const stale = {
      ...read,
      status: 'COMPLETED' as const,
      version: read.version + 1,
      updatedAt: NOW.toISOString(),
    };
    await expect(enrollments.finish(read, stale)).rejects.toMatchObject({
      message: 'Enrollment changed since you read it: you sent version 1, the current version is 2',
      extensions: { code: 'CONFLICT', field: 'input.version', currentVersion: 2 },
    });
    expect(await tableSnapshot(app)).toEqual(before);
  });
});
