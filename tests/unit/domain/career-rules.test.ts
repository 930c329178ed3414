import { describe, expect, it } from 'vitest';
import { educationFromTitles } from '../../../src/domain/academic-titles';
import {
  checkPositionEducation,
  checkRegularGrade,
  highestRegularGrade,
} from '../../../src/domain/career-rules';
import { type Education, entryGradeOf, isAtLeastEducation } from '../../../src/domain/education';
import { CREATED, careerIssues } from '../../../src/domain/employee-career';
import type { Golongan } from '../../../src/domain/golongan';

describe('entryGradeOf (PP 99/2000 as amended)', () => {
  it.each<[Education, Golongan]>([
    ['SD', 'I_A'],
    ['SMP', 'I_C'],
    ['SMA', 'II_A'],
    ['D_I', 'II_A'],
    ['D_II', 'II_B'],
    ['D_III', 'II_C'],
    ['D_IV', 'III_A'],
    ['S1', 'III_A'],
    ['S2', 'III_B'],
    ['S3', 'III_C'],
  ])('appoints a new PNS with %s in %s', (education, golongan) => {
    expect(entryGradeOf(education)).toBe(golongan);
  });

  it('counts D-IV as the level of S1 and both below S2', () => {
    expect(isAtLeastEducation('D_IV', 'S1')).toBe(true);
    expect(isAtLeastEducation('S1', 'D_IV')).toBe(true);
    expect(isAtLeastEducation('D_III', 'S1')).toBe(false);
    expect(isAtLeastEducation('S1', 'S2')).toBe(false);
  });
});

describe('regular promotion: at most one step per four years from the entry grade', () => {
  it.each<[Education, number, Golongan]>([
    ['S1', 0, 'III_A'],
    ['S1', 3, 'III_A'],
    ['S1', 4, 'III_B'],
    ['S1', 8, 'III_C'],
    ['S1', 11, 'III_C'],
    ['SMA', 7, 'II_B'],
    ['SD', 0, 'I_A'],
    ['S3', 12, 'IV_B'],
    ['S2', 100, 'IV_E'],
  ])('%s after %i years reaches at most %s', (education, years, highest) => {
    expect(highestRegularGrade(education, years)).toBe(highest);
  });

  it('refuses an S1 holder as III/c after 3 years, saying what the rule allows', () => {
    const result = checkRegularGrade('III_C', 'S1', 3);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain('III/c is above what Sarjana (S-1) and 3 completed year(s)');
      expect(result.reason).toContain('at most III/a (entry III/a, one step per 4 years)');
    }
  });

  it.each<[Golongan, Education, number]>([
    ['III_C', 'S1', 8],
    ['II_A', 'S1', 0], // below the entry grade: appointed earlier on a lower diploma
    ['III_C', 'S3', 0],
    ['II_C', 'D_III', 2],
  ])('accepts %s for %s after %i years', (golongan, education, years) => {
    expect(checkRegularGrade(golongan, education, years)).toEqual({ ok: true });
  });
});

describe('Ahli posts need at least S1/D-IV', () => {
  const ahli = { title: 'Perencana Ahli Pertama', type: 'FUNCTIONAL' };
  it.each<[Education | undefined, boolean]>([
    ['S1', true],
    ['D_IV', true],
    ['S3', true],
    ['D_III', false],
    ['SMA', false],
    [undefined, false],
  ])('with %s: %s', (education, ok) => {
    expect(checkPositionEducation(ahli, education).ok).toBe(ok);
  });

  it('leaves Terampil and executor posts alone', () => {
    expect(checkPositionEducation({ title: 'Arsiparis Terampil', type: 'FUNCTIONAL' }, 'D_III').ok).toBe(
      true,
    );
    expect(
      checkPositionEducation({ title: 'Pengadministrasi Perkantoran', type: 'EXECUTOR' }, 'SMA').ok,
    ).toBe(true);
  });
});

describe('educationFromTitles', () => {
  it.each<[string, Education | undefined]>([
    ['Budi Santoso, S.Kom.', 'S1'],
    ['Dewi Lubis, S.E., M.Si.', 'S2'],
    ['Dr. Hendra Siregar, S.Sos., M.A.P.', 'S3'],
    ['Prof. Dr. Ir. Rahmat Daulay, M.T.', 'S3'],
    ['dr. Ayu Ginting', 'S1'],
    ['dr. Imam Nasution, Sp.PD', 'S2'],
    ['Rina Harahap, A.Md.Keb.', 'D_III'],
    ['Sri Pohan, S.Tr.Keb.', 'D_IV'],
    ['Yuni Tarigan, S.Kep., Ners', 'S1'],
    ['Hj. Siti Sembiring', undefined],
    ['Agus Pohan', undefined],
    ['Drs. Bambang Lubis', 'S1'],
  ])('%s implies %s', (name, education) => {
    expect(educationFromTitles(name)?.education).toBe(education);
  });

  it('reads a Dr. only in front: Dr within the name is a name', () => {
    expect(educationFromTitles('Andi Dr. Siregar')).toBeUndefined();
  });
});

describe('careerIssues', () => {
  const base = {
    employmentType: 'PNS' as const,
    name: 'Budi Santoso, S.Kom.',
    golongan: 'III_A' as Golongan,
    education: 'S1' as Education,
    position: { title: 'Pranata Komputer Ahli Pertama', type: 'FUNCTIONAL' },
    yearsOfService: 3,
  };

  it('has none for a record within every rule', () => {
    expect(careerIssues(base, CREATED)).toEqual([]);
  });

  it('lists every broken rule with its field', () => {
    const issues = careerIssues({ ...base, golongan: 'III_C', education: 'SMA' }, CREATED);
    expect(issues.map((i) => i.field)).toEqual(['education', 'position', 'golongan']);
  });

  it('accepts a golongan above the path when an exception covers that golongan', () => {
    expect(
      careerIssues({ ...base, golongan: 'III_C', gradeException: { golongan: 'III_C' } }, CREATED),
    ).toEqual([]);
    expect(
      careerIssues({ ...base, golongan: 'III_D', gradeException: { golongan: 'III_C' } }, CREATED).map(
        (i) => i.field,
      ),
    ).toEqual(['golongan']);
  });

  it('does not judge again what a change leaves alone', () => {
    const untouched = { golonganRaised: false, education: false, position: false, name: false };
    expect(careerIssues({ ...base, golongan: 'IV_E', education: 'SD' }, untouched)).toEqual([]);
  });

  it('asks for the education before a promotion of a record without one', () => {
    const { education: _, ...withoutEducation } = base;
    expect(careerIssues(withoutEducation, { ...CREATED, education: false })).toEqual([
      { field: 'position', reason: expect.stringContaining('record the education') },
      { field: 'education', reason: expect.stringContaining('not recorded') },
    ]);
  });

  it('judges no golongan for a PPPK', () => {
    expect(careerIssues({ ...base, employmentType: 'PPPK', golongan: undefined }, CREATED)).toEqual([]);
  });
});
