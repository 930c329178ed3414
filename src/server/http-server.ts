import { randomUUID } from 'node:crypto';
import {
  createServer as createNodeServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES } from './edge-messages';
import type { EdgeRequest, HttpEdge } from './http-edge';

export interface HttpServerOptions {
  port: number;
  host?: string;
  /**
   * Routes only the local server has (e.g. the import upload route: S3 takes uploads in AWS), tried
   * first and given the raw request before anything reads its body (the edge reads at most
   * MAX_BODY_BYTES), so large bodies can stream; each says whether it answered.
   */
  routes?: LocalRoute[];
}

/** A route of the local server alone: true when it answered the request. */
export type LocalRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface RunningHttpServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * The local host of the HTTP edge (`npm start`, the load test): node's http server reading each
 * request into an edge request and writing the edge's response. Routing, CORS and caching are
 * the edge's, exactly as in the Lambda.
 */
export async function startHttpServer(
  edge: HttpEdge,
  options: HttpServerOptions,
): Promise<RunningHttpServer> {
  await edge.start();
  const localRoutes = options.routes ?? [];
  const server = createNodeServer((req, res) => {
    void (async () => {
      for (const route of localRoutes) if (await route(req, res)) return;
      await serve(edge, req, res);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    server,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await edge.stop();
    },
  };
}

async function serve(edge: HttpEdge, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const response = await edge.handle(await edgeRequestOf(req));
    res.writeHead(response.status, response.headers);
    res.end(response.body);
  } catch {
    // Only the socket can fail here (the edge never throws): the client is gone.
    res.destroy();
  }
}

async function edgeRequestOf(req: IncomingMessage): Promise<EdgeRequest> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const { body, tooLarge } = await readBody(req);
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    search: url.search,
    headers,
    body,
    bodyTooLarge: tooLarge,
    requestId: randomUUID(),
    sourceIp: req.socket.remoteAddress,
  };
}

/**
 * A body over the limit is read on but not kept, so the client can finish sending and read its
 * 413; past this much the connection is dropped instead (API Gateway stops at 10 MB in AWS).
 */
const MAX_DISCARDED_BYTES = 10 * 1024 * 1024;

/** The body as text, kept up to MAX_BODY_BYTES: a larger one is discarded (the edge answers 413). */
async function readBody(req: IncomingMessage): Promise<{ body: string | undefined; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Leaving the loop destroys the request stream, and with it the connection.
    if (size > MAX_DISCARDED_BYTES) break;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) return { body: undefined, tooLarge: true };
  return { body: size > 0 ? Buffer.concat(chunks).toString('utf8') : undefined, tooLarge: false };
}
