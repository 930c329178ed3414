/**
 * Reading the cells people actually have in agency spreadsheets and SIASN downloads: dates in
 * ISO, `dd-mm-yyyy`, `dd/mm/yyyy` or as Excel date cells, golongan as `III/a`, `III_A` or `IIIa`,
 * numbers stored as text (with Indonesian thousands dots or a decimal comma). Pure: every parser
 * returns the value or a reason in plain words.
 */
import { isoDateOf } from '../calendar-date';
import { GOLONGAN, type Golongan, PPPK_GRADES, type PppkGrade } from '../golongan';

/** What a reader hands over for one cell: text (CSV), or a typed cell of a workbook. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A parsed cell, or why it cannot be used. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** The cell as the user sees it, for reports (dates as dd-mm-yyyy). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : isoToDayMonthYear(value.toISOString().slice(0, 10));
  return String(value).trim();
}

/** Whether a cell holds nothing (absent, null or only spaces). */
export function isBlank(value: CellValue): boolean {
  return cellText(value) === '';
}

/** `2026-03-07` -> `07-03-2026` (SIASN and most agency sheets print dates day first). */
export function isoToDayMonthYear(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

/** Days from 1899-12-30 (Excel's day 0 in the 1900 date system, after its 1900 leap-year bug). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date cell: ISO `yyyy-mm-dd`, `dd-mm-yyyy`, `dd/mm/yyyy`, `dd.mm.yyyy`, an Excel date or serial number. */
export function parseDate(value: CellValue): Parsed<string> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return no('is not a date');
    return ok(value.toISOString().slice(0, 10));
  }
  if (typeof value === 'number') {
    // Excel stores dates as day serials; 1 = 1900-01-01, 60000 is in 2064.
    if (!Number.isInteger(value) || value < 1 || value > 60000) return no('is not a date');
    return ok(new Date(EXCEL_EPOCH_MS + value * 86_400_000).toISOString().slice(0, 10));
  }
  const text = cellText(value);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const parts = iso
    ? { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) }
    : dmy
      ? { y: Number(dmy[3]), m: Number(dmy[2]), d: Number(dmy[1]) }
      : undefined;
  if (!parts) return no('is not a date (write 2026-03-07, 07-03-2026 or 07/03/2026)');
  const date = isoDateOf(parts.y, parts.m, parts.d);
  if (!date || parts.y < 1900) return no('is not a real calendar date');
  return ok(date);
}

/**
 * A number cell: a number, or text with Indonesian (`1.500.000`, `12,5`) or English
 * (`1,500,000`, `12.5`) separators. Ambiguous text such as `1.500` reads as thousands when
 * the group has exactly three digits (spreadsheets in Indonesian locale print it so).
 */
export function parseNumber(value: CellValue): Parsed<number> {
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : no('is not a number');
  if (typeof value === 'boolean' || value instanceof Date) return no('is not a number');
  let text = cellText(value)
    .replace(/\s+/g, '')
    .replace(/^Rp\.?/i, '');
  if (!/^-?[\d.,]+$/.test(text) || !/\d/.test(text)) return no('is not a number');
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  if (dots > 0 && commas > 0) {
    // The later separator is the decimal one.
    text =
      text.lastIndexOf(',') > text.lastIndexOf('.')
        ? text.replaceAll('.', '').replace(',', '.')
        : text.replaceAll(',', '');
  } else if (dots > 1 || (dots === 1 && /^-?\d{1,3}\.\d{3}$/.test(text))) {
    text = text.replaceAll('.', '');
  } else if (commas > 1) {
    text = text.replaceAll(',', '');
  } else if (commas === 1) {
    // A single comma is the Indonesian decimal comma (`12,5`).
    text = text.replace(',', '.');
  }
  const number = Number(text);
  return Number.isFinite(number) ? ok(number) : no('is not a number');
}

/** A whole number within bounds. */
export function parseInteger(value: CellValue, min: number, max: number): Parsed<number> {
  const number = parseNumber(value);
  if (!number.ok) return number;
  if (!Number.isInteger(number.value)) return no('must be a whole number');
  if (number.value < min || number.value > max) return no(`must be between ${min} and ${max}`);
  return number;
}

/** Golongan/ruang written `III/a`, `III_A`, `IIIa`, `III-a` or `III a` (PP 99/2000 ranks; see golongan.ts). */
export function parseGolongan(value: CellValue): Parsed<Golongan> {
  const match = /^(IV|III|II|I)\s*[/_\-. ]?\s*([A-E])$/i.exec(cellText(value));
  const code = match ? `${match[1]?.toUpperCase()}_${match[2]?.toUpperCase()}` : '';
  return (GOLONGAN as readonly string[]).includes(code)
    ? ok(code as Golongan)
    : no('is not a golongan/ruang (write it like III/a)');
}

/** A PPPK grade in Roman (`IX`) or Arabic (`9`) numerals (Perpres 98/2020). */
export function parsePppkGrade(value: CellValue): Parsed<PppkGrade> {
  const text = cellText(value)
    .toUpperCase()
    .replace(/^GRADE\s*/, '');
  if (/^\d+$/.test(text)) {
    const grade = PPPK_GRADES[Number(text) - 1];
    return grade ? ok(grade) : no('is not a PPPK grade (I to XVII)');
  }
  return (PPPK_GRADES as readonly string[]).includes(text)
    ? ok(text as PppkGrade)
    : no('is not a PPPK grade (I to XVII)');
}

/** A key for matching words case- and punctuation-insensitively (`Jenis Jabatan` = `jenis_jabatan`). */
export function matchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** One of a fixed set of values, by its code or any of its Indonesian or English names. */
export function parseChoice<T extends string>(
  value: CellValue,
  names: Record<T, readonly string[]>,
  what: string,
): Parsed<T> {
  const key = matchKey(cellText(value));
  for (const [code, aliases] of Object.entries(names) as [T, readonly string[]][]) {
    if (matchKey(code) === key || aliases.some((alias) => matchKey(alias) === key)) return ok(code);
  }
  const shown = Object.values<readonly string[]>(names)
    .map((aliases) => aliases[0])
    .join(', ');
  return no(`is not a known ${what} (use one of: ${shown})`);
}

/** A list cell: items separated by `;` or new lines (commas stay inside items). */
export function parseList(value: CellValue): string[] {
  return cellText(value)
    .split(/[;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
