/**
 * What differs between stages, read once from CDK context (`cdk.json` defaults, `-c key=value`
 * overrides) and validated, so a typo fails the synth instead of the deploy.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import * as z from 'zod';
import { loadTrustedDocuments } from '../src/auth/trusted-documents';
import { PROJECT_ROOT } from './lambda-bundling';

/** The deployment stages. */
export const STAGES = ['dev', 'prod'] as const;
/** A deployment stage. */
export type Stage = (typeof STAGES)[number];

const PartnerSchema = z.object({
  /** Stable partner code, the `partner_id` claim and the API's `Partner.code` (`usu`). */
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/),
  name: z.string().min(1).max(128),
  /** Steady-state requests per second for this partner's API key. */
  rateLimit: z.number().positive().max(10_000),
  burstLimit: z.number().int().positive().max(5_000),
  quotaPerMonth: z.number().int().positive(),
});

/** A partner institution with machine access (client credentials + API key). */
export type PartnerConfig = z.infer<typeof PartnerSchema>;

/** The client name of the staff app client (the dashboard), whose id Cognito assigns at deploy. */
export const DASHBOARD_CLIENT = 'dashboard';

const TrustedDocumentsSchema = z.object({
  /** `dashboard` (the staff app client) or a configured partner's code (`usu` or `partner:usu`). */
  client: z.string().regex(/^(dashboard|(partner:)?[a-z0-9][a-z0-9-]{0,31})$/),
  /** Its persisted-documents.json, relative to the repository root (a bundling command copies it). */
  manifest: z
    .string()
    .regex(/^[\w-]+(\/[\w.-]+)*\.json$/)
    .refine((path) => !path.split('/').includes('..'), 'must stay inside the repository'),
});

/** A client held to its trusted documents in the GraphQL function (TRUSTED_DOCUMENTS). */
export interface TrustedDocumentsConfig {
  /** `dashboard` or a partner code. */
  client: string;
  /** Path of its manifest from the repository root. */
  manifest: string;
}

/** `-c trustedDocuments=usu=a.json,dashboard=b.json` gives strings: the TRUSTED_DOCUMENTS shape. */
const clientEqualsManifest = (value: unknown): unknown =>
  typeof value === 'string' && value.includes('=')
    ? { client: value.slice(0, value.indexOf('=')), manifest: value.slice(value.indexOf('=') + 1) }
    : value;

/** Context values may come from cdk.json (JSON) or from `-c key=value` (a string). */
const jsonOrString = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return JSON.parse(trimmed);
  return trimmed
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
};

const ContextSchema = z.object({
  stage: z.enum(STAGES).default('dev'),
  partners: z.preprocess(jsonOrString, z.array(PartnerSchema)).default([]),
  dashboardOrigins: z.preprocess(jsonOrString, z.array(z.url()).min(1)),
  /** Hosted sign-in domain prefix; the stage is appended (`pembinaan-asn-dev`). */
  cognitoDomainPrefix: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,40}[a-z0-9])?$/),
  /** Optional address subscribed to the alarm topic. */
  alarmEmail: z.email().optional(),
  /** Agencies whose administrators keep the national holiday calendar (`*` any; unset: none). */
  nationalCalendarAgencies: z
    .string()
    .regex(/^(\*|[a-z0-9-]+(,[a-z0-9-]+)*)$/)
    .optional(),
  /** Clients held to their trusted documents; being listed is being strict. */
  trustedDocuments: z
    .preprocess(jsonOrString, z.array(z.preprocess(clientEqualsManifest, TrustedDocumentsSchema)))
    .default([]),
});

