import type { Context } from 'aws-lambda';
import { restProxyEvent } from '../../scripts/bench/lambda-events';
import type { HttpEdge } from '../../src/server/http-edge';
import { startHttpServer } from '../../src/server/http-server';
import { lambdaHandler } from '../../src/server/lambda-host';

/** An HTTP answer, whichever host gave it (header names in lower case). */
export interface HostResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a client sends: headers, a raw body, a query string. */
export interface HostRequest {
  headers?: Record<string, string>;
  body?: string;
  query?: Record<string, string>;
}

/** One host of the HTTP edge, driven as its clients drive it. */
export interface EdgeHost {
  request(method: string, path: string, request?: HostRequest): Promise<HostResponse>;
  close(): Promise<void>;
}

/** The hosts every edge test runs against: the Lambda (REST API events) and the local server (HTTP). */
export const HOSTS = {
  /** The Lambda host, invoked with REST API proxy events (payload format 1.0), base64 bodies included. */
  async lambda(edge: HttpEdge): Promise<EdgeHost> {
    await edge.start();
    const handler = lambdaHandler(edge);
    const context = { awsRequestId: 'edge-test' } as Context;
    return {
      async request(method, path, { headers = {}, body, query } = {}) {
        const event = restProxyEvent(method, path, undefined, headers, {
          ...(body === undefined ? {} : { rawBody: body, base64: true }),
          ...(query ? { query } : {}),
        });
        const result = await handler(event, context);
        const raw = result.isBase64Encoded ? Buffer.from(result.body, 'base64').toString() : result.body;
        const lower = Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]);
        return { status: result.statusCode, headers: Object.fromEntries(lower), body: raw };
      },
      close: () => edge.stop(),
    };
  },

  /** The local host: node's http server on a free port, reached with fetch. */
  async node(edge: HttpEdge): Promise<EdgeHost> {
    const server = await startHttpServer(edge, { port: 0 });
    const base = `http://127.0.0.1:${server.port}`;
    return {
      async request(method, path, { headers = {}, body, query } = {}) {
        const search = query ? `?${new URLSearchParams(query)}` : '';
        const response = await fetch(`${base}${path}${search}`, {
          method,
          headers: { 'content-type': 'application/json', ...headers },
          ...(body === undefined ? {} : { body }),
        });
        return {
          status: response.status,
          headers: Object.fromEntries(response.headers),
          body: await response.text(),
        };
      },
      close: () => server.close(),
    };
  },
} as const;
