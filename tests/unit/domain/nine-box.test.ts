import { describe, expect, it } from 'vitest';
import {
  NINE_BOXES,
  type NineBox,
  nineBoxGuidance,
  nineBoxOf,
  type Performance,
  type Potential,
  performanceFromPredikat,
} from '../../../src/domain/nine-box';
import type { Predikat } from '../../../src/domain/skp-predikat';

describe('performanceFromPredikat', () => {
  it.each<[Predikat, Performance]>([
    ['SANGAT_BAIK', 'ABOVE'],
    ['BAIK', 'AS_EXPECTED'],
    ['BUTUH_PERBAIKAN', 'BELOW'],
    ['KURANG', 'BELOW'],
    ['SANGAT_KURANG', 'BELOW'],
  ])('maps %s to %s', (predikat, performance) => {
    expect(performanceFromPredikat(predikat)).toBe(performance);
  });
});

describe('nineBoxOf (PermenPANRB 3/2020)', () => {
  it.each<[Performance, Potential, NineBox]>([
    ['ABOVE', 'LOW', 4],
    ['ABOVE', 'MEDIUM', 7],
    ['ABOVE', 'HIGH', 9],
    ['AS_EXPECTED', 'LOW', 2],
    ['AS_EXPECTED', 'MEDIUM', 5],
    ['AS_EXPECTED', 'HIGH', 8],
    ['BELOW', 'LOW', 1],
    ['BELOW', 'MEDIUM', 3],
    ['BELOW', 'HIGH', 6],
  ])('places %s performance with %s potential in box %d', (performance, potential, box) => {
    expect(nineBoxOf(performance, potential)).toBe(box);
  });
});

describe('nineBoxGuidance', () => {
  it.each<[NineBox, string, string]>([
    [9, 'Promotion and succession', 'suksesi'],
    [8, 'succession pool', 'rotasi'],
    [7, 'study leave', 'tugas belajar'],
    [6, 'coaching', 'coaching'],
    [5, 'Placement', 'Penempatan'],
    [4, 'competency development', 'pengembangan kompetensi'],
    [3, 'counselling', 'Konseling'],
    [2, 'counselling', 'Konseling'],
    [1, 'disciplinary', 'disiplin'],
  ])('recommends for box %d: %s (%s)', (box, english, indonesian) => {
    const guidance = nineBoxGuidance(box);
    expect(guidance.box).toBe(box);
    expect(guidance.en).toContain(english);
    expect(guidance.id).toContain(indonesian);
  });

  it('flags only box 1 as disciplinary', () => {
    expect(NINE_BOXES.filter((box) => nineBoxGuidance(box).disciplinary)).toEqual([1]);
  });

  it('keeps study leave to box 7 of the succession pool', () => {
    expect(nineBoxGuidance(8).en).not.toContain('study leave');
  });
});
