import { Duration, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type ICommandHooks, NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type LambdaName, lambdaEntry, nodejsBundlingOptions, PROJECT_ROOT } from '../lambda-bundling';
import type { StageConfig } from '../stage-config';

/** Props of {@link LambdaFunction}. */
export interface LambdaFunctionProps {
  config: StageConfig;
  /** The bundle (infra/lambda-bundling.ts); also the function name's suffix. */
  name: LambdaName;
  description: string;
  memorySize?: number;
  timeout?: Duration;
  environment?: Record<string, string>;
  /** Extra bundling steps (the dev stage copies the GraphiQL files in). */
  commandHooks?: ICommandHooks;
  reservedConcurrentExecutions?: number;
}

/**
 * A Node.js Lambda function with this project's defaults: arm64, Node 22, the shared esbuild
 * bundle (minified ESM with source maps), JSON logs into its own log group with the stage's
 * retention, X-Ray active tracing, and a role that can write its logs and nothing else until a
 * construct grants it more.
 */
export class LambdaFunction extends Construct {
  /** The function. */
  readonly fn: NodejsFunction;
  /** Its execution role; grants go here. */
  readonly role: Role;
  /** Where its logs go. */
  readonly logGroup: LogGroup;
  /** The physical name, known at synth (`pembinaan-asn-dev-graphql`), unlike `fn.functionName`. */
  readonly functionName: string;

  constructor(scope: Construct, id: string, props: LambdaFunctionProps) {
    super(scope, id);
    const { config } = props;
    const functionName = `${config.prefix}-${props.name}`;
    this.functionName = functionName;
    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });
    // Own role instead of the default one: the default attaches AWSLambdaBasicExecutionRole,
    // which may write to every log group in the account.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${functionName}`,
    });
    this.logGroup.grantWrite(this.role);
    const bundling = nodejsBundlingOptions();
    this.fn = new NodejsFunction(this, 'Function', {
      functionName,
      description: props.description,
      entry: lambdaEntry(props.name),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      // SDK v2 only; the bundled SDK v3 reuses connections by default.
      awsSdkConnectionReuse: false,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: props.commandHooks ? { ...bundling, commandHooks: props.commandHooks } : bundling,
    });

    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is pinned on purpose (DESIGN.md: Node 22 runtime): the code, its tests and the ' +
        'local toolchain target Node 20/22; moving to Node 24 is a separate, tested change.',
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which do not ' +
        'support resource-level permissions (AWS X-Ray IAM reference), so their resource is "*".',
    });
  }
}
