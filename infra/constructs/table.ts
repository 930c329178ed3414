import { Stack } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  ProjectionType,
  StreamViewType,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { GLOBAL_INDEXES, STREAM_VIEW_TYPE, TABLE_KEYS, TTL_ATTRIBUTE } from '../../src/data/table-definition';
import type { StageConfig } from '../stage-config';

/** Item-level actions the API and the aggregator use; no Scan, nothing on the table's settings. */
export const TABLE_DATA_ACTIONS: readonly string[] = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/** Props of {@link ApiTable}. */
export interface ApiTableProps {
  config: StageConfig;
}

/**
 * The single table, from src/data/table-definition.ts (the same declaration `npm start` and the
 * tests create on DynamoDB Local): on-demand, point-in-time recovery, a NEW_AND_OLD_IMAGES stream
 * for the aggregator, TTL, and in prod deletion protection and RETAIN.
 */
export class ApiTable extends Construct {
  /** The table. */
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: ApiTableProps) {
    super(scope, id);
    const { config } = props;
    const stringKey = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      tableName: config.prefix,
      partitionKey: stringKey(TABLE_KEYS.partitionKey),
      sortKey: stringKey(TABLE_KEYS.sortKey),
      globalSecondaryIndexes: GLOBAL_INDEXES.map((index) => ({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType.ALL,
      })),
      timeToLiveAttribute: TTL_ATTRIBUTE,
      dynamoStream: StreamViewType[STREAM_VIEW_TYPE],
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: config.deletionProtection,
      removalPolicy: config.removalPolicy,
      // AWS owned key: encrypted at rest at no cost and with no key policy to keep in step with
      // the stream consumer. A customer managed key would add per-request KMS calls and charges
      // and only pays off for key-level audit or cross-account use, which this data does not need.
      encryption: TableEncryptionV2.dynamoOwnedKey(),
    });
  }

  /** Lets `grantee` read and write items in the table and query its indexes, named one by one. */
  grantData(grantee: IGrantable): void {
    const indexArns = GLOBAL_INDEXES.map((index) =>
      Stack.of(this).formatArn({
        service: 'dynamodb',
        resource: 'table',
        resourceName: `${this.table.tableName}/index/${index.indexName}`,
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...TABLE_DATA_ACTIONS],
        resources: [this.table.tableArn, ...indexArns],
      }),
    );
  }
}
