import chardet from 'chardet';
import { UnusableFileError } from './file-problem';

/** How a text file's bytes are to be decoded. */
export interface TextEncoding {
  /** iconv-lite name: `utf8`, `windows-1252`, `utf16le`, `utf16be`. */
  encoding: string;
  /** Bytes of a byte-order mark to skip. */
  bomLength: number;
  /** What was found, for the report. */
  note?: string | undefined;
}

const MULTI_BYTE_LEGACY = /^(Shift_JIS|EUC-JP|EUC-KR|GB18030|Big5|ISO-2022)/i;

/** Whether the bytes are valid UTF-8 (an incomplete character cut at the end of a sample is allowed). */
function isUtf8(sample: Uint8Array, complete: boolean): boolean {
  let end = sample.length;
  if (!complete) {
    // Step back over a character cut by the sample's end (at most 3 continuation bytes).
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && ((sample[end - back - 1] ?? 0) & 0xc0) === 0x80) back += 1;
    const lead = sample[end - back - 1] ?? 0;
    if (lead >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a CSV from its first bytes: a byte-order mark decides; else valid UTF-8 is
 * UTF-8; else a single-byte Latin encoding is read as Windows-1252 (what Excel on Indonesian
 * Windows saves "CSV" in); bytes that look like another script's legacy encoding, or binary, are
 * refused rather than guessed.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf8', bomLength: 3, note: 'UTF-8 with a byte-order mark' };
  if (sample[0] === 0xff && sample[1] === 0xfe)
    return { encoding: 'utf16le', bomLength: 2, note: 'UTF-16 LE' };
  if (sample[0] === 0xfe && sample[1] === 0xff)
    return { encoding: 'utf16be', bomLength: 2, note: 'UTF-16 BE' };
  if (isUtf8(sample, complete)) {
    if (!sample.includes(0)) return { encoding: 'utf8', bomLength: 0 };
  }
  const guess = chardet.detect(sample) ?? undefined;
  if (guess === 'UTF-16LE' || guess === 'UTF-16BE')
    return { encoding: guess === 'UTF-16LE' ? 'utf16le' : 'utf16be', bomLength: 0, note: guess };
  if (sample.includes(0))
    throw new UnusableFileError('UNREADABLE', 'The file is not a text (CSV) or Excel (.xlsx) file.');
  if (guess && MULTI_BYTE_LEGACY.test(guess))
    throw new UnusableFileError(
      'ENCODING',
      `The text encoding could not be recognised (it looks like ${guess}). Save the file as "CSV UTF-8" and try again.`,
    );
  return {
    encoding: 'windows-1252',
    bomLength: 0,
    note: `Windows-1252 (not UTF-8; detected ${guess ?? 'no UTF-8'})`,
  };
}
