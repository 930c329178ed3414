import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage-config';
import { LambdaFunction } from './lambda-function';
import type { ApiTable } from './table';

/** Props of {@link ComplaintSweeper}. */
export interface ComplaintSweeperProps {
  config: StageConfig;
  table: ApiTable;
}

/**
 * The complaint sweeper (src/handlers/complaint-sweeper.ts), run by an EventBridge schedule:
 * recomputes stored deadlines after a holiday calendar changed, then marks open complaints past
 * a deadline as overdue, updates the stream aggregator then counts in COMPLAINTS_OVERDUE. One run
 * at a time; a missed or cut-short run is caught up by the next (a recompute skips the complaints
 * already done).
 */
export class ComplaintSweeper extends Construct {
  /** The function and its role. */
  readonly lambda: LambdaFunction;
  /** The schedule. */
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ComplaintSweeperProps) {
    super(scope, id);
    const { config } = props;
    this.lambda = new LambdaFunction(this, 'Sweeper', {
      config,
      name: 'complaint-sweeper',
      description: `Pembinaan ASN: complaint deadlines after calendar changes, overdue marks (${config.stage})`,
      // A national calendar change recomputes every agency's complaints of a year and more.
      timeout: Duration.minutes(10),
      reservedConcurrentExecutions: 1,
      environment: { STAGE: config.stage, TABLE_NAME: props.table.table.tableName, LOG_LEVEL: 'INFO' },
    });
    props.table.grantData(this.lambda.role);
    this.rule = new Rule(this, 'Schedule', {
      ruleName: `${config.prefix}-complaint-sweep`,
      description: 'Hourly check of open complaints against their deadlines',
      schedule: Schedule.rate(Duration.hours(1)),
      targets: [new LambdaTarget(this.lambda.fn, { retryAttempts: 2, maxEventAge: Duration.hours(1) })],
    });
  }
}
