import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPnsNip,
  formatPppkNip,
  MIN_AGE_AT_START,
  type NipPart,
  parseNip,
} from '../../../src/domain/nip';

describe('parseNip: valid PNS numbers', () => {
  it('reads birth date, TMT CPNS month, gender and serial of a male PNS', () => {
    expect(parseNip('198503152010011001', 'PNS')).toEqual({
      ok: true,
      value: {
        nip: '198503152010011001',
        employmentType: 'PNS',
        birthDate: '1985-03-15',
        startDate: '2010-01-01',
        gender: 'MALE',
        serial: 1,
      },
    });
  });

  it('keeps the real birth day of a female PNS (no +40 as in the NIK)', () => {
    expect(parseNip('199012202015032003', 'PNS')).toMatchObject({
      ok: true,
      value: { birthDate: '1990-12-20', startDate: '2015-03-01', gender: 'FEMALE', serial: 3 },
    });
  });

  it('accepts a number written with spaces between its parts', () => {
    expect(parseNip('19850315 201001 1 001', 'PNS')).toMatchObject({
      ok: true,
      value: { nip: '198503152010011001' },
    });
  });

  it('accepts a 29 February birth date in a leap year and serial 999', () => {
    expect(parseNip('199602292019022999', 'PNS')).toMatchObject({
      ok: true,
      value: { birthDate: '1996-02-29', serial: 999 },
    });
  });
});

describe('parseNip: valid PPPK numbers', () => {
  it('reads birth date, start year, frequency, gender and serial', () => {
    expect(parseNip('199204102022211005', 'PPPK')).toEqual({
      ok: true,
      value: {
        nip: '199204102022211005',
        employmentType: 'PPPK',
        birthDate: '1992-04-10',
        startDate: '2022-01-01',
        gender: 'MALE',
        serial: 5,
        frequency: 1,
      },
    });
  });

  it('reads a female PPPK appointed for the second time', () => {
    expect(parseNip('198811052023222010', 'PPPK')).toMatchObject({
      ok: true,
      value: { birthDate: '1988-11-05', gender: 'FEMALE', frequency: 2, serial: 10 },
    });
  });
});

