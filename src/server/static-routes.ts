import type { StartupStatus } from '../composition/startup-status';
import { type EdgeResponse, type EdgeRoute, json, notModified, text } from './edge-messages';
import { createPlaygroundAssets } from './playground-assets';
import type { ReadinessProbe } from './readiness';
import { schemaDocument } from './schema-download';

/** GraphiQL's files carry no hash in their names: short freshness, then revalidation by ETag. */
const ASSET_CACHE = 'public, max-age=300';

/**
 * `/health` is readiness: 200 when the table answers a cheap read, 503 otherwise, always within
 * the probe's time limit; 503 `loading` while the process still loads what it serves (`npm
 * start`'s first seed, src/composition/startup-status.ts). `/health/live` is liveness: 200 while the process runs, no I/O.
 * The same in AWS (API Gateway routes both) and under `npm start`, which waits for `/health`.
 */
export function healthRoutes(ready: ReadinessProbe, stage: string, startup: StartupStatus): EdgeRoute[] {
  const noStore = { 'cache-control': 'no-store' };
  return [
    {
      path: '/health',
      methods: ['GET'],
      async handle() {
        const loading = startup.loading();
        if (loading !== undefined) return json(503, { status: 'loading', stage, loading }, noStore);
        return (await ready())
          ? json(200, { status: 'ok', stage }, noStore)
          : json(503, { status: 'unavailable', stage, table: 'not answering' }, noStore);
      },
    },
    {
      path: '/health/live',
      methods: ['GET'],
      handle: async () => json(200, { status: 'ok', stage }, noStore),
    },
  ];
}

/** `GET /graphql/schema.graphql`: the printed SDL where introspection is on; 404 elsewhere (prod). */
export function schemaDownloadRoute(introspection: boolean): EdgeRoute {
  return {
    path: '/graphql/schema.graphql',
    methods: ['GET'],
    async handle(request) {
      if (!introspection) return text(404, 'Not found');
      const { sdl, etag } = schemaDocument();
      const headers = {
        'cache-control': 'no-cache',
        'content-disposition': 'inline; filename="schema.graphql"',
      };
      return notModified(request, etag, headers) ?? text(200, sdl, { ...headers, etag });
    },
  };
}

/** `GET /playground/<file>`: the built GraphiQL bundle, when this host serves the playground. */
export function playgroundAssetRoute(dir: string | undefined): EdgeRoute {
  const assets = dir ? createPlaygroundAssets(dir) : undefined;
  return {
    path: '/playground/*',
    methods: ['GET'],
    async handle(request, name): Promise<EdgeResponse> {
      const asset = await assets?.get(name);
      if (!asset) return text(404, 'Not found');
      const headers = { 'cache-control': ASSET_CACHE };
      return (
        notModified(request, asset.etag, headers) ?? {
          status: 200,
          headers: { ...headers, 'content-type': asset.contentType, etag: asset.etag },
          body: asset.body,
        }
      );
    },
  };
}
