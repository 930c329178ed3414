import * as z from 'zod';
import { lazySchema } from '../validation/lazy-schema';
import { parsePartnerClients } from './partner-clients';

/** Defaults of the operation limits and the response budget (README "Security"). */
export const DEFAULT_LIMITS = {
  /** Lexical tokens of one document: the parser stops reading past this. */
  maxTokens: 2_000,
  maxDepth: 12,
  maxAliases: 30,
  /** Fields the operation may resolve, every list counted by its page size (src/server/operation-cost.ts). */
  maxCost: 100_000,
  /** DynamoDB items one request may read (returned or scanned). */
  maxItemsRead: 3_000,
  /** DynamoDB calls one request may send (a page of parents each listing its children sends one per parent). */
  maxDbCalls: 60,
  /** Bytes of data one response may carry. */
  maxResponseBytes: 2_000_000,
} as const;

/** Limits of one GraphQL request. */
export type RequestLimits = { [K in keyof typeof DEFAULT_LIMITS]: number };

const EnvSchema = lazySchema(() =>
  z.object({
    STAGE: z.enum(['dev', 'prod']).default('dev'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    /** Interface the local server listens on; 0.0.0.0 to reach it from other machines. */
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('.data'),
    DYNAMODB_ENDPOINT: z.url().optional(),
    TABLE_NAME: z.string().min(3).max(255).default('pembinaan-asn'),
    AWS_REGION: z.string().min(1).default('ap-southeast-3'),
    /** Any case (`debug` or `DEBUG`); DEBUG adds a line per DynamoDB call (no attribute values). */
    LOG_LEVEL: z.preprocess(
      (value) => (typeof value === 'string' ? value.toUpperCase() : value),
      z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
    ),
    /** CloudWatch metrics (Powertools Metrics, EMF lines on stdout): on in AWS, off locally. */
    METRICS: z.enum(['on', 'off']).default('off'),
    /** X-Ray tracing (Powertools Tracer): on in AWS, never locally (there is no daemon to send to). */
    TRACING: z.enum(['on', 'off']).default('off'),
    /**
     * Operation names kept as a metric dimension besides those of trusted documents (comma list);
     * every other operation is counted as `other`, so clients cannot multiply the metrics.
     */
    METRIC_OPERATIONS: z.string().optional(),
    /** HMAC secret for pagination cursors; locally generated under DATA_DIR when unset. */
    CURSOR_SECRET: z.string().min(32).optional(),
    /** Or: the Secrets Manager secret holding it (read once at cold start, in AWS). */
    CURSOR_SECRET_ARN: z.string().startsWith('arn:').optional(),
    /** Token verification: `local` (dev issuer, keys under DATA_DIR) or `cognito`. */
    AUTH_MODE: z.enum(['local', 'cognito']).default('local'),
    COGNITO_USER_POOL_ID: z.string().optional(),
    COGNITO_CLIENT_IDS: z.string().optional(),
    /**
     * The user pool's public signing keys (JWKS JSON) to start with: no fetch from Cognito at cold
     * start, and verification works offline (tests, benchmarks). Unset: fetched on the first token;
     * a key id missing from it is fetched too, so a rotated pool key still verifies.
     */
    COGNITO_JWKS: z.string().optional(),
    /** App client ids of partner machine clients and their partner codes (the pre-token trigger). */
    PARTNER_CLIENTS: z.string().optional(),
    /** GraphiQL and introspection; on by default in dev, off in prod. */
    PLAYGROUND: z.enum(['on', 'off']).optional(),
    /**
     * Browser origins allowed to read responses (comma list; `*` for any). Unset: any origin in dev
     * (local dashboards on any port), none in prod. In AWS, API Gateway answers the preflights.
     */
    CORS_ORIGINS: z.string().optional(),
    /** Where the bundled GraphiQL files are (the Lambda package's `playground/` folder). */
    PLAYGROUND_DIR: z.string().optional(),
    /** Public feedback per client address and agency: tokens a minute, and the burst (a forum session's worth). */
    FEEDBACK_ADDRESS_PER_MINUTE: z.coerce.number().positive().default(20),
    FEEDBACK_ADDRESS_BURST: z.coerce.number().int().min(1).default(20),
    /** Public feedback per unit, all clients together. */
    FEEDBACK_UNIT_PER_MINUTE: z.coerce.number().positive().default(300),
    FEEDBACK_UNIT_BURST: z.coerce.number().int().min(1).default(300),
    /** Days an audit entry is kept before DynamoDB TTL removes it. */
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
    /** Longest a DynamoDB call may take (request and response), and its connection, before it times out. */
    DYNAMODB_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1500),
    DYNAMODB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    /** After this long from a request's start no retry begins (conflicts, throttling, timeouts). */
    REQUEST_RETRY_BUDGET_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
    /** The same for one run of a system job (stream batch, sweep, seed, rebuild). */
    JOB_RETRY_BUDGET_MS: z.coerce.number().int().min(0).max(900_000).default(60_000),
    /** Where webhooks may go: `public` addresses only (every AWS stage), or `any` (local receivers; the dev default). */
    WEBHOOK_TARGETS: z.enum(['public', 'any']).optional(),
    /** Key that seals webhook signing secrets at rest; locally derived from the dev secret when unset. */
    WEBHOOK_SECRET_KEY: z.string().min(32).optional(),
    /** Or: the Secrets Manager secret holding it (AWS). */
    WEBHOOK_SECRET_KEY_ARN: z.string().startsWith('arn:').optional(),
    /** Whole-attempt deadline of a webhook delivery (DNS, connect, TLS, response headers). */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(5_000),
    /** The SQS FIFO queue of deliveries (AWS); `npm start` runs an in-process queue instead. */
    WEBHOOK_QUEUE_URL: z.url().optional(),
    /** In AWS: the bucket uploads of `createImport` go to; unset locally (uploads go to the local server). */
    IMPORT_BUCKET: z.string().min(3).optional(),
    /** In AWS: the import queue (the import function sends a stopped job back to it). */
    IMPORT_QUEUE_URL: z.url().optional(),
    /** Largest import file taken, in bytes (upload route and import function). */
    IMPORT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(200 * 1024 * 1024)
      .default(200 * 1024 * 1024),
    /** Locally: the base URL upload links point at (default http://<HOST>:<PORT>). */
    PUBLIC_URL: z.url().optional(),
    /** Operation limits, checked before anything runs (README "Security" lists each with its default). */
    QUERY_MAX_TOKENS: z.coerce.number().int().min(100).default(DEFAULT_LIMITS.maxTokens),
    QUERY_MAX_DEPTH: z.coerce.number().int().min(2).default(DEFAULT_LIMITS.maxDepth),
    QUERY_MAX_ALIASES: z.coerce.number().int().min(0).default(DEFAULT_LIMITS.maxAliases),
    QUERY_MAX_COST: z.coerce.number().int().min(100).default(DEFAULT_LIMITS.maxCost),
    /** The response budget, checked while a request runs. */
    RESPONSE_MAX_ITEMS_READ: z.coerce.number().int().min(100).default(DEFAULT_LIMITS.maxItemsRead),
    RESPONSE_MAX_DB_CALLS: z.coerce.number().int().min(10).default(DEFAULT_LIMITS.maxDbCalls),
    RESPONSE_MAX_BYTES: z.coerce.number().int().min(1_000).default(DEFAULT_LIMITS.maxResponseBytes),
    /** Strict clients and their trusted-document manifests: `usu=path.json,client:abc=other.json`. */
    TRUSTED_DOCUMENTS: z.string().optional(),
    /**
     * `npm start` only: the demo agencies a fresh data directory is seeded with (a comma list of
     * their codes; default all four). Fewer agencies, a quicker first start.
     */
    DEMO_AGENCIES: z
      .string()
      .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'must be a comma list of demo agency codes')
      .optional(),
    /** Agencies whose administrators keep the national holiday calendar: a comma list, or `*` for any. */
    NATIONAL_CALENDAR_AGENCIES: z
      .string()
      .regex(/^(\*|[a-z0-9-]+(,[a-z0-9-]+)*)?$/, 'must be `*` or a comma list of agency codes')
      .optional(),
  }),
);

