/**
 * Tells Monaco where its web workers are: files bundled next to app.js by
 * infra/playground-bundling.ts, never a CDN. Must be imported before GraphiQL loads Monaco.
 */

interface MonacoEnvironment {
  getWorker(workerId: string, label: string): Worker;
}

/** Monaco asks for a worker by language label; everything else runs in the generic editor worker. */
const workerFileByLabel: Record<string, string> = {
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};

(globalThis as { MonacoEnvironment?: MonacoEnvironment }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const file = workerFileByLabel[label] ?? 'editor.worker.js';
    return new Worker(new URL(`./${file}`, import.meta.url), { name: label });
  },
};
