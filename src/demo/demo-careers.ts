import { YEARS_PER_REGULAR_PROMOTION } from '../domain/career-rules';
import type { Education } from '../domain/education';
import { entryGradeOf } from '../domain/education';
import type { Position } from '../domain/employee';
import { GOLONGAN, type Golongan, golonganOrder, PPPK_GRADES, type PppkGrade } from '../domain/golongan';
import type { Random } from './random';

/** Weighted choice: `[value, weight]` pairs. */
function weighted<T>(random: Random, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.int(0, total - 1);
  for (const [value, weight] of options) {
    if (roll < weight) return value;
    roll -= weight;
  }
  return (options[0] as readonly [T, number])[0];
}

/** A plausible highest education for a position: Ahli posts graduates, Terampil posts D-III. */
export function educationFor(random: Random, position: Position): Education {
  if (position.type === 'STRUCTURAL')
    return weighted(random, [
      ['S1', 55],
      ['S2', 38],
      ['S3', 7],
    ]);
  if (/^(Dokter|Apoteker|Guru|Pengawas Sekolah)/.test(position.title))
    return weighted(random, [
      ['S1', 75],
      ['S2', 25],
    ]);
  if (position.type === 'FUNCTIONAL' && /\bAhli\b/.test(position.title))
    return weighted(random, [
      ['S1', 64],
      ['D_IV', 10],
      ['S2', 24],
      ['S3', 2],
    ]);
  if (position.type === 'FUNCTIONAL') return 'D_III';
  return weighted(random, [
    ['SMA', 52],
    ['D_III', 20],
    ['S1', 22],
    ['SMP', 5],
    ['SD', 1],
  ]);
}

/** Bachelor's titles by the field of a position (gelar sarjana), e.g. S.Kep. for a nurse. */
function bachelorTitles(random: Random, title: string): { front?: string; back: string[] } {
  if (/^Dokter/.test(title)) return { front: 'dr.', back: [] };
  if (/^Perawat/.test(title)) return { back: ['S.Kep.', 'Ners'] };
  if (/^Apoteker/.test(title)) return { front: 'apt.', back: ['S.Farm.'] };
  if (/^(Guru|Pengawas Sekolah)/.test(title)) return { back: ['S.Pd.'] };
  if (/^Pranata Komputer/.test(title)) return { back: ['S.Kom.'] };
  if (/^Auditor/.test(title)) return { back: [random.pick(['S.E.', 'S.Ak.'])] };
  if (/^Perencana/.test(title)) return { back: [random.pick(['S.T.', 'S.E.', 'S.P.W.K.'])] };
  return { back: [random.pick(['S.E.', 'S.Sos.', 'S.H.', 'S.I.P.', 'S.Kom.', 'S.K.M.', 'S.A.P.'])] };
}

/** A name with the academic titles its education gives (none below D-III). */
export function nameWithTitles(
  random: Random,
  person: string,
  education: Education,
  position: Position,
): string {
  const health = /^(Perawat|Bidan|Nutrisionis|Dokter|Apoteker)/.test(position.title);
  const teacher = /^(Guru|Pengawas Sekolah)/.test(position.title);
  const join = (front: string[], back: string[]) =>
    `${[...front, person].join(' ')}${back.length ? `, ${back.join(', ')}` : ''}`;
  switch (education) {
    case 'SD':
    case 'SMP':
    case 'SMA':
    case 'D_I':
    case 'D_II':
      return person;
    case 'D_III':
      if (/^Bidan/.test(position.title)) return join([], ['A.Md.Keb.']);
      if (/^Nutrisionis/.test(position.title)) return join([], ['A.Md.Gz.']);
      return join([], [random.pick(['A.Md.', 'A.Md.Kom.', 'A.Md.Ak.'])]);
    case 'D_IV':
      return join([], [health ? 'S.Tr.Kes.' : 'S.Tr.A.P.']);
    default: {
      const bachelor = bachelorTitles(random, position.title);
      const front = bachelor.front ? [bachelor.front] : [];
      if (education === 'S1') return join(front, bachelor.back);
      const master = teacher
        ? 'M.Pd.'
        : health
          ? 'M.Kes.'
          : random.pick(['M.Si.', 'M.A.P.', 'M.M.', 'M.Kom.']);
      return join(education === 'S3' ? ['Dr.', ...front] : front, [...bachelor.back, master]);
    }
  }
}

/** Usual age at appointment by education (after school or the degree, and often some years later). */
export const APPOINTMENT_AGE: Record<Education, [number, number]> = {
  SD: [19, 30],
  SMP: [19, 30],
  SMA: [19, 30],
  D_I: [20, 30],
  D_II: [21, 30],
  D_III: [22, 32],
  D_IV: [23, 33],
  S1: [23, 34],
  S2: [26, 35],
  S3: [30, 38],
};

/**
 * A PNS golongan after `years` of service: the entry grade of the education plus one step per four
 * completed years (PP 99/2000), a step slower for some; heads went the full pace. Capped at IV/c.
 */
export function golonganAfter(random: Random, education: Education, years: number, head: boolean): Golongan {
  const steps = Math.floor(years / YEARS_PER_REGULAR_PROMOTION) - (head || !random.chance(0.3) ? 0 : 1);
  const order = Math.min(golonganOrder(entryGradeOf(education)) + Math.max(0, steps), golonganOrder('IV_C'));
  return GOLONGAN[order - 1] as Golongan;
}

/** A PPPK grade by education (Perpres 98/2020 grades of the posts they fill): SMA V, D-III VII, S1 IX, S2 X. */
export function pppkGradeFor(random: Random, education: Education): PppkGrade {
  const base: Record<Education, number> = {
    SD: 1,
    SMP: 3,
    SMA: 5,
    D_I: 5,
    D_II: 6,
    D_III: 7,
    D_IV: 9,
    S1: 9,
    S2: 10,
    S3: 11,
  };
  return PPPK_GRADES[base[education] - 1 + random.int(0, 1)] as PppkGrade;
}

/**
 * The jenjang of an Ahli post that fits the grade (PermenPANRB 1/2023 ranges): Pertama up to III/b,
 * Muda III/c–III/d, Madya from IV/a (PPPK: up to IX, X–XI, from XII).
 */
export function ahliLevelFor(
  position: Position,
  grade: { golongan?: Golongan; pppkGrade?: PppkGrade },
): Position {
  if (!/\bAhli (Pertama|Muda|Madya)\b/.test(position.title)) return position;
  const order = grade.golongan
    ? golonganOrder(grade.golongan) - golonganOrder('III_A')
    : PPPK_GRADES.indexOf(grade.pppkGrade ?? 'IX') - PPPK_GRADES.indexOf('IX');
  const level =
    order >= (grade.golongan ? 4 : 3) ? 'Madya' : order >= (grade.golongan ? 2 : 1) ? 'Muda' : 'Pertama';
  return { ...position, title: position.title.replace(/\bAhli (Pertama|Muda|Madya)\b/, `Ahli ${level}`) };
}
