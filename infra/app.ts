/**
 * The CDK app: one PembinaanAsnStack for the stage chosen with `-c stage=dev|prod` (default dev),
 * checked by cdk-nag (AwsSolutions) during synthesis. `cdk.json` runs it with tsx.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ensurePlaygroundBuilt } from './playground-bundling';
import { PembinaanAsnStack } from './stacks/pembinaan-asn-stack';
import { stageConfigFrom } from './stage-config';

const app = new App();
const config = stageConfigFrom(app.node);

// The dev Lambda package carries GraphiQL; build it (cached by fingerprint) when bundling runs.
const bundlingStacks = (app.node.tryGetContext('aws:cdk:bundling-stacks') as string[] | undefined) ?? ['**'];
if (config.playground && bundlingStacks.length > 0) await ensurePlaygroundBuilt();

new PembinaanAsnStack(app, `PembinaanAsn-${config.stage}`, {
  config,
  description: `Pembinaan ASN GraphQL API, ${config.stage} stage`,
});

Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
