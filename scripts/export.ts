/**
 * `npm run export -- --agency <id> --kind siasn-courses|siasn-skp|<import kind> [--year <y>] [--unit <code>]
 *   --format csv|xlsx|json [--out <file>] [--refused <file>]`: to standard output when no --out and a text format.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load-config';
import { createReferenceSets } from '../src/data/imports/reference-sets';
import { createDirectory } from '../src/domain/onboarding/directory';
import { IMPORTABLE_KINDS } from '../src/domain/onboarding/kind-columns';
import { type ExportKind, exportRows, headersOf } from '../src/export/export-records';
import { createTableWriter, type TableWriter } from '../src/export/table-writer';
import { EnvironmentError, openCommandTable } from '../src/local/command-table';

const KINDS: ExportKind[] = ['siasn-courses', 'siasn-skp', ...IMPORTABLE_KINDS];
function usage(message: string): never {
  console.error(
    `${message}\n\nUsage: npm run export -- --agency <id> --kind <${KINDS.join('|')}> [--year <y>] [--unit <code>] --format csv|xlsx|json [--out <file>] [--refused <file>]`,
  );
  process.exit(3);
}
let parsed: ReturnType<typeof parseArgs<{ options: Record<string, { type: 'string' }> }>>;
try {
  parsed = parseArgs({
    options: Object.fromEntries(
      ['agency', 'kind', 'year', 'unit', 'format', 'out', 'refused'].map((o) => [
        o,
        { type: 'string' as const },
      ]),
    ),
  });
} catch (error) {
  usage((error as Error).message);
}
const v = parsed.values as Record<string, string | undefined>;
const agencyId = v.agency ?? usage('--agency is required');
const kind = (
  KINDS.includes(v.kind as ExportKind) ? v.kind : usage(`--kind must be one of ${KINDS.join(', ')}`)
) as ExportKind;
const format = (
  ['csv', 'xlsx', 'json'].includes(v.format ?? 'csv')
    ? (v.format ?? 'csv')
    : usage('--format must be csv, xlsx or json')
) as 'csv' | 'xlsx' | 'json';
const siasn = kind.startsWith('siasn');
const year = v.year ? Number(v.year) : undefined;
if (siasn && (!year || !Number.isInteger(year) || year < 1900 || year > 9999))
  usage('--year is required for SIASN records (e.g. --year 2025)');
if (format === 'xlsx' && !v.out) usage('--out is required for xlsx');

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
const refs = createReferenceSets(store.table);
if (!(await refs.agency(agencyId))) {
  console.error(`No agency "${agencyId}" (using ${store.source}).`);
  await store.close();
  process.exit(3);
}
let unitId: string | undefined;
if (v.unit) {
  const found = createDirectory(await refs.units(agencyId), 'unit').find(v.unit);
  if (!found.ok) {
    console.error(`--unit ${v.unit} ${found.reason}`);
    await store.close();
    process.exit(3);
  }
  unitId = found.record.id;
}

const headers = headersOf(kind);
const out: Writable = v.out ? createWriteStream(v.out) : process.stdout;
let records = 0;
let refusedCount = 0;
if (format === 'json') {
  // { records: [...], refused: [{ record, reason }] } streamed object by object.
  const refused: string[] = [];
  out.write('{"records":[');
  for await (const row of exportRows(store.table, agencyId, kind, { year, unitId })) {
    const cellsOf = 'cells' in row ? row.cells : row.refused;
    const object = Object.fromEntries(headers.map((h, i) => [h, cellsOf[i] ?? null]));
    if ('cells' in row) out.write(`${records++ ? ',' : ''}\n${JSON.stringify(object)}`);
    else refused.push(JSON.stringify({ record: object, reason: row.reason }));
  }
  refusedCount = refused.length;
  out.write(`\n],"refused":[${refused.join(',\n')}]}\n`);
  if (v.out) out.end();
} else {
  const writer = await createTableWriter(format, out, headers);
  let refusedWriter: TableWriter | undefined;
  for await (const row of exportRows(store.table, agencyId, kind, { year, unitId })) {
    if ('cells' in row) {
      await writer.write(row.cells);
      records += 1;
      continue;
    }
    refusedCount += 1;
    if (v.refused) {
      refusedWriter ??= await createTableWriter(format, createWriteStream(v.refused), [...headers, 'alasan']);
      await refusedWriter.write([...row.refused, row.reason]);
    }
  }
  if (v.out) await writer.end();
  await refusedWriter?.end();
}
console.error(
  `${records} ${kind} records${refusedCount ? `; ${refusedCount} SIASN would refuse${v.refused || format === 'json' ? '' : ' (list them with --refused <file>)'}` : ''}.`,
);
await store.close();
