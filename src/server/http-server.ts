import { randomUUID } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { GraphQLContext } from '../../resolvers/context';
import type { Deps } from '../composition/create-deps';
import { type ApiRoute, createContext } from './context';
import type { PlaygroundAssets } from './playground-assets';

/** Largest request body accepted (1 MiB); larger ones get 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The GraphQL routes, as in AWS: `/partner/graphql` takes partner tokens only (see ApiRoute). */
const ROUTES = new Map<string, ApiRoute>([
  ['/graphql', 'any'],
  ['/partner/graphql', 'partner'],
]);

export interface HttpServerOptions {
  port: number;
  host?: string;
  /** Bundled GraphiQL files served under /playground/ (local dev). */
  playgroundAssets?: PlaygroundAssets | undefined;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * The local HTTP front of the same Apollo server the Lambda uses: POST/GET /graphql (GraphiQL
 * for browsers), GET /health, GET /playground/* (bundled assets).
 */
export async function startHttpServer(
  apollo: ApolloServer<GraphQLContext>,
  deps: Deps,
  options: HttpServerOptions,
): Promise<RunningHttpServer> {
  await apollo.start();
  const server = createHttpServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      deps.logger.error('HTTP handler failed', { error: error instanceof Error ? error : String(error) });
      if (!res.headersSent) send(res, 500, { 'content-type': 'application/json' }, '{"error":"internal"}');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'OPTIONS') return send(res, 204, corsHeaders(), '');
    if (url.pathname === '/health' && req.method === 'GET') {
      return send(
        res,
        200,
        { 'content-type': 'application/json' },
        JSON.stringify({ status: 'ok', stage: deps.config.stage }),
      );
    }
    if (url.pathname.startsWith('/playground/') && req.method === 'GET' && options.playgroundAssets) {
      const asset = await options.playgroundAssets.get(url.pathname.slice('/playground/'.length));
      if (!asset) return send(res, 404, { 'content-type': 'text/plain' }, 'Not found');
      return send(
        res,
        200,
        { 'content-type': asset.contentType, 'cache-control': 'public, max-age=300' },
        asset.body,
      );
    }
    if (url.pathname === '/' && req.method === 'GET') return send(res, 302, { location: '/graphql' }, '');
    const route = ROUTES.get(url.pathname);
    if (!route) return send(res, 404, { 'content-type': 'text/plain' }, 'Not found');

    const body = await readBody(req);
    if (body === undefined) return send(res, 413, { 'content-type': 'text/plain' }, 'Request body too large');
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let parsedBody: unknown = body;
    if (headers.get('content-type')?.startsWith('application/json') && body.length > 0) {
      try {
        parsedBody = JSON.parse(body);
      } catch {
        return send(
          res,
          400,
          { 'content-type': 'application/json' },
          JSON.stringify({
            errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }],
          }),
        );
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsedBody },
      context: () =>
        createContext(
          {
            headers: Object.fromEntries(headers),
            requestId: randomUUID(),
            sourceIp: req.socket.remoteAddress,
            route,
          },
          deps,
        ),
    });
    const outHeaders: Record<string, string> = { ...corsHeaders() };
    for (const [name, value] of response.headers) outHeaders[name] = value;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : 'localhost'}:${port}/graphql`,
    port,
    server,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
    },
  };
}

function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'authorization, content-type, apollo-require-preflight',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
  };
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
): void {
  res.writeHead(status, headers);
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
