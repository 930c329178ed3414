import { completedYearsBetween } from '../domain/calendar-date';
import { isAtLeastEducation } from '../domain/education';
import type { Employee, Position } from '../domain/employee';
import type { Gender } from '../domain/gender';
import { FIRST_PPPK_YEAR, formatPnsNip, formatPppkNip } from '../domain/nip';
import type { UnitKind } from '../domain/organization';
import {
  APPOINTMENT_AGE,
  ahliLevelFor,
  educationFor,
  golonganAfter,
  nameWithTitles,
  pppkGradeFor,
} from './demo-careers';
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

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * One demo employee whose record holds together (DOMAIN rules 1 and 2): a valid NIP, 18 or older
 * at the TMT, PPPK appointed from 2019; an education that fits the position (Ahli posts graduates)
 * and shows in the name's titles; a golongan no faster than one step per four years from the entry
 * grade of the education. Structural posts go to people with at least 12 years of service.
 */
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
  const thisYear = Number(base.today.slice(0, 4));
  const gender: Gender = random.chance(0.5) ? 'MALE' : 'FEMALE';
  const position = positionFor(random, base.unitKind, structural);
  const education = educationFor(random, position);
  const pppk = !structural && random.chance(0.18);
  const [minAge, maxAge] = APPOINTMENT_AGE[education];
  const ageAtStart = random.int(minAge, pppk ? maxAge + 10 : maxAge);
  // Service years: PPPK since 2019 (PP 49/2018); heads and structural staff long-serving; nobody past 57.
  const serviceYears = pppk
    ? random.int(1, Math.max(1, thisYear - FIRST_PPPK_YEAR))
    : random.int(structural ? 12 : 1, structural ? 28 : 30);
  const years = Math.max(1, Math.min(serviceYears, 57 - ageAtStart));
  const startYear = thisYear - years;
  const startMonth = random.int(1, 12);
  const birthDate = `${startYear - ageAtStart}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
  const first = random.pick(gender === 'MALE' ? MALE_NAMES : FEMALE_NAMES);
  const name = nameWithTitles(random, `${first} ${random.pick(base.familyNames)}`, education, position);
  const serviceStartDate = `${startYear}-${pad(startMonth)}-01`;
  const golongan = pppk
    ? undefined
    : golonganAfter(random, education, completedYearsBetween(serviceStartDate, base.today), structural);
  const pppkGrade = pppk ? pppkGradeFor(random, education) : undefined;
  return {
    agencyId: base.agencyId,
    id: base.id,
    version: 1,
    createdAt: base.createdAt,
    updatedAt: base.createdAt,
    nip: pppk
      ? formatPppkNip(birthDate, startYear, 1, gender, base.serial)
      : formatPnsNip(birthDate, serviceStartDate.slice(0, 7), gender, base.serial),
    name,
    gender,
    birthDate,
    employmentType: pppk ? 'PPPK' : 'PNS',
    golongan,
    pppkGrade,
    position: ahliLevelFor(position, { golongan, pppkGrade }),
    education,
    unitId: base.unitId,
    // Tugas belajar (released for degree study): graduates after their first year.
    status:
      isAtLeastEducation(education, 'S1') && !structural && random.chance(0.03) ? 'STUDY_LEAVE' : 'ACTIVE',
    serviceStartDate,
    email: `${first.toLowerCase()}.${base.id}@${base.agencyId}.go.id`,
    phone: `08${random.int(11, 99)}${random.int(1000000, 9999999)}`,
  };
}
