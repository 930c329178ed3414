import { describe, expect, it } from 'vitest';
import {
  BERAKHLAK_LABELS,
  BERAKHLAK_VALUES,
  isAtLeast,
  PREDIKAT_LABELS,
  PREDIKATS,
  type Predikat,
  predikatOf,
  predikatRank,
  type Rating,
} from '../../../src/domain/skp-predikat';

describe('predikatOf (PermenPANRB 6/2022 matrix)', () => {
  it.each<[Rating, Rating, Predikat]>([
    ['ABOVE', 'ABOVE', 'SANGAT_BAIK'],
    ['ABOVE', 'AS_EXPECTED', 'BAIK'],
    ['ABOVE', 'BELOW', 'KURANG'],
    ['AS_EXPECTED', 'ABOVE', 'BAIK'],
    ['AS_EXPECTED', 'AS_EXPECTED', 'BAIK'],
    ['AS_EXPECTED', 'BELOW', 'KURANG'],
    ['BELOW', 'ABOVE', 'BUTUH_PERBAIKAN'],
    ['BELOW', 'AS_EXPECTED', 'BUTUH_PERBAIKAN'],
    ['BELOW', 'BELOW', 'SANGAT_KURANG'],
  ])('rates %s result with %s behaviour as %s', (result, behaviour, expected) => {
    expect(predikatOf(result, behaviour)).toBe(expected);
  });

  it('treats behaviour below expectation as misconduct (KURANG) even with results above', () => {
    expect(predikatOf('ABOVE', 'BELOW')).toBe('KURANG');
  });
});

describe('predikat order', () => {
  it('ranks the predikat from SANGAT_BAIK (5) down to SANGAT_KURANG (1)', () => {
    expect(PREDIKATS.map(predikatRank)).toEqual([5, 4, 3, 2, 1]);
  });

  it.each<[Predikat, Predikat, boolean]>([
    ['SANGAT_BAIK', 'BAIK', true],
    ['BAIK', 'BAIK', true],
    ['BUTUH_PERBAIKAN', 'BAIK', false],
    ['KURANG', 'BUTUH_PERBAIKAN', false],
    ['SANGAT_KURANG', 'SANGAT_KURANG', true],
  ])('says %s is at least %s: %s', (predikat, minimum, expected) => {
    expect(isAtLeast(predikat, minimum)).toBe(expected);
  });
});

describe('labels', () => {
  it('labels every predikat in Indonesian', () => {
    expect(PREDIKATS.map((p) => PREDIKAT_LABELS[p])).toEqual([
      'Sangat Baik',
      'Baik',
      'Butuh Perbaikan',
      'Kurang',
      'Sangat Kurang',
    ]);
  });

  it('lists the seven BerAKHLAK core values with their Indonesian names', () => {
    expect(BERAKHLAK_VALUES).toHaveLength(7);
    expect(BERAKHLAK_VALUES.map((v) => BERAKHLAK_LABELS[v])).toEqual([
      'Berorientasi Pelayanan',
      'Akuntabel',
      'Kompeten',
      'Harmonis',
      'Loyal',
      'Adaptif',
      'Kolaboratif',
    ]);
  });
});