export interface Config {
  stage: 'dev' | 'prod';
  port: number;
  host: string;
  dataDir: string;
  /** `npm start`'s demo agencies (DEMO_AGENCIES); undefined: all of them. */
  demoAgencies: string[] | undefined;
  dynamoEndpoint: string | undefined;
  tableName: string;
  region: string;
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /** What the API reports about itself: metrics and traces in AWS, a log line per request always. */
  observability: { metrics: boolean; tracing: boolean; metricOperations: string[] };
  cursorSecret: string | undefined;
  cursorSecretArn: string | undefined;
  auth:
    | { mode: 'local' }
    | { mode: 'cognito'; userPoolId: string; clientIds: string[]; jwksJson: string | undefined };
  /** Partner app client id -> partner code, for the claims the pre-token trigger adds. */
  partnerClients: ReadonlyMap<string, string>;
  playground: boolean;
  playgroundDir: string | undefined;
  corsOrigins: string[];
  /** Token buckets of public feedback (`submitFeedback`). */
  feedbackLimits: {
    perAddress: { perMinute: number; burst: number };
    perUnit: { perMinute: number; burst: number };
  };
  /** Days audit entries are kept (one policy for every agency for now). */
  auditRetentionDays: number;
  /** Timeouts of every DynamoDB call. */
  dynamoTimeouts: { requestMs: number; connectMs: number };
  /** Total retry budgets (`src/data/retry-policy.ts`). */
  retryBudgets: { requestMs: number; jobMs: number };
  /** Partner webhooks (src/webhooks). */
  webhooks: {
    /** https only in prod; private and loopback targets only where WEBHOOK_TARGETS=any. */
    urlPolicy: { allowHttp: boolean; allowPrivateAddresses: boolean };
    secretKey: string | undefined;
    secretKeyArn: string | undefined;
    timeoutMs: number;
    queueUrl: string | undefined;
  };
  /** Uploads of import files: to S3 in AWS (bucket set), else to the local server. */
  imports: { bucket: string | undefined; queueUrl: string | undefined; maxBytes: number; publicUrl: string };
  /** Operation limits and the response budget. */
  limits: RequestLimits;
  /** Clients held to their trusted documents, each with its manifest file (see trusted-documents). */
  trustedDocuments: { client: string; manifest: string }[];
  /**
   * Whose administrators may set the national holiday calendar (one for every tenant): listed
   * agencies, or `ANY`. Unset: any agency in dev, none in prod (agencies then add days of their own).
   */
  nationalCalendarEditors: readonly string[] | 'ANY';
}

