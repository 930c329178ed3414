import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PembinaanAsnStack } from '../../infra/stacks/pembinaan-asn-stack';
import { type Stage, stageConfigFrom } from '../../infra/stage-config';

/** The context defaults of cdk.json, so tests see what `npm run synth` sees. */
const CDK_JSON_CONTEXT = (
  JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

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
