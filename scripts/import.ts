/**
 * `npm run import -- --agency <id> --kind <kind> <file> [--mode all-or-nothing|valid-only]
 *   [--report <file.json>] [--dry-run]` and `npm run import -- --template <kind> [--format csv|xlsx] [--out <file>]`.
 * Exit codes: 0 every row taken; 1 rows rejected; 2 the file is unusable as a whole; 3 usage or environment;
 * 130 interrupted (Ctrl-C) after a checkpoint: the same command resumes the job.
 */
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../src/config/load-config';
import { createImportJobStore } from '../src/data/imports/import-job-store';
import { createReferenceSets } from '../src/data/imports/reference-sets';
import type { ImportKind } from '../src/domain/onboarding/columns';
import type { ImportJob } from '../src/domain/onboarding/import-job';
import { exitCodeOf, type ImportReport } from '../src/domain/onboarding/import-report';
import { IMPORTABLE_KINDS } from '../src/domain/onboarding/kind-columns';
import { writeTemplate } from '../src/export/write-template';
import { sha256Of, startFileJob } from '../src/import/file-job';
import { FILE_LIMITS } from '../src/import/file-problem';
import { importDepsOf } from '../src/import/import-deps';
import { importFile } from '../src/import/import-file';
import { reportTable } from '../src/import/report-table';
import { runImportJob } from '../src/import/run-import-job';
import { EnvironmentError, openCommandTable } from '../src/local/command-table';

const USAGE = `Usage:
  npm run import -- --agency <id> --kind <${IMPORTABLE_KINDS.join('|')}> <file.csv|file.xlsx>
                    [--mode all-or-nothing|valid-only] [--report <file.json>] [--dry-run]
  npm run import -- --template <kind> [--format csv|xlsx] [--out <file>]`;

function usage(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(3);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      agency: { type: 'string' },
      kind: { type: 'string' },
      mode: { type: 'string', default: 'all-or-nothing' },
      report: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      template: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
    },
  });
}
try {
  args = parse();
} catch (error) {
  usage((error as Error).message);
}
const { values, positionals } = args;
const kindOf = (kind: string | undefined): ImportKind => {
  if (!kind || !IMPORTABLE_KINDS.includes(kind as ImportKind))
    usage(`--kind must be one of ${IMPORTABLE_KINDS.join(', ')}`);
  return kind as ImportKind;
};

if (values.template) {
  const kind = kindOf(values.template);
  const format =
    values.format === 'xlsx'
      ? 'xlsx'
      : values.format === 'csv'
        ? 'csv'
        : usage('--format must be csv or xlsx');
  const out = values.out ?? `template-${kind}.${format}`;
  await writeTemplate(kind, format, createWriteStream(out));
  console.log(`Wrote the ${kind} template (${format}) to ${out}`);
  process.exit(0);
}

const kind = kindOf(values.kind);
const agencyId = values.agency ?? usage('--agency is required');
const mode =
  values.mode === 'valid-only'
    ? 'VALID_ONLY'
    : values.mode === 'all-or-nothing'
      ? 'ALL_OR_NOTHING'
      : usage('--mode must be all-or-nothing or valid-only');
const [path, ...extra] = positionals;
if (!path || extra.length) usage('Give exactly one file to import');
if (!existsSync(path) || !statSync(path).isFile()) usage(`No such file: ${path}`);
if (statSync(path).size > FILE_LIMITS.maxBytes) {
  console.error(`The file is larger than ${FILE_LIMITS.maxBytes / 1024 / 1024} MB; split it.`);
  process.exit(2);
}

const config = loadConfig({ ...process.env, LOG_LEVEL: 'SILENT' });
let store: Awaited<ReturnType<typeof openCommandTable>>;
try {
  store = await openCommandTable(config);
} catch (error) {
  console.error(
    error instanceof EnvironmentError ? error.message : `Cannot reach DynamoDB: ${(error as Error).message}`,
  );
  process.exit(3);
}
const exit = async (code: number): Promise<never> => {
  await store.close();
  process.exit(code);
};
const agency = await createReferenceSets(store.table)
  .agency(agencyId)
  .catch(() => undefined);
if (!agency) {
  console.error(
    `No agency "${agencyId}" in table ${config.tableName} (using ${store.source}). Run npm start once, or check --agency.`,
  );
  await exit(3);
}
console.error(`Importing ${kind} into ${agency?.name} (${agencyId}) using ${store.source}`);

const bar = new SingleBar({
  format: '{phase} |{bar}| {value}/{total} rows',
  stream: process.stderr,
  hideCursor: true,
  clearOnComplete: true,
});
let validated = 0;
let barPhase = '';
const onProgress = (phase: 'validate' | 'write', rows: number) => {
  if (phase === 'validate') {
    validated = rows;
    if (rows % 500 === 0) process.stderr.write(`\rchecking… ${rows} rows`);
    return;
  }
  if (barPhase !== phase) {
    process.stderr.write('\r\x1b[K');
    bar.start(validated, 0, { phase: 'writing ' });
    barPhase = phase;
  }
  if (rows % 100 === 0 || rows === validated) bar.update(rows);
};
const open = async () => createReadStream(path);
const deps = {
  ...importDepsOf(store.deps),
  jobs: createImportJobStore(store.table),
  auditRetentionDays: agency?.auditRetentionDays ?? config.auditRetentionDays,
};
let report: ImportReport;
let jobNote = '';
if (values['dry-run']) {
  // A dry run writes nothing, so it needs no job to resume.
  report = (await importFile(deps, { agencyId, kind, mode, dryRun: true, open, onProgress })).report;
} else {
  const start = await startFileJob(deps, {
    agencyId,
    kind,
    mode,
    fileName: basename(path),
    sha256: await sha256Of(createReadStream(path)),
    requestedBy: `cli:${process.env.USER ?? 'unknown'}`,
  });
  if (start.state === 'BUSY') {
    console.error(
      `Another run is importing this file (job ${start.job.id}, held until ${start.job.leaseUntil}). If it was killed, run again after that time to resume it.`,
    );
    await exit(3);
  }
  if (start.state === 'RESUME')
    console.error(
      `Resuming job ${start.job.id}: rows up to ${start.job.checkpoint?.writtenThroughRow ?? 0} were written by an interrupted run.`,
    );
  // Ctrl-C stops after the next checkpoint, so a re-run resumes exactly there.
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    process.stderr.write('\nStopping after the current batch… (run the same command again to resume)\n');
  });
  const run = await runImportJob(deps, agencyId, (start as { job: ImportJob }).job.id, {
    owner: `cli:${process.pid}`,
    open,
    shouldStop: () => interrupted,
    onProgress,
  });
  bar.stop();
  if (run.state === 'SKIPPED') {
    console.error(`The import job could not run (${run.reason}); run the command again.`);
    await exit(3);
  } else if (run.state === 'STOPPED') {
    console.error(
      `Interrupted after row ${run.job.checkpoint?.writtenThroughRow ?? 0} (job ${run.job.id}). Run the same command again to resume.`,
    );
    await exit(130);
  } else {
    await deps.jobs.releaseFile(agencyId, (start as { fileKey: string }).fileKey, run.job.id);
    jobNote = `Job ${run.job.id}${run.job.resumed ? ' (resumed)' : ''}`;
  }
  report = (run as { report: ImportReport }).report;
}
bar.stop();
process.stderr.write('\r\x1b[K');
if (jobNote) console.log(jobNote);
console.log(reportTable(report));
if (values.report) {
  await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Report written to ${values.report}`);
}
await exit(exitCodeOf(report));
