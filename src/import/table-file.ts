import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { csvRows, detectDelimiter } from './csv-rows';
import { detectEncoding, type TextEncoding } from './detect-encoding';
import { type SourceRow, UnusableFileError } from './file-problem';
import { xlsxRows } from './xlsx-rows';

/** Opens the uploaded or local file again from its start (each pass reads it anew). */
export type OpenFile = () => Promise<Readable>;

/** A file recognised as a table: its format and how to read its rows (as often as needed). */
export interface TableFile {
  format: 'csv' | 'xlsx';
  /** For CSV: the encoding found and the delimiter. */
  encoding?: TextEncoding | undefined;
  delimiter?: string | undefined;
  /** Every row, header first, numbered as the user sees them. */
  rows(): AsyncGenerator<SourceRow>;
}

const SAMPLE_BYTES = 64 * 1024;

async function sampleOf(open: OpenFile): Promise<{ bytes: Buffer; complete: boolean }> {
  const stream = await open();
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = true;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= SAMPLE_BYTES) {
        complete = false;
        break;
      }
    }
  } catch (error) {
    throw new UnusableFileError('UNREADABLE', `The file could not be read (${(error as Error).message}).`);
  } finally {
    stream.destroy();
  }
  return { bytes: Buffer.concat(chunks).subarray(0, SAMPLE_BYTES), complete };
}

/**
 * Recognises a file by its content, never by its name: a ZIP (`PK`) is an .xlsx workbook, an
 * OLE2 file is an old .xls (refused with what to do), anything else is CSV in the encoding
 * its bytes show.
 */
export async function openTableFile(open: OpenFile): Promise<TableFile> {
  const { bytes, complete } = await sampleOf(open);
  if (bytes.length === 0 || (complete && bytes.toString('latin1').trim() === ''))
    throw new UnusableFileError('EMPTY', 'The file is empty.');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return {
      format: 'xlsx',
      rows: async function* () {
        yield* xlsxRows(await open());
      },
    };
  }
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw new UnusableFileError(
      'UNREADABLE',
      'This is an old Excel 97–2003 (.xls) file: save it as Excel Workbook (.xlsx) or CSV UTF-8.',
    );
  const encoding = detectEncoding(bytes, complete);
  const delimiter = detectDelimiter(iconv.decode(bytes, encoding.encoding));
  return {
    format: 'csv',
    encoding,
    delimiter,
    rows: async function* () {
      yield* csvRows(await open(), encoding, delimiter);
    },
  };
}
