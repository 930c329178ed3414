import type { ImportKind } from '../domain/onboarding/columns';
import { type ImportMode, type ImportReport, zeroCounts } from '../domain/onboarding/import-report';
import { UnusableFileError } from './file-problem';
import type { ImportDeps } from './import-deps';
import type { KindImporter } from './kind-importer';
import { employeeImporter } from './kinds/employee-importer';
import { enrollmentImporter } from './kinds/enrollment-importer';
import { mentorshipImporter } from './kinds/mentorship-importer';
import { programImporter } from './kinds/program-importer';
import { unitImporter } from './kinds/unit-importer';
import { type ImportCheckpoint, runImport } from './run-import';
import { type OpenFile, openTableFile } from './table-file';

/** The importer of a kind for an agency; undefined for kinds without one yet. */
export function importerFor(
  kind: ImportKind,
  agencyId: string,
  deps: ImportDeps,
): KindImporter<unknown> | undefined {
  switch (kind) {
    case 'units':
      return unitImporter(agencyId, deps) as KindImporter<unknown>;
    case 'employees':
      return employeeImporter(agencyId, deps) as KindImporter<unknown>;
    case 'programs':
      return programImporter(agencyId, deps) as KindImporter<unknown>;
    case 'enrollments':
      return enrollmentImporter(agencyId, deps) as KindImporter<unknown>;
    case 'mentorships':
      return mentorshipImporter(agencyId, deps) as KindImporter<unknown>;
    default:
      return undefined;
  }
}

export interface ImportFileOptions {
  agencyId: string;
  kind: ImportKind;
  mode: ImportMode;
  dryRun: boolean;
  open: OpenFile;
  resumeFrom?: ImportCheckpoint | undefined;
  onCheckpoint?: (checkpoint: ImportCheckpoint) => Promise<'continue' | 'stop'>;
  onProgress?: (phase: 'validate' | 'write', rows: number) => void;
}

/** The report of a file unusable as a whole. */
export function failedReport(
  options: Pick<ImportFileOptions, 'kind' | 'mode' | 'dryRun'>,
  error: UnusableFileError,
): ImportReport {
  return {
    kind: options.kind,
    mode: options.mode,
    dryRun: options.dryRun,
    outcome: 'FAILED',
    rows: 0,
    ...zeroCounts(),
    rejections: [],
    rejectionsTruncated: false,
    ignoredColumns: [],
    fileProblem: { code: error.code, message: error.message },
    notes: ['Nothing was written.'],
  };
}

/**
 * Imports one file of one kind into an agency: the CLI, the import Lambda and the local upload
 * route all come here. A file unusable as a whole gives a FAILED report, never an exception.
 */
export async function importFile(
  deps: ImportDeps,
  options: ImportFileOptions,
): Promise<{ report: ImportReport; finished: boolean }> {
  const importer = importerFor(options.kind, options.agencyId, deps);
  if (!importer) throw new Error(`Import of ${options.kind} is not available`);
  try {
    const file = await openTableFile(options.open);
    return await runImport({ ...options, file, importer });
  } catch (error) {
    if (error instanceof UnusableFileError) return { report: failedReport(options, error), finished: true };
    throw error;
  }
}
