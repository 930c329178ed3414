import type { ImportKind } from '../domain/onboarding/columns';
import {
  cleanFileName,
  type ImportJob,
  UPLOAD_URL_TTL_MS,
  uploadKeyOf,
} from '../domain/onboarding/import-job';
import type { UploadTarget, UploadTargets } from '../domain/onboarding/import-ports';
import type { ImportMode } from '../domain/onboarding/import-report';
import { newRecord } from '../domain/record';
import { BadUserInputError } from '../errors/app-error';
import { requireSameAgency, requireStaff } from './access';
import type { ServiceDeps } from './ports';
import type { Ref, RequestScope } from './request-scope';

/** Validated input of createImport. */
export interface CreateImportCommand {
  kind: ImportKind;
  fileName: string;
  mode: ImportMode;
  dryRun: boolean;
}

/** An import job with the upload it waits for (only right after createImport). */
export type ImportJobWithUpload = ImportJob & { upload?: UploadTarget };

const ADMINS = ['ADMIN'] as const;

/** Import jobs of an agency through the API: ordered by an admin, then run by the import function. */
export function createImportService(
  deps: Pick<ServiceDeps, 'importJobs' | 'clock' | 'newId'> & { uploads: UploadTargets },
) {
  const { importJobs, clock, newId, uploads } = deps;
  return {
    /** A new job waiting for its file, and the URL to PUT the file to (valid 15 minutes, once). */
    async createImport(scope: RequestScope, input: CreateImportCommand): Promise<ImportJobWithUpload> {
      const caller = requireStaff(scope.caller, ADMINS);
      const fileName = cleanFileName(input.fileName);
      if (!fileName) throw BadUserInputError.of('input.fileName', 'must name a file');
      const now = clock();
      const expiresAt = new Date(now.getTime() + UPLOAD_URL_TTL_MS);
      const id = newId();
      const job: ImportJob = {
        ...newRecord(caller.agencyId, id, now.toISOString()),
        kind: input.kind,
        mode: input.mode,
        dryRun: input.dryRun,
        fileName,
        status: 'AWAITING_UPLOAD',
        requestedBy: caller.subject,
        objectKey: uploadKeyOf(caller.agencyId, id),
        uploadExpiresAt: expiresAt.toISOString(),
        attempts: 0,
        resumed: false,
      };
      const upload = await uploads.targetFor(job, expiresAt);
      const stored = { ...job, uploadTokenHash: upload.tokenHash };
      await importJobs.create(stored);
      return { ...stored, upload: { ...upload, tokenHash: undefined } };
    },

    /** One import job of the caller's agency (administrators), or null. */
    async getImportJob(scope: RequestScope, ref: Ref): Promise<ImportJob | null> {
      const caller = requireStaff(scope.caller, ADMINS);
      requireSameAgency(caller, ref.agencyId);
      return (await importJobs.get(ref.agencyId, ref.id)) ?? null;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
