import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from './global-id';
import { CreateImportInput, SiasnRecordsArgs } from './import.inputs';
import { globalIdOf } from './input-fields';
import { parseInput } from './parse-input';

/** Imports through the API: an admin orders one, uploads the file, then reads its job. */
export const importResolvers: Resolvers = {
  Query: {
    siasnCourseRecords: (_, args, ctx) =>
      ctx.services.siasn.courseRecords(ctx, parseInput(SiasnRecordsArgs, args, '')),
    // Arguments, not an input object: a refusal names `year` or `unitId` itself.
    siasnSkpRecords: (_, args, ctx) =>
      ctx.services.siasn.skpRecords(ctx, parseInput(SiasnRecordsArgs, args, '')),
    importJob: (_, { id }, ctx) =>
      ctx.services.imports.getImportJob(ctx, parseInput(globalIdOf('ImportJob'), id, 'id')),
  },
  Mutation: {
    createImport: (_, { input }, ctx) =>
      ctx.services.imports.createImport(ctx, parseInput(CreateImportInput, input)),
  },
  ImportJob: {
    id: (job) => toGlobalId('ImportJob', job.agencyId, job.id),
    kind: (job) => job.kind.toUpperCase() as never,
    startedAt: (job) => job.startedAt ?? null,
    finishedAt: (job) => job.finishedAt ?? null,
    writtenThroughRow: (job) => job.checkpoint?.writtenThroughRow ?? null,
    report: (job) => job.report ?? null,
    upload: (job) =>
      job.upload
        ? {
            url: job.upload.url,
            method: job.upload.method,
            headers: Object.entries(job.upload.headers).map(([name, value]) => ({ name, value })),
            expiresAt: job.upload.expiresAt,
          }
        : null,
  },
  ImportReport: {
    format: (report) => report.format ?? null,
    encoding: (report) => report.encoding ?? null,
    resumedFromRow: (report) => report.resumedFromRow ?? null,
    fileProblem: (report) => report.fileProblem ?? null,
  },
};
