import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { restProxyEvent } from '../../../scripts/bench/lambda-events';
import type { EdgeRequest, EdgeResponse, HttpEdge } from '../../../src/server/http-edge';
import { lambdaHandler } from '../../../src/server/lambda-host';

/** An edge that records what it was asked and answers `response`. */
function recordingEdge(response: EdgeResponse): { edge: HttpEdge; seen: EdgeRequest[] } {
  const seen: EdgeRequest[] = [];
  const edge = {
    handle: async (request: EdgeRequest) => {
      seen.push(request);
      return response;
    },
  } as unknown as HttpEdge;
  return { edge, seen };
}

const context = { awsRequestId: 'aws-req-7' } as Context;

describe('the Lambda host of the HTTP edge', () => {
  it('hands the edge the matched route, lower-cased headers, the decoded body and the caller', async () => {
    const { edge, seen } = recordingEdge({ status: 200, headers: {}, body: 'ok' });
    const event = restProxyEvent(
      'post',
      '/playground/app.js',
      undefined,
      { 'X-Trace': 'a' },
      {
        rawBody: '{"query":"{ me { role } }"}',
        base64: true,
        query: { v: '1' },
      },
    );
    event.path = '/custom-base/playground/app.js';
    event.multiValueHeaders['X-Trace'] = ['a', 'b'];
    await lambdaHandler(edge)(event, context);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      path: '/playground/app.js',
      search: 'v=1',
      body: '{"query":"{ me { role } }"}',
      requestId: 'aws-req-7',
      sourceIp: '203.0.113.7',
    });
    expect(seen[0]?.headers['x-trace']).toBe('a, b');
  });

  it('returns text as text, and other bytes base64-encoded for API Gateway to decode', async () => {
    const script = recordingEdge({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8' },
      body: Buffer.from('console.log(1)'),
    });
    expect(await lambdaHandler(script.edge)(restProxyEvent('GET', '/playground/app.js'), context)).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8' },
      body: 'console.log(1)',
    });
    const font = recordingEdge({
      status: 200,
      headers: { 'content-type': 'font/woff2' },
      body: Buffer.from([0, 1, 2, 255]),
    });
    const result = await lambdaHandler(font.edge)(restProxyEvent('GET', '/playground/f.woff2'), context);
    expect(result.isBase64Encoded).toBe(true);
    expect(Buffer.from(result.body, 'base64')).toEqual(Buffer.from([0, 1, 2, 255]));
  });
});
