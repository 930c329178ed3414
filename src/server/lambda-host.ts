import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { EdgeRequest, EdgeResponse, HttpEdge } from './http-edge';

/** A Lambda handler behind API Gateway's REST API (payload format 1.0). */
export type RestApiHandler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;

/**
 * The Lambda host of the HTTP edge: translates REST API proxy events into edge requests and the
 * edge's responses back. All routing, CORS and caching are the edge's, as under `npm start`.
 */
export function lambdaHandler(edge: HttpEdge): RestApiHandler {
  return async (event, context) => toResult(await edge.handle(edgeRequestOf(event, context.awsRequestId)));
}

/** The edge request of an event; the path is the matched API Gateway resource (no stage prefix). */
export function edgeRequestOf(event: APIGatewayProxyEvent, requestId: string): EdgeRequest {
  const body =
    event.body === null || event.body === undefined
      ? undefined
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body;
  return {
    method: event.httpMethod.toUpperCase(),
    path: routePath(event),
    search: searchOf(event),
    headers: lowerCased(event.multiValueHeaders, event.headers),
    body,
    requestId,
    sourceIp: event.requestContext?.identity?.sourceIp ?? undefined,
  };
}

/**
 * `/playground/{proxy+}` with its parameters filled in: what API Gateway matched, whatever custom
 * domain or base path the client used. Direct invocations without a resource fall back to `path`.
 */
function routePath(event: APIGatewayProxyEvent): string {
  if (!event.resource) return event.path;
  return event.resource.replace(/\{(\w+)\+?\}/g, (_, name: string) => event.pathParameters?.[name] ?? '');
}

function searchOf(event: APIGatewayProxyEvent): string {
  const params = new URLSearchParams();
  const multi = event.multiValueQueryStringParameters;
  if (multi) {
    for (const [name, values] of Object.entries(multi)) for (const v of values ?? []) params.append(name, v);
  } else {
    for (const [name, value] of Object.entries(event.queryStringParameters ?? {}))
      if (value !== undefined) params.append(name, value);
  }
  return params.toString();
}

/** Header names in lower case; repeated headers joined with `, ` (RFC 9110). */
function lowerCased(
  multi: APIGatewayProxyEvent['multiValueHeaders'] | null | undefined,
  single: APIGatewayProxyEvent['headers'] | null | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(single ?? {}))
    if (value !== undefined) headers[name.toLowerCase()] = value;
  for (const [name, values] of Object.entries(multi ?? {}))
    if (values && values.length > 0) headers[name.toLowerCase()] = values.join(', ');
  return headers;
}

/**
 * Text as text (the GraphiQL bundle is all text: base64 would push app.js past Lambda's 6 MB);
 * other bytes base64-encoded, which API Gateway decodes for its binary media types.
 */
function toResult(response: EdgeResponse): APIGatewayProxyResult {
  const { status, headers, body } = response;
  if (typeof body === 'string') return { statusCode: status, headers, body };
  if (isText(headers['content-type'])) return { statusCode: status, headers, body: body.toString('utf8') };
  return { statusCode: status, headers, body: body.toString('base64'), isBase64Encoded: true };
}

function isText(contentType: string | undefined): boolean {
  return /^(text\/|application\/(json|javascript|graphql))|charset=utf-8/.test(contentType ?? '');
}
