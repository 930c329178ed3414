import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../resolvers/global-id';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { Feedback } from '../../src/domain/feedback';
import { recomputeAllDeadlines, recomputeComplaintDeadlines } from '../../src/services/deadline-recompute';
import { adminOf, createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-04-01T03:00:00.000Z');
const MEDAN = { claims: adminOf('medan') };
let app: TestApp;

/** A complaint as stored before deadlines were kept: no due instants on the record. */
const legacy = (id: string, submittedAt: string): Feedback => ({
  agencyId: 'medan',
  id,
  version: 1,
  createdAt: submittedAt,
  updatedAt: submittedAt,
  unitId: 'medan-belawan',
  serviceName: 'Pelayanan KTP',
  channel: 'ONLINE',
  kind: 'COMPLAINT',
  text: 'KTP belum selesai.',
  submittedAt,
  moderationStatus: 'PUBLISHED',
});

const VIEW = `query($id: ID!) { feedbackEntry(id: $id) { version complaint { response
  deadlines { resolutionDueDate provisional } } } }`;
async function view(id: string) {
  const res = await app.request<{
    feedbackEntry: {
      version: number;
      complaint: { response: string | null; deadlines: Record<string, unknown> };
    };
  }>(VIEW, { id: toGlobalId('Feedback', 'medan', id) }, MEDAN);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.feedbackEntry;
}

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization', { agencies: ['medan'] });
  for (const [id, at] of [
    ['legacy-1', '2026-03-17T03:00:00.000Z'],
    ['legacy-2', '2026-03-18T03:00:00.000Z'],
  ] as const)
    await app.deps.repositories.feedback.create(legacy(id, at));
});
afterAll(() => app.close());

describe('npm run recompute-deadlines (recomputeAllDeadlines)', () => {
  it('stores calendar deadlines on complaints that had none, and changes nothing on a second run', async () => {
    expect(await view('legacy-1')).toMatchObject({
      complaint: { deadlines: { resolutionDueDate: '2026-03-24', provisional: true } },
    });
    const first = await recomputeAllDeadlines(app.deps.repositories);
    expect(first).toMatchObject({ checked: 2, changed: 2 });
    expect(await view('legacy-1')).toMatchObject({
      version: 2,
      complaint: { deadlines: { resolutionDueDate: '2026-03-31', provisional: false } },
    });
    expect(await recomputeAllDeadlines(app.deps.repositories)).toMatchObject({ checked: 2, changed: 0 });
  });

  it('keeps a response given between its read and its write: the lost race is read again', async () => {
    const repositories = app.deps.repositories;
    await repositories.calendars.save({
      agencyId: 'medan',
      id: '2026',
      version: 1,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      year: 2026,
      scope: 'AGENCY',
      days: [{ date: '2026-03-25', name: 'Kantor tutup', kind: 'OFFICE_CLOSURE' }],
    });
    const before = await view('legacy-2');
    const interleaved = {
      ...repositories,
      feedback: {
        ...repositories.feedback,
        // Someone answers the complaint after the job read it.
        async complaintsSubmitted(agencyId: string, range: { from?: string; to?: string }) {
          const read = await repositories.feedback.complaintsSubmitted(agencyId, range);
          const res = await app.request(
            'mutation($input: RespondToComplaintInput!) { respondToComplaint(input: $input) { version } }',
            {
              input: {
                feedbackId: toGlobalId('Feedback', 'medan', 'legacy-2'),
                version: before.version,
                response: 'Diproses.',
              },
            },
            MEDAN,
          );
          expect(res.errors).toBeUndefined();
          return read;
        },
      },
    };
    const result = await recomputeComplaintDeadlines(interleaved, 'medan');
    expect(result.changed).toBe(2);
    expect(await view('legacy-2')).toMatchObject({
      version: before.version + 2,
      complaint: {
        response: 'Diproses.',
        deadlines: { resolutionDueDate: '2026-04-01', provisional: false },
      },
    });
  });
});
