import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { TextEncoding } from './detect-encoding';
import { FILE_LIMITS, type SourceRow } from './file-problem';

/** The field delimiter of a CSV from its first line: `,`, `;` (Excel in Indonesian locale) or tab. */
export function detectDelimiter(firstText: string): string {
  const line = firstText.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = line.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

/**
 * The records of a CSV stream as rows numbered as a spreadsheet shows them (header = row 1,
 * blank lines counted). Undecodable bytes, a record cut short at the end of the file and a file
 * unreadable past some point become row problems, never exceptions.
 */
export async function* csvRows(
  stream: Readable,
  encoding: TextEncoding,
  delimiter: string,
): AsyncGenerator<SourceRow> {
  let lastChar = '';
  const tracker = new Transform({
    transform(chunk: string, _enc, done) {
      if (chunk.length) lastChar = chunk.charAt(chunk.length - 1);
      done(null, chunk);
    },
    decodeStrings: false,
    encoding: 'utf8',
  });
  // iconv-lite strips a byte-order mark for UTF-8 and UTF-16.
  const text = stream.pipe(iconv.decodeStream(encoding.encoding)).pipe(tracker);
  const parser = text.pipe(
    parse({
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: FILE_LIMITS.maxRecordChars,
    }),
  );
  stream.on('error', (error) => parser.destroy(error));
  let row = 0;
  let previous: SourceRow | undefined;
  let headerLength = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      if (row === 1) headerLength = record.length;
      if (previous) yield previous;
      previous = { row, cells: record };
      if (record.some((cell) => cell.includes('\uFFFD')))
        previous.rowProblem =
          'holds bytes that are not valid text in this encoding; save the file as "CSV UTF-8"';
    }
  } catch (error) {
    if (previous) yield previous;
    const reason =
      (error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted cell is never closed: the file was cut short or has a stray quote'
        : `the file cannot be read from here on (${(error as Error).message.split('\n')[0]})`;
    yield { row: row + 1, cells: [], rowProblem: reason };
    return;
  }
  if (!previous) return;
  // A last record without its line end and with fewer cells than the header: cut mid-row.
  if (previous.row > 1 && !/[\r\n]/.test(lastChar) && previous.cells.length < headerLength) {
    previous.rowProblem = `has ${previous.cells.length} of the ${headerLength} columns and no line end: the file was cut short here`;
  }
  yield previous;
}
