/**
 * A partner institution's webhook receiver, as a partner would write it: only node's http and
 * crypto, `fetch` and a state file, nothing from this project. It verifies every delivery
 * (Standard Webhooks: HMAC-SHA256 over `id.timestamp.body`, any of the space-separated `v1,`
 * signatures, timestamp within five minutes), applies each change idempotently (a `webhook-id`
 * seen before is acknowledged and skipped; an enrollment is only moved forward to a higher
 * `version`), and on start catches up with `partnerEnrollments` from its last cursor, so changes
 * made while it was down arrive even before their webhooks are retried. One function applies
 * pushed and pulled changes: both carry the same EnrollmentChange fields.
 *
 *   WEBHOOK_SECRET=whsec_... PARTNER_TOKEN=$(npm run -s token -- --role PARTNER --partner usu) \
 *     npm run partner-webhook-example -- [--port 8787] [--api http://localhost:4000/partner/graphql] [--state FILE]
 *
 * Register it with `createWebhookEndpoint(input: { url: "http://127.0.0.1:8787/webhooks" })`.
 * It prints one JSON line per event (`ready`, `applied`, `duplicate`, `stale`, `refused`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** The fields of a change, the same in a webhook's `data` and in a `partnerEnrollments` node. */
export const ENROLLMENT_CHANGE_FIELDS = `fragment EnrollmentChangeFields on EnrollmentChange {
  sequence
  changeType
  changedAt
  enrollmentId
  status
  version
  agencyCode
  enrollment {
    id
    status
    program { id title jp startDate endDate }
    employee { nip name }
    enrolledAt
    completedAt
    droppedAt
    preTestScore
    postTestScore
    jpCredited
    certificateNumber
  }
  record {
    nip
    kodeProgram
    namaKursus
    jenisKursus
    jumlahJam
    institusiPenyelenggara
    nomorSertifikat
    tanggalKursus
    tanggalSelesaiKursus
    tahunKursus
  }
}`;

const TOLERANCE_SECONDS = 5 * 60;

interface Change {
  sequence: number;
  changeType: string;
  enrollmentId: string;
  status: string;
  version: number;
  agencyCode: string;
  enrollment: { program: { title: string }; employee: { nip: string; name: string } } | null;
}

interface State {
  cursor: string | null;
  seenWebhookIds: string[];
  enrollments: Record<
    string,
    { version: number; status: string; sequence: number; nip?: string; program?: string }
  >;
}

/** Whether a delivery is authentic and fresh: the reason it is not, or undefined. */
export function verifyDelivery(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  nowSeconds: number,
): string | undefined {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string')
    return 'missing webhook headers';
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS)
    return 'timestamp outside the five-minute tolerance';
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  for (const versioned of signatures.split(' ')) {
    const [version, signature] = versioned.split(',');
    if (version !== 'v1' || !signature) continue;
    const given = Buffer.from(signature, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return undefined;
  }
  return 'no valid signature';
}

function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      api: { type: 'string', default: 'http://localhost:4000/partner/graphql' },
      state: { type: 'string', default: '.data/partner-webhook-state.json' },
    },
  });
  const secret = process.env.WEBHOOK_SECRET ?? '';
  const token = process.env.PARTNER_TOKEN;
  if (!secret.startsWith('whsec_') || !token) {
    console.error('Set WEBHOOK_SECRET (whsec_..., from createWebhookEndpoint) and PARTNER_TOKEN');
    process.exit(2);
  }
  const state: State = existsSync(values.state)
    ? JSON.parse(readFileSync(values.state, 'utf8'))
    : { cursor: null, seenWebhookIds: [], enrollments: {} };
  const log = (event: Record<string, unknown>) => console.log(JSON.stringify(event));
  const save = () => {
    writeFileSync(`${values.state}.tmp`, JSON.stringify(state));
    renameSync(`${values.state}.tmp`, values.state);
  };

  /** Applies one change, pushed or pulled: only a newer version of an enrollment moves it. */
  function apply(change: Change, via: 'push' | 'pull'): void {
    const known = state.enrollments[change.enrollmentId];
    if (known && known.version >= change.version) {
      log({ event: 'stale', via, sequence: change.sequence, version: change.version });
      return;
    }
    state.enrollments[change.enrollmentId] = {
      version: change.version,
      status: change.status,
      sequence: change.sequence,
      nip: change.enrollment?.employee.nip ?? known?.nip,
      program: change.enrollment?.program.title ?? known?.program,
    };
    log({
      event: 'applied',
      via,
      sequence: change.sequence,
      changeType: change.changeType,
      enrollmentId: change.enrollmentId,
      version: change.version,
    });
  }

  /** Pulls everything after the stored cursor (the whole history on a first start). */
  async function catchUp(): Promise<void> {
    for (let hasNext = true; hasNext; ) {
      const response = await fetch(values.api, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `query CatchUp($after: String) { partnerEnrollments(first: 100, after: $after) {
            pageInfo { hasNextPage endCursor } edges { node { ...EnrollmentChangeFields } } } }
            ${ENROLLMENT_CHANGE_FIELDS}`,
          variables: { after: state.cursor },
        }),
      });
      const body = (await response.json()) as {
        data?: {
          partnerEnrollments: {
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            edges: { node: Change }[];
          };
        };
        errors?: unknown[];
      };
      if (!body.data)
        throw new Error(`catch-up failed (HTTP ${response.status}): ${JSON.stringify(body.errors)}`);
      for (const { node } of body.data.partnerEnrollments.edges) apply(node, 'pull');
      state.cursor = body.data.partnerEnrollments.pageInfo.endCursor ?? state.cursor;
      hasNext = body.data.partnerEnrollments.pageInfo.hasNextPage;
      save();
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method !== 'POST' || req.url !== '/webhooks') return void res.writeHead(404).end();
      const problem = verifyDelivery(secret, req.headers, body, Math.floor(Date.now() / 1000));
      if (problem) {
        log({ event: 'refused', reason: problem });
        return void res.writeHead(401).end();
      }
      const id = String(req.headers['webhook-id']);
      if (state.seenWebhookIds.includes(id)) {
        log({ event: 'duplicate', webhookId: id });
        return void res.writeHead(200).end();
      }
      const payload = JSON.parse(body) as { type: string; data: Change };
      apply(payload.data, 'push');
      // The newest 10,000 ids are enough to recognise retries and replays of recent messages;
      // older ones are caught by the version check.
      state.seenWebhookIds = [...state.seenWebhookIds, id].slice(-10_000);
      save();
      res.writeHead(204).end();
    });
  });

  catchUp()
    .then(() =>
      server.listen(Number(values.port), '127.0.0.1', () =>
        log({ event: 'ready', port: Number(values.port) }),
      ),
    )
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Run as a script (npm run partner-webhook-example); imported by the tests for its verifier.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