/** Reads and validates the environment once; the only reader of `process.env`. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema().safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${detail}`);
  }
  const e = parsed.data;
  if (e.STAGE === 'prod' && e.PLAYGROUND === 'on') {
    // Production never shows the schema: no GraphiQL, introspection or schema hints.
    throw new Error('Invalid configuration: PLAYGROUND=on is not allowed with STAGE=prod');
  }
  if (e.AUTH_MODE === 'cognito' && (!e.COGNITO_USER_POOL_ID || !e.COGNITO_CLIENT_IDS)) {
    throw new Error(
      'Invalid configuration: AUTH_MODE=cognito needs COGNITO_USER_POOL_ID and COGNITO_CLIENT_IDS',
    );
  }
  return {
    stage: e.STAGE,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    demoAgencies: e.DEMO_AGENCIES === undefined ? undefined : listOf(e.DEMO_AGENCIES),
    dynamoEndpoint: e.DYNAMODB_ENDPOINT,
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION,
    logLevel: e.LOG_LEVEL,
    observability: {
      metrics: e.METRICS === 'on',
      tracing: e.TRACING === 'on',
      metricOperations: listOf(e.METRIC_OPERATIONS),
    },
    cursorSecret: e.CURSOR_SECRET,
    cursorSecretArn: e.CURSOR_SECRET_ARN,
    auth:
      e.AUTH_MODE === 'cognito'
        ? {
            mode: 'cognito',
            userPoolId: e.COGNITO_USER_POOL_ID as string,
            clientIds: (e.COGNITO_CLIENT_IDS as string).split(',').map((s) => s.trim()),
            jwksJson: e.COGNITO_JWKS,
          }
        : { mode: 'local' },
    partnerClients: parsePartnerClients(e.PARTNER_CLIENTS),
    playground: e.PLAYGROUND ? e.PLAYGROUND === 'on' : e.STAGE === 'dev',
    playgroundDir: e.PLAYGROUND_DIR,
    // Unset: any origin on the dev stage (GraphiQL, local dashboards), none elsewhere.
    corsOrigins: listOf(e.CORS_ORIGINS ?? (e.STAGE === 'dev' ? '*' : '')),
    feedbackLimits: {
      perAddress: { perMinute: e.FEEDBACK_ADDRESS_PER_MINUTE, burst: e.FEEDBACK_ADDRESS_BURST },
      perUnit: { perMinute: e.FEEDBACK_UNIT_PER_MINUTE, burst: e.FEEDBACK_UNIT_BURST },
    },
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    dynamoTimeouts: { requestMs: e.DYNAMODB_REQUEST_TIMEOUT_MS, connectMs: e.DYNAMODB_CONNECT_TIMEOUT_MS },
    retryBudgets: { requestMs: e.REQUEST_RETRY_BUDGET_MS, jobMs: e.JOB_RETRY_BUDGET_MS },
    webhooks: {
      urlPolicy: {
        allowHttp: e.STAGE !== 'prod',
        allowPrivateAddresses: (e.WEBHOOK_TARGETS ?? (e.STAGE === 'prod' ? 'public' : 'any')) === 'any',
      },
      secretKey: e.WEBHOOK_SECRET_KEY,
      secretKeyArn: e.WEBHOOK_SECRET_KEY_ARN,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      queueUrl: e.WEBHOOK_QUEUE_URL,
    },
    imports: {
      bucket: e.IMPORT_BUCKET,
      queueUrl: e.IMPORT_QUEUE_URL,
      maxBytes: e.IMPORT_MAX_BYTES,
      publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(
        /\/$/,
        '',
      ),
    },
    limits: {
      maxTokens: e.QUERY_MAX_TOKENS,
      maxDepth: e.QUERY_MAX_DEPTH,
      maxAliases: e.QUERY_MAX_ALIASES,
      maxCost: e.QUERY_MAX_COST,
      maxItemsRead: e.RESPONSE_MAX_ITEMS_READ,
      maxDbCalls: e.RESPONSE_MAX_DB_CALLS,
      maxResponseBytes: e.RESPONSE_MAX_BYTES,
    },
    trustedDocuments: parseTrustedDocuments(e.TRUSTED_DOCUMENTS),
    nationalCalendarEditors:
      e.NATIONAL_CALENDAR_AGENCIES === undefined
        ? e.STAGE === 'dev'
          ? 'ANY'
          : []
        : e.NATIONAL_CALENDAR_AGENCIES === '*'
          ? 'ANY'
          : e.NATIONAL_CALENDAR_AGENCIES.split(',').filter(Boolean),
  };
}

/** A comma list as its trimmed, non-empty items. */
function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `client=manifest,client=manifest` -> entries; a malformed entry fails the start. */
function parseTrustedDocuments(value: string | undefined): Config['trustedDocuments'] {
  return listOf(value).map((entry) => {
    const at = entry.indexOf('=');
    const client = entry.slice(0, at).trim();
    const manifest = entry.slice(at + 1).trim();
    if (at < 1 || !client || !manifest)
      throw new Error(
        `Invalid configuration: TRUSTED_DOCUMENTS entry "${entry}" is not client=manifest.json`,
      );
    return { client, manifest };
  });
}
