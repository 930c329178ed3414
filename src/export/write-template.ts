import type { Writable } from 'node:stream';
import type { ImportKind } from '../domain/onboarding/columns';
import { KIND_COLUMNS } from '../domain/onboarding/kind-columns';
import { createTableWriter, type TableFormat } from './table-writer';

/** A template of a kind: the header row in the template's column names and one example row. */
export async function writeTemplate(kind: ImportKind, format: TableFormat, out: Writable): Promise<void> {
  const columns = KIND_COLUMNS[kind];
  if (!columns) throw new Error(`No template for ${kind}`);
  const writer = await createTableWriter(
    format,
    out,
    columns.map((c) => c.header),
    kind,
  );
  await writer.write(columns.map((c) => c.example));
  await writer.end();
}
