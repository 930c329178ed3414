import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { PARTNER_READ_SCOPE } from '../../src/auth/token-claims';
import type { StreamPoller } from '../../src/data/rollups/stream-poller';
import { buildDemoOrganization } from '../../src/demo/build-organization';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { Employee } from '../../src/domain/employee';
import { adminOf, createTestApp, type TestApp, tableSnapshot } from '../helpers/test-app';

const NOW = new Date('2026-11-02T03:00:00.000Z');
const demo = buildDemoOrganization(NOW);
const staff = demo.employees.filter((e) => e.agencyId === 'binjai' && e.status === 'ACTIVE');
const gid = (e: Employee | undefined) => toGlobalId('Employee', 'binjai', e?.id ?? 'missing');
const ADMIN = { claims: adminOf('binjai') };
const PARTNER = { claims: { client_id: 'partner-unimed', partner_id: 'unimed', scope: PARTNER_READ_SCOPE } };
const self = (e: Employee | undefined) => ({
  claims: {
    sub: `emp-${e?.id}`,
    'cognito:groups': ['EMPLOYEE'],
    agency_id: 'binjai',
    unit_id: e?.unitId,
    employee_id: e?.id,
  },
});

const INVITE = `mutation($input: InviteToProgramInput!) { inviteToProgram(input: $input) { id status invitedAt respondBy version employee { id } } }`;
const RESPOND = `mutation($input: RespondToInvitationInput!) { respondToInvitation(input: $input) { id status acceptedAt declineReason declineNote version } }`;
const PROGRAM = `query($id: ID!) { trainingProgram(id: $id) { seatsTaken waitlistCount } }`;
const FEED = `query { partnerEnrollments(first: 100) { edges { node { changeType enrollmentId } } } }`;
const ENROLLMENT = `query($id: ID!) { enrollment(id: $id) { id status } }`;

let app: TestApp;
let clock = NOW;
let poller: StreamPoller;
let programId: string;

interface Invited {
  inviteToProgram: { id: string; status: string; version: number; employee: { id: string } }[];
}
type Answer = { respondToInvitation: { id: string; status: string; declineReason: string | null } };

const invite = (employees: (Employee | undefined)[], extra: Record<string, unknown> = {}, auth = ADMIN) =>
  app.request<Invited>(
    INVITE,
    { input: { programId, employeeIds: employees.map(gid), respondBy: '2026-11-20', ...extra } },
    auth,
  );
const respond = (id: string | undefined, answer: Record<string, unknown>, auth: { claims: object }) =>
  app.request<Answer>(RESPOND, { input: { enrollmentId: id, ...answer } }, auth as typeof ADMIN);
const feedIds = async () =>
  (
    await app.request<{ partnerEnrollments: { edges: { node: { enrollmentId: string } }[] } }>(
      FEED,
      {},
      PARTNER,
    )
  ).data?.partnerEnrollments.edges.map((e) => e.node.enrollmentId) ?? [];

beforeAll(async () => {
  app = await createTestApp({ clock: () => clock });
  await seedDemoData(app.deps.table, NOW, 'organization');
  poller = await app.followStream();
  await app.request(
    'mutation { createPartner(input: { code: "unimed", name: "Universitas Negeri Medan", kind: UNIVERSITY }) { id } }',
    {},
    ADMIN,
  );
  const created = await app.request<{ createTrainingProgram: { id: string } }>(
    `mutation { createTrainingProgram(input: { title: "Pelayanan Prima", category: PUBLIC_SERVICE, format: CLASSROOM,
      jp: 16, startDate: "2026-12-01", endDate: "2026-12-02", capacity: 1, costPerParticipant: 0,
      partnerCode: "unimed", status: OPEN }) { id } }`,
    {},
    ADMIN,
  );
  programId = created.data?.createTrainingProgram.id ?? '';
}, 120_000);
afterAll(async () => {
  await poller.stop();
  await app.close();
});