describe('parseNip: which part is wrong', () => {
  it.each<[string, string, 'PNS' | 'PPPK', NipPart, string]>([
    ['17 digits', '19850315201001100', 'PNS', 'FORMAT', 'got 17 characters'],
    ['a letter', '19850315201001100X', 'PNS', 'FORMAT', 'not all digits'],
    ['an empty string', '', 'PNS', 'FORMAT', '18 digits'],
    ['30 February', '198502302010011001', 'PNS', 'BIRTH_DATE', '19850230'],
    ['month 13 of birth', '198513012010011001', 'PNS', 'BIRTH_DATE', 'not a real birth date'],
    ['a NIK-style day +40 for a woman', '199012602015032003', 'PNS', 'BIRTH_DATE', '19901260'],
    ['a birth year before 1900', '189912312010011001', 'PNS', 'BIRTH_DATE', 'not a real birth date'],
    ['TMT month 13', '198503152010131001', 'PNS', 'START_DATE', '201013'],
    ['TMT month 00', '198503152010001001', 'PNS', 'START_DATE', 'TMT CPNS'],
    ['a PPPK start year of 1899', '199204101899211005', 'PPPK', 'START_DATE', 'start year'],
    ['TMT before birth', '201005202010011001', 'PNS', 'START_DATE', 'after the birth date'],
    ['TMT in the birth month', '201005202010051001', 'PNS', 'START_DATE', 'after the birth date'],
    ['PPPK code 3', '199204102022311005', 'PPPK', 'PPPK_CODE', 'must be 2'],
    ['a PNS number read as PPPK', '198503152010011001', 'PPPK', 'PPPK_CODE', 'got 0'],
    ['frequency 0', '199204102022201005', 'PPPK', 'FREQUENCY', 'got 0'],
    ['gender 3 (PNS)', '198503152010013001', 'PNS', 'GENDER', 'got 3'],
    ['gender 0 (PNS)', '198503152010010001', 'PNS', 'GENDER', 'got 0'],
    ['gender 3 (PPPK)', '199204102022213005', 'PPPK', 'GENDER', 'got 3'],
    ['serial 000 (PNS)', '198503152010011000', 'PNS', 'SERIAL', '000'],
    ['serial 000 (PPPK)', '199204102022211000', 'PPPK', 'SERIAL', '000'],
    ['an employee of 16 at TMT', '199506152012011001', 'PNS', 'AGE_AT_START', 'would be 16'],
    ['an employee 18 only after the TMT month', '199402012012011001', 'PNS', 'AGE_AT_START', 'would be 17'],
    ['a PPPK of 17 in the start year', '200601012023211001', 'PPPK', 'AGE_AT_START', 'would be 17'],
    [
      'a PPPK start in 2018 (before PP 49/2018 took effect)',
      '199001012018211001',
      'PPPK',
      'START_DATE',
      'no start before 2019',
    ],
    ['a PPPK start in 2005', '198001012005211001', 'PPPK', 'START_DATE', 'PP 49/2018'],
  ])('rejects %s (%s, %s) at %s', (_, nip, type, part, reason) => {
    const result = parseNip(nip, type);
    expect(result).toMatchObject({ ok: false, part });
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('parseNip: age at start', () => {
  it('requires at least 18 years', () => {
    expect(MIN_AGE_AT_START).toBe(18);
  });

  // A PNS must be 18 on the 1st of the TMT month (TMT CPNS 2023-03 in each number below).
  it.each([
    ['turns 18 on the 15th of the TMT month', '2005-03-15', false],
    ['turns 18 on the last day of the TMT month', '2005-03-31', false],
    ['turns 18 on the 1st of the TMT month', '2005-03-01', true],
    ['turned 18 the day before the TMT month', '2005-02-28', true],
    ['turns 18 only the month after', '2005-04-01', false],
  ])('a PNS who %s (born %s) is accepted: %s', (_, birth, accepted) => {
    const result = parseNip(formatPnsNip(birth, '2023-03', 'FEMALE', 7), 'PNS');
    expect(result.ok).toBe(accepted);
    if (!result.ok)
      expect(result).toMatchObject({ part: 'AGE_AT_START', reason: expect.stringContaining('2023-03-01') });
  });

  // A PPPK must be 18 on the hire date; the NIP gives only the year (2023 below).
  it.each([
    ['hired the day before turning 18', '2005-07-10', '2023-07-09', false],
    ['hired on the 18th birthday', '2005-07-10', '2023-07-10', true],
    ['hired months after turning 18', '2005-02-01', '2023-07-10', true],
    ['hired on 1 January, 18 only in June', '2005-06-01', '2023-01-01', false],
  ])('a PPPK %s (born %s, hired %s) is accepted: %s', (_, birth, hireDate, accepted) => {
    const result = parseNip(formatPppkNip(birth, 2023, 1, 'MALE', 3), 'PPPK', { hireDate });
    expect(result.ok).toBe(accepted);
    if (!result.ok)
      expect(result).toMatchObject({ part: 'AGE_AT_START', reason: expect.stringContaining('hire date') });
  });

  it('takes a PPPK without a known hire date at the end of the start year', () => {
    expect(parseNip('200512312023211001', 'PPPK').ok).toBe(true);
  });
});

describe('parseNip: dates against today', () => {
  const today = '2026-03-17';

  it.each<[string, string, 'PNS' | 'PPPK', NipPart, string]>([
    [
      'a birth date after today',
      formatPnsNip('2026-03-18', '2045-01', 'MALE', 1),
      'PNS',
      'BIRTH_DATE',
      'future',
    ],
    [
      'a TMT CPNS the year after next',
      formatPnsNip('1990-01-01', '2028-01', 'MALE', 1),
      'PNS',
      'START_DATE',
      'beyond next year',
    ],
    [
      'a PPPK start the year after next',
      formatPppkNip('1990-01-01', 2028, 1, 'MALE', 1),
      'PPPK',
      'START_DATE',
      'beyond next year',
    ],
  ])('rejects %s', (_, nip, type, part, reason) => {
    const result = parseNip(nip, type, { today });
    expect(result).toMatchObject({ ok: false, part });
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it.each([
    ['a TMT CPNS next December', formatPnsNip('1990-01-01', '2027-12', 'MALE', 1), 'PNS'],
    ['a PPPK start next year', formatPppkNip('1990-01-01', 2027, 1, 'FEMALE', 1), 'PPPK'],
    ['a TMT CPNS this month', formatPnsNip('2000-03-17', '2026-03', 'MALE', 1), 'PNS'],
  ] as const)('accepts %s', (_, nip, type) => {
    expect(parseNip(nip, type, { today }).ok).toBe(true);
  });
});

describe('formatPnsNip and formatPppkNip', () => {
  it('build the numbers parsed above', () => {
    expect(formatPnsNip('1985-03-15', '2010-01', 'MALE', 1)).toBe('198503152010011001');
    expect(formatPppkNip('1988-11-05', 2023, 2, 'FEMALE', 10)).toBe('198811052023222010');
  });

  const birthArb = fc
    .date({
      min: new Date('1960-01-01T00:00:00Z'),
      max: new Date('2000-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const genderArb = fc.constantFrom<'MALE' | 'FEMALE'>('MALE', 'FEMALE');
  const serialArb = fc.integer({ min: 1, max: 999 });

  it('round-trips through parseNip (PNS)', () => {
    fc.assert(
      fc.property(
        birthArb,
        fc.integer({ min: 20, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        genderArb,
        serialArb,
        (birth, age, month, gender, serial) => {
          const startMonth = `${Number(birth.slice(0, 4)) + age}-${String(month).padStart(2, '0')}`;
          const result = parseNip(formatPnsNip(birth, startMonth, gender, serial), 'PNS');
          expect(result).toMatchObject({
            ok: true,
            value: { birthDate: birth, startDate: `${startMonth}-01`, gender, serial },
          });
        },
      ),
    );
  });

  it('round-trips through parseNip (PPPK)', () => {
    fc.assert(
      fc.property(
        birthArb,
        fc.integer({ min: 2019, max: 2026 }),
        fc.integer({ min: 1, max: 9 }),
        genderArb,
        serialArb,
        (birth, startYear, frequency, gender, serial) => {
          const result = parseNip(formatPppkNip(birth, startYear, frequency, gender, serial), 'PPPK');
          expect(result).toMatchObject({ ok: true, value: { birthDate: birth, frequency, gender, serial } });
        },
      ),
    );
  });
});
