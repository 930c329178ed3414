/**
 * NIP (Nomor Induk Pegawai) structure.
 *
 * PNS (PP 11/2017; Peraturan BKN on NIP): 18 digits =
 *   birth date YYYYMMDD (8) + TMT CPNS YYYYMM (6) + gender 1 male / 2 female (1) + serial 001–999 (3).
 * PPPK: birth date YYYYMMDD (8) + start year YYYY (4) + PPPK code "2" (1)
 *   + frequency digit 1–9 (1) + gender (1) + serial (3).
 * Not the NIK rule: women's NIPs carry the real day of birth (no +40).
 */
import { completedYearsBetween, dateParts, type IsoDate, isoDateOf } from './calendar-date';
import type { Gender } from './gender';

export type EmploymentType = 'PNS' | 'PPPK';

/** Which part of a NIP is wrong. */
export type NipPart =
  | 'FORMAT'
  | 'BIRTH_DATE'
  | 'START_DATE'
  | 'PPPK_CODE'
  | 'FREQUENCY'
  | 'GENDER'
  | 'SERIAL'
  | 'AGE_AT_START';

export interface ParsedNip {
  nip: string;
  employmentType: EmploymentType;
  /** Birth date, YYYY-MM-DD. */
  birthDate: string;
  /** PNS: TMT CPNS month as YYYY-MM-01. PPPK: start year as YYYY-01-01. */
  startDate: string;
  gender: Gender;
  serial: number;
  /** PPPK only: how many times the holder has been appointed (1–9). */
  frequency?: number;
}

export type NipResult = { ok: true; value: ParsedNip } | { ok: false; part: NipPart; reason: string };

/** Minimum age at appointment (UU 20/2023 on ASN: applicants are at least 18). */
export const MIN_AGE_AT_START = 18;

/** PPPK exist since PP 49/2018 on PPPK management: the first appointments date from 2019. */
export const FIRST_PPPK_YEAR = 2019;

/** What a NIP is checked against besides itself. */
export interface NipContext {
  /** Today (WIB): a birth date may not lie after it, nor the start beyond next year. */
  today?: IsoDate | undefined;
  /**
   * PPPK: the hire date (TMT PPPK), on which the holder must be 18. The NIP carries only the
   * year, so without it the age is taken at the end of that year.
   */
  hireDate?: IsoDate | undefined;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  return year < 1900 ? undefined : isoDateOf(year, month, day);
}

function fail(part: NipPart, reason: string): NipResult {
  return { ok: false, part, reason };
}

/** The date the minimum age applies on: the 1st of the TMT month (PNS), the hire date (PPPK). */
function ageDateOf(
  employmentType: EmploymentType,
  startDate: IsoDate,
  hireDate: IsoDate | undefined,
): IsoDate {
  if (employmentType === 'PNS') return startDate;
  return hireDate ?? `${startDate.slice(0, 4)}-12-31`;
}

/** Parses and validates a NIP for the given employment type; says which part is wrong. */
export function parseNip(raw: string, employmentType: EmploymentType, context: NipContext = {}): NipResult {
  const nip = raw.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(nip)) {
    return fail(
      'FORMAT',
      `NIP must be 18 digits (got ${nip.length} characters${/\D/.test(nip) ? ', not all digits' : ''})`,
    );
  }
  const birthDate = isoDate(Number(nip.slice(0, 4)), Number(nip.slice(4, 6)), Number(nip.slice(6, 8)));
  if (!birthDate)
    return fail('BIRTH_DATE', `digits 1–8 (${nip.slice(0, 8)}) are not a real birth date YYYYMMDD`);

  let startDate: string | undefined;
  let frequency: number | undefined;
  let genderDigit: string;
  if (employmentType === 'PNS') {
    startDate = isoDate(Number(nip.slice(8, 12)), Number(nip.slice(12, 14)), 1);
    if (!startDate)
      return fail('START_DATE', `digits 9–14 (${nip.slice(8, 14)}) are not a real TMT CPNS month YYYYMM`);
    genderDigit = nip.charAt(14);
  } else {
    startDate = isoDate(Number(nip.slice(8, 12)), 1, 1);
    if (!startDate)
      return fail('START_DATE', `digits 9–12 (${nip.slice(8, 12)}) are not a real start year YYYY`);
    if (nip.charAt(12) !== '2') {
      return fail('PPPK_CODE', `digit 13 must be 2 (the PPPK code), got ${nip.charAt(12)}`);
    }
    frequency = Number(nip.charAt(13));
    if (frequency < 1) return fail('FREQUENCY', 'digit 14 (appointment frequency) must be 1–9, got 0');
    genderDigit = nip.charAt(14);
  }
  if (genderDigit !== '1' && genderDigit !== '2') {
    return fail('GENDER', `digit 15 must be 1 (male) or 2 (female), got ${genderDigit}`);
  }
  const serial = Number(nip.slice(15, 18));
  if (serial < 1) return fail('SERIAL', 'digits 16–18 (serial number) must be 001–999, got 000');
  if (startDate <= birthDate) return fail('START_DATE', 'the start date must be after the birth date');
  const { today, hireDate } = context;
  if (today && birthDate > today) return fail('BIRTH_DATE', `the birth date ${birthDate} lies in the future`);
  const startYear = dateParts(startDate).year;
  if (today && startYear > dateParts(today).year + 1) {
    return fail('START_DATE', `the start (${startDate.slice(0, 7)}) lies beyond next year`);
  }
  if (employmentType === 'PPPK' && startYear < FIRST_PPPK_YEAR) {
    return fail(
      'START_DATE',
      `PPPK exist since PP 49/2018: no start before ${FIRST_PPPK_YEAR} (got ${startYear})`,
    );
  }
  // PNS: 18 on the 1st of the TMT month, i.e. the day the appointment takes effect.
  const ageOn = ageDateOf(employmentType, startDate, hireDate);
  const age = completedYearsBetween(birthDate, ageOn);
  if (age < MIN_AGE_AT_START) {
    return fail(
      'AGE_AT_START',
      `the employee would be ${age} on ${ageOn} (${employmentType === 'PNS' ? 'the 1st of the TMT month' : 'the hire date'}); the minimum is ${MIN_AGE_AT_START}`,
    );
  }
  const gender: Gender = genderDigit === '1' ? 'MALE' : 'FEMALE';
  return {
    ok: true,
    value: { nip, employmentType, birthDate, startDate, gender, serial, ...(frequency ? { frequency } : {}) },
  };
}

/** Builds a PNS NIP from its parts (used by demo data and tests). */
export function formatPnsNip(birthDate: string, startMonth: string, gender: Gender, serial: number): string {
  return `${birthDate.replaceAll('-', '')}${startMonth.replace('-', '').slice(0, 6)}${gender === 'MALE' ? 1 : 2}${String(serial).padStart(3, '0')}`;
}

/** Builds a PPPK NIP from its parts (used by demo data and tests). */
export function formatPppkNip(
  birthDate: string,
  startYear: number,
  frequency: number,
  gender: Gender,
  serial: number,
): string {
  return `${birthDate.replaceAll('-', '')}${startYear}2${frequency}${gender === 'MALE' ? 1 : 2}${String(serial).padStart(3, '0')}`;
}
