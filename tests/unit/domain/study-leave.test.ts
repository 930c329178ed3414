import { describe, expect, it } from 'vitest';
import type { Predikat } from '../../../src/domain/skp-predikat';
import { arrangementProblem, studyLeaveEligibility } from '../../../src/domain/study-leave';

describe('studyLeaveEligibility: tugas belajar', () => {
  it.each<[number, Predikat]>([
    [1, 'BAIK'],
    [1, 'SANGAT_BAIK'],
    [12, 'BAIK'],
  ])('grants it with %d year(s) of service and a last predikat of %s', (yearsOfService, lastPredikat) => {
    expect(studyLeaveEligibility({ yearsOfService, lastPredikat, funding: 'TUGAS_BELAJAR' })).toEqual({
      ok: true,
      value: {
        funding: 'TUGAS_BELAJAR',
        releasedFromDuties: true,
        selfFunded: false,
        outsideWorkingHours: false,
      },
    });
  });

  it('refuses it in the first year of service', () => {
    expect(
      studyLeaveEligibility({ yearsOfService: 0, lastPredikat: 'BAIK', funding: 'TUGAS_BELAJAR' }),
    ).toEqual({
      ok: false,
      reasons: ['tugas belajar needs at least 1 year of service (has 0)'],
    });
  });

  it.each<Predikat>(['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'])(
    'refuses it after a last predikat of %s',
    (p) => {
      const result = studyLeaveEligibility({ yearsOfService: 5, lastPredikat: p, funding: 'TUGAS_BELAJAR' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reasons[0]).toContain('at least Baik');
    },
  );

  it('refuses it without any appraisal on record', () => {
    const result = studyLeaveEligibility({ yearsOfService: 3, funding: 'TUGAS_BELAJAR' });
    expect(result).toEqual({
      ok: false,
      reasons: ['tugas belajar needs a last appraisal of at least Baik (no appraisal on record)'],
    });
  });

  it('gives every reason at once', () => {
    const result = studyLeaveEligibility({
      yearsOfService: 0,
      lastPredikat: 'KURANG',
      funding: 'TUGAS_BELAJAR',
    });
    expect(result.ok ? [] : result.reasons).toHaveLength(2);
  });
});

describe('studyLeaveEligibility: izin belajar', () => {
  it('permits self-funded study outside working hours without the tugas belajar conditions', () => {
    expect(
      studyLeaveEligibility({ yearsOfService: 0, lastPredikat: 'KURANG', funding: 'IZIN_BELAJAR' }),
    ).toEqual({
      ok: true,
      value: {
        funding: 'IZIN_BELAJAR',
        releasedFromDuties: false,
        selfFunded: true,
        outsideWorkingHours: true,
      },
    });
  });
});

describe("studyLeaveEligibility: the employee's status", () => {
  it.each(['STUDY_LEAVE', 'ON_LEAVE', 'RETIRED'] as const)(
    'refuses both arrangements to an employee who is %s',
    (status) => {
      for (const funding of ['TUGAS_BELAJAR', 'IZIN_BELAJAR'] as const) {
        expect(studyLeaveEligibility({ yearsOfService: 5, lastPredikat: 'BAIK', funding, status })).toEqual({
          ok: false,
          reasons: [`degree study starts from active service (the employee is ${status})`],
        });
      }
    },
  );

  it('grants izin belajar to an active employee whatever the service and appraisal', () => {
    expect(studyLeaveEligibility({ yearsOfService: 0, funding: 'IZIN_BELAJAR', status: 'ACTIVE' }).ok).toBe(
      true,
    );
  });
});

describe('arrangementProblem: which programs take a study arrangement', () => {
  const NEEDED = 'a DEGREE program needs the arrangement: TUGAS_BELAJAR or IZIN_BELAJAR';
  it.each([
    ['DEGREE', 'TUGAS_BELAJAR', true, undefined],
    ['DEGREE', 'IZIN_BELAJAR', true, undefined],
    ['DEGREE', undefined, true, NEEDED],
    ['DEGREE', undefined, false, undefined],
    ['CLASSROOM', 'IZIN_BELAJAR', true, 'is only for DEGREE programs'],
    ['E_LEARNING', 'TUGAS_BELAJAR', false, 'is only for DEGREE programs'],
    ['WORKSHOP', undefined, true, undefined],
  ] as const)('a %s program with %s (required: %s): %s', (format, funding, required, problem) => {
    expect(arrangementProblem(format, funding, required)).toBe(problem);
  });
});