/** Everything the stack needs to know about its stage. */
export interface StageConfig {
  stage: Stage;
  /** Prefix of every physical name (`pembinaan-asn-dev`). */
  prefix: string;
  partners: PartnerConfig[];
  dashboardOrigins: string[];
  cognitoDomainPrefix: string;
  alarmEmail: string | undefined;
  /** NATIONAL_CALENDAR_AGENCIES of the GraphQL function (src/config/load-config.ts); unset: nobody in prod. */
  nationalCalendarAgencies: string | undefined;
  /** Strict clients and their manifests, packaged into the GraphQL function (infra/trusted-documents.ts). */
  trustedDocuments: TrustedDocumentsConfig[];
  /** Prod keeps data and identities when the stack goes; dev cleans up. */
  removalPolicy: RemovalPolicy;
  deletionProtection: boolean;
  logRetention: RetentionDays;
  /** GraphiQL and introspection (src/config/load-config.ts: PLAYGROUND). */
  playground: boolean;
  /** Stage-wide API Gateway throttling. */
  apiThrottle: { rateLimit: number; burstLimit: number };
  /** WAF rate-based rule: requests per IP per 5 minutes (offices share one NAT address, so generous). */
  wafRequestsPerFiveMinutes: number;
}

/** Reads and validates the stage settings from the app's context. */
export function stageConfigFrom(node: Node): StageConfig {
  const raw = Object.fromEntries(
    [
      'stage',
      'partners',
      'dashboardOrigins',
      'cognitoDomainPrefix',
      'alarmEmail',
      'nationalCalendarAgencies',
      'trustedDocuments',
    ].map((key) => [key, node.tryGetContext(key) ?? undefined]),
  );
  const parsed = ContextSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid CDK context: ${detail}`);
  }
  const c = parsed.data;
  const codes = c.partners.map((p) => p.code);
  if (new Set(codes).size !== codes.length) throw new Error('Invalid CDK context: partner codes repeat');
  const trustedDocuments = checkedTrustedDocuments(c.trustedDocuments, codes);
  const prod = c.stage === 'prod';
  // Plain-http (localhost) dashboards are for development; prod CORS and callbacks need https.
  if (prod && c.dashboardOrigins.some((o) => !o.startsWith('https://'))) {
    throw new Error('Invalid CDK context: prod dashboardOrigins must be https:// origins');
  }
  return {
    stage: c.stage,
    prefix: `pembinaan-asn-${c.stage}`,
    partners: c.partners,
    dashboardOrigins: c.dashboardOrigins,
    cognitoDomainPrefix: c.cognitoDomainPrefix,
    alarmEmail: c.alarmEmail,
    nationalCalendarAgencies: c.nationalCalendarAgencies,
    trustedDocuments,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    deletionProtection: prod,
    logRetention: prod ? RetentionDays.ONE_YEAR : RetentionDays.TWO_WEEKS,
    playground: !prod,
    apiThrottle: prod ? { rateLimit: 200, burstLimit: 400 } : { rateLimit: 50, burstLimit: 100 },
    wafRequestsPerFiveMinutes: prod ? 6_000 : 2_000,
  };
}

/**
 * Each strict client once, a partner among the configured ones, and its manifest readable with
 * every document under its own hash: a wrong entry fails the synth, not the Lambda's cold start.
 */
function checkedTrustedDocuments(
  entries: readonly TrustedDocumentsConfig[],
  partnerCodes: readonly string[],
): TrustedDocumentsConfig[] {
  const checked = entries.map(({ client, manifest }) => ({
    client: client.replace(/^partner:/, ''),
    manifest,
  }));
  const clients = checked.map((e) => e.client);
  if (new Set(clients).size !== clients.length)
    throw new Error('Invalid CDK context: trustedDocuments names a client twice');
  for (const { client } of checked)
    if (client !== DASHBOARD_CLIENT && !partnerCodes.includes(client))
      throw new Error(`Invalid CDK context: trustedDocuments client ${client} is not a configured partner`);
  try {
    loadTrustedDocuments(checked, PROJECT_ROOT);
  } catch (error) {
    throw new Error(`Invalid CDK context: ${(error as Error).message}`);
  }
  return checked;
}
