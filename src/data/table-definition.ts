/**
 * The single DynamoDB table, declared once: used by `npm start` and the tests (CreateTable)
 * and by the CDK app (TableV2). Keys are overloaded; entities declare how they use them.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Global secondary indexes, each with a string partition and sort key, all attributes projected. */
export const GLOBAL_INDEXES = [
  { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
] as const;

export type IndexName = (typeof GLOBAL_INDEXES)[number]['indexName'];

/** Items with this attribute (epoch seconds) expire: idempotency records, rate-limit buckets, audit. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** The stream carries both images so the aggregator can move counts between groups. */
export const STREAM_VIEW_TYPE = 'NEW_AND_OLD_IMAGES' as const;
