/**
 * `npm run import -- --agency <id> --kind <kind> <file> [--mode all-or-nothing|valid-only]
 *   [--report <file.json>] [--dry-run]` and `npm run import -- --template <kind> [--format csv|xlsx] [--out <file>]`.
 * Exit codes: 0 every row taken; 1 rows rejected; 2 the file is unusable as a whole; 3 usage or environment.
 */
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../src/config/load-config';
import { createReferenceSets } from '../src/data/imports/reference-sets';
import type { ImportKind } from '../src/domain/onboarding/columns';
import { exitCodeOf } from '../src/domain/onboarding/import-report';
import { IMPORTABLE_KINDS } from '../src/domain/onboarding/kind-columns';
import { writeTemplate } from '../src/export/write-template';
import { FILE_LIMITS } from '../src/import/file-problem';
import { importAuditEntry, recordImportAudit } from '../src/import/import-audit';
import { importFile } from '../src/import/import-file';
import { reportTable } from '../src/import/report-table';
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

const { newId, clock } = store.deps;
const bar = new SingleBar({
  format: '{phase} |{bar}| {value}/{total} rows',
  stream: process.stderr,
  hideCursor: true,
  clearOnComplete: true,
});
let validated = 0;
let barPhase = '';
const { report } = await importFile(
  { table: store.table, clock, newId },
  {
    agencyId,
    kind,
    mode,
    dryRun: values['dry-run'],
    open: async () => createReadStream(path),
    onProgress(phase, rows) {
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
    },
  },
);
bar.stop();
process.stderr.write('\r\x1b[K');
if (!report.dryRun) {
  const jobId = newId();
  await recordImportAudit(
    store.table,
    importAuditEntry({
      agencyId,
      id: newId(),
      jobId,
      actor: { role: 'ADMIN', subject: `cli:${process.env.USER ?? 'unknown'}` },
      fileName: basename(path),
      report,
      now: clock(),
      retentionDays: agency?.auditRetentionDays ?? config.auditRetentionDays,
    }),
  );
}
console.log(reportTable(report));
if (values.report) {
  await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Report written to ${values.report}`);
}
await exit(exitCodeOf(report));
