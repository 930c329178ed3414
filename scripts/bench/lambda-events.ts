/**
 * Synthetic Lambda events as AWS sends them, for invoking the built bundles outside AWS:
 * API Gateway REST API proxy events (payload format 1.0) and DynamoDB stream events.
 */
import type { APIGatewayProxyEvent, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/** How the event's body and query string are given, when not as a JSON value. */
export interface RestEventOptions {
  /** The body exactly as sent (not JSON-encoded here). */
  rawBody?: string;
  /** The body arrives base64-encoded, as API Gateway sends binary media types. */
  base64?: boolean;
  query?: Record<string, string>;
}

/**
 * A REST API (payload format 1.0) proxy event for `method path`, JSON body when given. The
 * resource is what API Gateway matches: `/playground/{proxy+}` with its path parameter for files.
 */
export function restProxyEvent(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  options: RestEventOptions = {},
): APIGatewayProxyEvent {
  const allHeaders = { 'content-type': 'application/json', ...headers };
  const proxy = /^\/playground\/(.+)$/.exec(path)?.[1];
  const text = options.rawBody ?? (body === undefined ? null : JSON.stringify(body));
  const query = options.query ?? null;
  return {
    resource: proxy === undefined ? path : '/playground/{proxy+}',
    path,
    httpMethod: method,
    headers: allHeaders,
    multiValueHeaders: Object.fromEntries(Object.entries(allHeaders).map(([k, v]) => [k, [v]])),
    queryStringParameters: query,
    multiValueQueryStringParameters: query
      ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]]))
      : null,
    pathParameters: proxy === undefined ? null : { proxy },
    stageVariables: null,
    body: text !== null && options.base64 ? Buffer.from(text).toString('base64') : text,
    isBase64Encoded: options.base64 ?? false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      httpMethod: method,
      path: `/dev${path}`,
      stage: 'dev',
      requestId: 'req-bench',
      requestTimeEpoch: Date.now(),
      resourceId: 'res',
      resourcePath: path,
      protocol: 'HTTP/1.1',
      authorizer: null,
      identity: { sourceIp: '203.0.113.7' } as APIGatewayProxyEvent['requestContext']['identity'],
    },
  };
}

/** A stream record for a put of `keys` (marshalled `pk`/`sk`), as NEW_AND_OLD_IMAGES delivers it. */
export function streamInsertRecord(eventID: string, pk: string, sk: string): DynamoDBRecord {
  const keys = { pk: { S: pk }, sk: { S: sk } };
  return {
    eventID,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'ap-southeast-3',
    eventSourceARN: 'arn:aws:dynamodb:ap-southeast-3:123456789012:table/bench/stream/2026-01-01T00:00:00.000',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: keys,
      NewImage: { ...keys, type: { S: 'Bench' } },
      SequenceNumber: eventID.replace(/\D/g, '').padStart(21, '1'),
      SizeBytes: 64,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

/** A stream event of the given records. */
export function streamEvent(records: DynamoDBRecord[]): DynamoDBStreamEvent {
  return { Records: records };
}
