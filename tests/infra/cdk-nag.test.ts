import { App, Stack, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { synthStack } from './synth-stack';

const stages = [
  { stage: 'dev', ...synthStack('dev') },
  { stage: 'prod', ...synthStack('prod', { dashboardOrigins: ['https://dashboard.bkpsdm.example.go.id'] }) },
] as const;

/** Every acknowledged rule in the tree under `scope`: rule id, construct path and reason. */
function acknowledgments(scope: IConstruct): { id: string; path: string; reason: string }[] {
  return scope.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, unknown>).map(([id, value]) => ({
          id: id.replace(/^annotation::/i, ''),
          path: c.node.path,
          reason: typeof value === 'string' ? value : JSON.stringify(value),
        })),
      ),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it.each(stages)('reports no unacknowledged error or warning in $stage', ({ app, stack }) => {
    const report = new AwsSolutionsChecks(app, { verbose: true }).validateScope(stack);
    const findings = report.violations.map(
      (v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it.each(stages)('gives every acknowledgment in $stage a written reason', ({ stack }) => {
    const acks = acknowledgments(stack);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.id, ack.path).toMatch(/^AwsSolutions-[A-Z]+\d+/);
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(60);
    }
  });

  it('acknowledges only the rules the design accepts', () => {
    const ids = new Set(stages.flatMap(({ stack }) => acknowledgments(stack).map((a) => a.id)));
    expect([...ids].sort()).toEqual(
      [
        'AwsSolutions-APIG4',
        'AwsSolutions-COG4',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Resource::<ImportsBucketB463A28B.Arn>/imports/*]',
        'AwsSolutions-S1',
        'AwsSolutions-L1',
        'AwsSolutions-SMG4',
        'AwsSolutions-SQS3',
      ].sort(),
    );
  });

  it('does find violations, so a clean report means something', () => {
    const app = new App();
    const stack = new Stack(app, 'Careless');
    new Queue(stack, 'Plain', { encryption: QueueEncryption.UNENCRYPTED });
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    expect(report.violations.map((v) => v.ruleName)).toEqual(
      expect.arrayContaining(['AwsSolutions-SQS2', 'AwsSolutions-SQS4']),
    );
  });
});