describe('invitations to a program', () => {
  let invited: Invited['inviteToProgram'] = [];

  it('invites three employees without taking a seat or telling the partner', async () => {
    const res = await invite(staff.slice(0, 3));
    expect(res.errors).toBeUndefined();
    invited = res.data?.inviteToProgram ?? [];
    expect(invited.map((e) => e.status)).toEqual(['INVITED', 'INVITED', 'INVITED']);
    const program = await app.request<{ trainingProgram: { seatsTaken: number; waitlistCount: number } }>(
      PROGRAM,
      { id: programId },
      ADMIN,
    );
    expect(program.data?.trainingProgram).toEqual({ seatsTaken: 0, waitlistCount: 0 });
    expect(await feedIds()).toEqual([]);
    const seen = await app.request<{ enrollment: null }>(ENROLLMENT, { id: invited[0]?.id }, PARTNER);
    expect(seen.data?.enrollment).toBeNull();
  });

  it('enrolls the first to accept into the one seat and waitlists the second; the partner sees both as new', async () => {
    const first = await respond(invited[0]?.id, { accept: true }, self(staff[0]));
    expect(first.errors).toBeUndefined();
    expect(first.data?.respondToInvitation.status).toBe('ENROLLED');
    const second = await respond(invited[1]?.id, { accept: true }, self(staff[1]));
    expect(second.data?.respondToInvitation.status).toBe('WAITLISTED');
    const program = await app.request<{ trainingProgram: { seatsTaken: number; waitlistCount: number } }>(
      PROGRAM,
      { id: programId },
      ADMIN,
    );
    expect(program.data?.trainingProgram).toEqual({ seatsTaken: 1, waitlistCount: 1 });
    const feed = await app.request<{ partnerEnrollments: { edges: { node: { changeType: string } }[] } }>(
      FEED,
      {},
      PARTNER,
    );
    expect(feed.data?.partnerEnrollments.edges.map((e) => e.node.changeType)).toEqual(['CREATED', 'CREATED']);
  });

  it('records a WORKLOAD decline, keeps it from the partner, and counts it in the acceptance rate', async () => {
    const res = await respond(invited[2]?.id, { accept: false, declineReason: 'WORKLOAD' }, self(staff[2]));
    expect(res.errors).toBeUndefined();
    expect(res.data?.respondToInvitation).toMatchObject({ status: 'DECLINED', declineReason: 'WORKLOAD' });
    expect(await feedIds()).not.toContain(invited[2]?.id);
    await poller.drain();
    const rates = await app.request<{ aggregate: { totals: { measure: string; value: number }[] } }>(
      `query { aggregate(input: { measures: [INVITATION_ACCEPTANCE_RATE, ENROLLMENT_COUNT], filter: { enrollmentStatuses: [DECLINED, ENROLLED, WAITLISTED] } }) { totals { measure value } } }`,
      {},
      ADMIN,
    );
    expect(rates.errors).toBeUndefined();
    expect(rates.data?.aggregate.totals).toEqual([
      { measure: 'INVITATION_ACCEPTANCE_RATE', value: 66.67 },
      { measure: 'ENROLLMENT_COUNT', value: 3 },
    ]);
  });

  it('lets a declined employee be invited again', async () => {
    const res = await invite([staff[2]]);
    expect(res.errors).toBeUndefined();
    expect(res.data?.inviteToProgram[0]?.status).toBe('INVITED');
  });
});

describe('invitations refused', () => {
  it.each([
    ['a decline without a reason', { accept: false }, 'input.declineReason'],
    ['OTHER without a note', { accept: false, declineReason: 'OTHER' }, 'input.declineNote'],
    ['an acceptance with a reason', { accept: true, declineReason: 'HEALTH' }, 'input.declineReason'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_, answer, field) => {
    const [fresh] = (await invite([staff[5]])).data?.inviteToProgram ?? [];
    const before = await tableSnapshot(app);
    const res = await respond(fresh?.id, answer, self(staff[5]));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await tableSnapshot(app)).toEqual(before);
    await respond(fresh?.id, { accept: false, declineReason: 'SCHEDULE' }, self(staff[5]));
  });

  it('refuses to invite someone already invited, naming them, and invites nobody', async () => {
    await invite([staff[6]]);
    const before = await tableSnapshot(app);
    const res = await invite([staff[7], staff[6]]);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.employeeIds.1' });
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('refuses an answer after the deadline, and writes nothing', async () => {
    const [pending] = (await invite([staff[8]])).data?.inviteToProgram ?? [];
    clock = new Date('2026-11-21T03:00:00.000Z');
    try {
      const before = await tableSnapshot(app);
      const res = await respond(pending?.id, { accept: true }, self(staff[8]));
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.enrollmentId',
      });
      expect(res.errors?.[0]?.message).toContain('expired on 2026-11-20');
      expect(await tableSnapshot(app)).toEqual(before);
    } finally {
      clock = NOW;
    }
  });

  it('refuses an employee answering for a colleague, and an employee inviting', async () => {
    const [pending] = (await invite([staff[9]])).data?.inviteToProgram ?? [];
    const other = await respond(pending?.id, { accept: true }, self(staff[10]));
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const inviting = await invite([staff[11]], {}, self(staff[10]) as typeof ADMIN);
    expect(inviting.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['a deadline in the past', { respondBy: '2026-11-01' }, 'input.respondBy'],
    ['a deadline after the start', { respondBy: '2026-12-05' }, 'input.respondBy'],
  ])('refuses %s', async (_, extra, field) => {
    const res = await invite([staff[12]], extra);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses an invitation to a DEGREE program, which needs a study arrangement, and writes nothing', async () => {
    const degree = await app.request<{ createTrainingProgram: { id: string } }>(
      `mutation { createTrainingProgram(input: { title: "S2 Administrasi Publik", category: MANAGERIAL, format: DEGREE,
        jp: 100, startDate: "2027-02-01", endDate: "2028-08-31", capacity: 5, costPerParticipant: 0,
        status: OPEN }) { id } }`,
      {},
      ADMIN,
    );
    expect(degree.errors).toBeUndefined();
    const before = await tableSnapshot(app);
    const res = await invite([staff[14]], { programId: degree.data?.createTrainingProgram.id });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.programId' });
    expect(res.errors?.[0]?.message).toContain('enrollEmployee with studyFunding');
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('refuses the same employee listed twice', async () => {
    const res = await invite([staff[13], staff[13]]);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.employeeIds.1',
    });
  });
});
