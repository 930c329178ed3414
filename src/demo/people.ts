import type { Employee, Position } from '../domain/employee';
import type { Gender } from '../domain/gender';
import { GOLONGAN, type Golongan, PPPK_GRADES, type PppkGrade } from '../domain/golongan';
import { FIRST_PPPK_YEAR, formatPnsNip, formatPppkNip } from '../domain/nip';
import type { UnitKind } from '../domain/organization';
import type { Random } from './random';

const MALE_NAMES = [
  'Ahmad',
  'Budi',
  'Rizky',
  'Fadli',
  'Hendra',
  'Irwan',
  'Joko',
  'Dedi',
  'Agus',
  'Rahmat',
  'Andi',
  'Yusuf',
  'Taufik',
  'Bambang',
  'Doni',
  'Eko',
  'Fajar',
  'Gilang',
  'Hadi',
  'Imam',
];
const FEMALE_NAMES = [
  'Siti',
  'Dewi',
  'Rina',
  'Nurul',
  'Sri',
  'Ayu',
  'Fitri',
  'Lestari',
  'Maya',
  'Putri',
  'Ratna',
  'Indah',
  'Wulan',
  'Yuni',
  'Novi',
  'Intan',
  'Mega',
  'Dian',
  'Sari',
  'Tuti',
];
const DEGREES = [
  'S.E.',
  'S.Kom.',
  'S.Sos.',
  'S.H.',
  'S.Pd.',
  'S.Kep.',
  'S.K.M.',
  'S.T.',
  'A.Md.',
  'M.Si.',
  'M.A.P.',
];

const POSITIONS: Record<'STRUCTURAL' | 'FUNCTIONAL' | 'EXECUTOR', string[]> = {
  STRUCTURAL: [
    'Kepala Bidang',
    'Kepala Subbagian Umum dan Kepegawaian',
    'Sekretaris',
    'Kepala Seksi Pelayanan',
  ],
  FUNCTIONAL: [
    'Analis Sumber Daya Manusia Aparatur Ahli Muda',
    'Perencana Ahli Pertama',
    'Pranata Komputer Ahli Pertama',
    'Analis Kebijakan Ahli Muda',
    'Auditor Ahli Pertama',
    'Arsiparis Terampil',
  ],
  EXECUTOR: [
    'Pengadministrasi Perkantoran',
    'Pengolah Data dan Informasi',
    'Penata Layanan Operasional',
    'Operator Layanan Operasional',
  ],
};
const HEALTH_POSITIONS = [
  'Perawat Ahli Pertama',
  'Bidan Terampil',
  'Dokter Ahli Pertama',
  'Nutrisionis Terampil',
  'Apoteker Ahli Pertama',
];
const EDUCATION_POSITIONS = ['Guru Ahli Pertama', 'Guru Ahli Muda', 'Pengawas Sekolah Ahli Madya'];

/** An ISO date `years` years before `today`, at a random day of the year. */
function dateYearsAgo(random: Random, today: string, minYears: number, maxYears: number): string {
  const year = Number(today.slice(0, 4)) - random.int(minYears, maxYears);
  return `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

/** Golongan of a PNS after `years` of service, entering at II/a (diploma/high school) or III/a (bachelor). */
function golonganAfter(random: Random, years: number, bachelor: boolean, structural: boolean): Golongan {
  const entry = bachelor ? GOLONGAN.indexOf('III_A') : GOLONGAN.indexOf('II_A');
  const steps = Math.floor(years / 4) + (structural ? 1 : 0) + random.int(-1, 0);
  return GOLONGAN[Math.min(Math.max(entry + Math.max(steps, 0), 0), GOLONGAN.indexOf('IV_C'))] as Golongan;
}

/** A PPPK grade entering at V (high school), VII (diploma) or IX (bachelor). */
function pppkGrade(random: Random, bachelor: boolean): PppkGrade {
  return PPPK_GRADES[bachelor ? random.int(8, 10) : random.int(4, 6)] as PppkGrade;
}

function positionFor(random: Random, unitKind: UnitKind, structural: boolean): Position {
  if (structural) return { title: random.pick(POSITIONS.STRUCTURAL), type: 'STRUCTURAL' };
  if ((unitKind === 'PUSKESMAS' || unitKind === 'HOSPITAL') && random.chance(0.7)) {
    return { title: random.pick(HEALTH_POSITIONS), type: 'FUNCTIONAL' };
  }
  if (unitKind === 'SCHOOL' && random.chance(0.8))
    return { title: random.pick(EDUCATION_POSITIONS), type: 'FUNCTIONAL' };
  return random.chance(0.5)
    ? { title: random.pick(POSITIONS.FUNCTIONAL), type: 'FUNCTIONAL' }
    : { title: random.pick(POSITIONS.EXECUTOR), type: 'EXECUTOR' };
}

/** One demo employee with a valid NIP (DOMAIN rule 1) whose parts agree with the record. */
export function demoEmployee(
  random: Random,
  base: {
    agencyId: string;
    id: string;
    unitId: string;
    unitKind: UnitKind;
    familyNames: readonly string[];
    serial: number;
    today: string;
    createdAt: string;
  },
  structural: boolean,
): Employee {
  const gender: Gender = random.chance(0.5) ? 'MALE' : 'FEMALE';
  const birthDate = dateYearsAgo(random, base.today, 24, 57);
  const birthYear = Number(birthDate.slice(0, 4));
  const bachelor = random.chance(0.65);
  const pppk = !structural && random.chance(0.18);
  const startYear = Math.max(
    Math.min(birthYear + random.int(bachelor ? 23 : 19, 35), Number(base.today.slice(0, 4)) - 1),
    pppk ? FIRST_PPPK_YEAR : 0,
  );
  const startMonth = `${startYear}-${String(random.int(1, 12)).padStart(2, '0')}`;
  const first = random.pick(gender === 'MALE' ? MALE_NAMES : FEMALE_NAMES);
  const name = `${first} ${random.pick(base.familyNames)}${bachelor ? `, ${random.pick(DEGREES)}` : ''}`;
  const years = Number(base.today.slice(0, 4)) - startYear;
  return {
    agencyId: base.agencyId,
    id: base.id,
    version: 1,
    createdAt: base.createdAt,
    updatedAt: base.createdAt,
    nip: pppk
      ? formatPppkNip(birthDate, startYear, 1, gender, base.serial)
      : formatPnsNip(birthDate, startMonth, gender, base.serial),
    name,
    gender,
    birthDate,
    employmentType: pppk ? 'PPPK' : 'PNS',
    golongan: pppk ? undefined : golonganAfter(random, years, bachelor, structural),
    pppkGrade: pppk ? pppkGrade(random, bachelor) : undefined,
    position: positionFor(random, base.unitKind, structural),
    unitId: base.unitId,
    status: random.chance(0.03) ? 'STUDY_LEAVE' : 'ACTIVE',
    serviceStartDate: pppk ? `${startYear}-01-01` : `${startMonth}-01`,
    email: `${first.toLowerCase()}.${base.id}@${base.agencyId}.go.id`,
    phone: `08${random.int(11, 99)}${random.int(1000000, 9999999)}`,
  };
}
