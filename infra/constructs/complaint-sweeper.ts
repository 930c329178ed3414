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
 * marks open complaints past their deadline as overdue, an update the stream aggregator then
 * counts in COMPLAINTS_OVERDUE. One run at a time; a missed run is caught up by the next.
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
      description: `Pembinaan ASN: marks complaints past their SP4N-LAPOR deadline overdue (${config.stage})`,
      timeout: Duration.minutes(2),
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
