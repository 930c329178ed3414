import { join } from 'node:path';
import type { Deps } from '../composition/create-deps';
import { importDepsOf } from '../import/import-deps';
import { createLocalImportFiles } from './local-import-files';
import { createLocalImportQueue } from './local-import-queue';
import { createUploadRoute } from './upload-route';

/**
 * What `npm start` runs for imports ordered through the API: the upload route (the local stand-in
 * for the presigned S3 PUT), files under DATA_DIR/uploads, and an in-process queue running the
 * same import worker as the Lambda.
 */
export function startLocalImports(deps: Deps) {
  const { clock, config, logger, repositories } = deps;
  const files = createLocalImportFiles(join(config.dataDir, 'uploads'));
  const queue = createLocalImportQueue(
    {
      ...importDepsOf(deps),
      jobs: repositories.importJobs,
      auditRetentionDays: config.auditRetentionDays,
      files,
      maxBytes: config.imports.maxBytes,
    },
    logger,
  );
  const route = createUploadRoute({
    jobs: repositories.importJobs,
    files,
    queue,
    clock,
    maxBytes: config.imports.maxBytes,
  });
  return { route, queue, stop: () => queue.stop() };
}
