import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { PembinaanAsnStack } from '../../infra/stacks/pembinaan-asn-stack';
import { type Stage, type StageConfig, stageConfigFrom } from '../../infra/stage-config';

/** The context defaults of cdk.json, so tests see what `npm run synth` sees. */
const CDK_JSON_CONTEXT = (
  JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

/** The stage settings `npm run synth` would use for `stage`. */
export function stageConfigFor(stage: Stage, context: Record<string, unknown> = {}): StageConfig {
  return stageConfigFrom(new App({ context: { ...CDK_JSON_CONTEXT, stage, ...context } }).node);
}

/** A synthesized stack and its template. */
export interface SynthesizedStack {
  app: App;
  stack: PembinaanAsnStack;
  template: Template;
}

/**
 * Builds the stack for `stage` with cdk.json's context plus `context`, bundling skipped
 * (`aws:cdk:bundling-stacks` = []): the assertions are about resources, not bundles, and
 * esbuild per stack would make the suite slow.
 */
export function synthStack(stage: Stage, context: Record<string, unknown> = {}): SynthesizedStack {
  const app = new App({
    context: { ...CDK_JSON_CONTEXT, stage, 'aws:cdk:bundling-stacks': [], ...context },
  });
  const config = stageConfigFrom(app.node);
  const stack = new PembinaanAsnStack(app, `PembinaanAsn-${stage}`, { config });
  return { app, stack, template: Template.fromStack(stack) };
}

/** The prod context tests use: prod refuses plain-http dashboard origins. */
export const PROD_CONTEXT = { dashboardOrigins: ['https://dashboard.bkpsdm.example.go.id'] };

/** Two partners, to see that everything per partner is repeated. */
export const TWO_PARTNERS = [
  { code: 'usu', name: 'Universitas Sumatera Utara', rateLimit: 10, burstLimit: 20, quotaPerMonth: 100_000 },
  { code: 'unsri', name: 'Universitas Sriwijaya', rateLimit: 5, burstLimit: 10, quotaPerMonth: 50_000 },
];

/** Dev (with {@link TWO_PARTNERS}) and prod (with {@link PROD_CONTEXT}), synthesized once per test file. */
export function devAndProd(): { dev: SynthesizedStack; prod: SynthesizedStack } {
  return { dev: synthStack('dev', { partners: TWO_PARTNERS }), prod: synthStack('prod', PROD_CONTEXT) };
}

/** The environment variables of the function whose name ends with `-<suffix>`. */
export function functionEnv(template: Template, suffix: string): Record<string, unknown> {
  const functions = template.findResources('AWS::Lambda::Function', {
    Properties: { FunctionName: Match.stringLikeRegexp(`-${suffix}$`) },
  });
  const [fn] = Object.values(functions) as {
    Properties: { Environment: { Variables: Record<string, unknown> } };
  }[];
  if (!fn) throw new Error(`no function ${suffix}`);
  return fn.Properties.Environment.Variables;
}
