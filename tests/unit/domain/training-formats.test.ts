import { describe, expect, it } from 'vitest';
import {
  type LearningForm,
  learningFormOf,
  PROGRAM_CATEGORIES,
  PROGRAM_CATEGORY_LABELS,
  PROGRAM_FORMAT_LABELS,
  PROGRAM_FORMATS,
  type ProgramFormat,
} from '../../../src/domain/training-formats';

describe('learningFormOf', () => {
  it.each<[ProgramFormat, LearningForm]>([
    ['CLASSROOM', 'KLASIKAL'],
    ['SEMINAR', 'KLASIKAL'],
    ['WORKSHOP', 'KLASIKAL'],
    ['COURSE', 'KLASIKAL'],
    ['COACHING', 'NONKLASIKAL'],
    ['MENTORING', 'NONKLASIKAL'],
    ['E_LEARNING', 'NONKLASIKAL'],
    ['DISTANCE_LEARNING', 'NONKLASIKAL'],
    ['INTERNSHIP', 'NONKLASIKAL'],
    ['BENCHMARKING', 'NONKLASIKAL'],
    ['SECONDMENT', 'NONKLASIKAL'],
    ['SELF_STUDY', 'NONKLASIKAL'],
    ['TEAM_BUILDING', 'NONKLASIKAL'],
    ['DEGREE', 'DEGREE'],
  ])('classes %s as %s', (format, form) => {
    expect(learningFormOf(format)).toBe(form);
  });

  it('covers every format in the table above', () => {
    expect(PROGRAM_FORMATS).toHaveLength(14);
  });
});

describe('labels', () => {
  it('labels every format and category in Indonesian', () => {
    for (const format of PROGRAM_FORMATS) expect(PROGRAM_FORMAT_LABELS[format]).toBeTruthy();
    expect(PROGRAM_CATEGORIES.map((c) => PROGRAM_CATEGORY_LABELS[c])).toContain('Pelayanan Publik');
    expect(PROGRAM_CATEGORY_LABELS.IT).toBe('Teknologi Informasi');
    expect(PROGRAM_CATEGORY_LABELS.MANAGERIAL).toBe('Manajerial');
  });
});
