import { describe, expect, it } from 'vitest';
import {
  GOLONGAN,
  type Golongan,
  golonganGroup,
  golonganLabel,
  golonganOrder,
  PPPK_GRADES,
  pangkatOf,
  pppkGradeOrder,
} from '../../../src/domain/golongan';

describe('golongan/ruang', () => {
  it.each<[Golongan, number, string, string]>([
    ['I_A', 1, 'I/a', 'Juru Muda'],
    ['I_B', 2, 'I/b', 'Juru Muda Tingkat I'],
    ['I_C', 3, 'I/c', 'Juru'],
    ['I_D', 4, 'I/d', 'Juru Tingkat I'],
    ['II_A', 5, 'II/a', 'Pengatur Muda'],
    ['II_B', 6, 'II/b', 'Pengatur Muda Tingkat I'],
    ['II_C', 7, 'II/c', 'Pengatur'],
    ['II_D', 8, 'II/d', 'Pengatur Tingkat I'],
    ['III_A', 9, 'III/a', 'Penata Muda'],
    ['III_B', 10, 'III/b', 'Penata Muda Tingkat I'],
    ['III_C', 11, 'III/c', 'Penata'],
    ['III_D', 12, 'III/d', 'Penata Tingkat I'],
    ['IV_A', 13, 'IV/a', 'Pembina'],
    ['IV_B', 14, 'IV/b', 'Pembina Tingkat I'],
    ['IV_C', 15, 'IV/c', 'Pembina Utama Muda'],
    ['IV_D', 16, 'IV/d', 'Pembina Utama Madya'],
    ['IV_E', 17, 'IV/e', 'Pembina Utama'],
  ])('places %s at order %d, printed %s, pangkat %s', (golongan, order, label, pangkat) => {
    expect(golonganOrder(golongan)).toBe(order);
    expect(golonganLabel(golongan)).toBe(label);
    expect(pangkatOf(golongan)).toBe(pangkat);
  });

  it('lists all 17 golongan lowest first', () => {
    expect(GOLONGAN).toHaveLength(17);
    expect(GOLONGAN.map(golonganOrder)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it.each<[Golongan, string]>([
    ['I_D', 'I'],
    ['II_A', 'II'],
    ['III_C', 'III'],
    ['IV_E', 'IV'],
  ])('puts %s in group %s', (golongan, group) => {
    expect(golonganGroup(golongan)).toBe(group);
  });
});

describe('PPPK grades (Perpres 98/2020)', () => {
  it('orders the 17 grades I to XVII from 1 to 17', () => {
    expect(PPPK_GRADES).toHaveLength(17);
    expect(pppkGradeOrder('I')).toBe(1);
    expect(pppkGradeOrder('IX')).toBe(9);
    expect(pppkGradeOrder('XVII')).toBe(17);
    expect(PPPK_GRADES.map(pppkGradeOrder)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });
});
