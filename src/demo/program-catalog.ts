import type { ProgramCategory, ProgramFormat } from '../domain/training-formats';

/** A program the articles describe, offered by some agencies, possibly in several cohorts. */
export interface CatalogProgram {
  key: string;
  title: string;
  category: ProgramCategory;
  format: ProgramFormat;
  jp: number;
  days: number;
  capacity: number;
  costPerParticipant: number;
  competencies: string[];
  /** Agencies that run it, with the partner code providing it there (or null for internal). */
  runs: Record<string, string | null>;
  /** Units whose staff are invited first (unit keys of src/demo/places.ts). */
  targetUnits: string[];
  /** Months before "now" of each cohort's start (negative = in the future). */
  cohorts: number[];
}

/** Programs from the articles (000–004): time management, communication, IT, public service, budget, health, a master's in planning. */
export const PROGRAM_CATALOG: CatalogProgram[] = [
  {
    key: 'waktu',
    title: 'Pelatihan Manajemen Waktu dan Produktivitas Kerja',
    category: 'MANAGERIAL',
    format: 'CLASSROOM',
    jp: 24,
    days: 3,
    capacity: 25,
    costPerParticipant: 1_500_000,
    competencies: ['Manajemen waktu', 'Perencanaan kerja'],
    runs: { medan: null, palembang: null, gorontalo: 'ung', binjai: null },
    targetUnits: ['belawan', 'plaju', 'disdik', 'setda'],
    cohorts: [20, 9],
  },
  {
    key: 'komunikasi',
    title: 'Keterampilan Komunikasi Pelayanan Publik',
    category: 'SOCIOCULTURAL',
    format: 'WORKSHOP',
    jp: 16,
    days: 2,
    capacity: 30,
    costPerParticipant: 900_000,
    competencies: ['Komunikasi efektif', 'Penanganan keluhan'],
    runs: { medan: 'usu', palembang: null, binjai: null },
    targetUnits: ['belawan', 'belawan1', 'bagandeli', 'plaju', 'plajuulu'],
    cohorts: [16, 6],
  },
  {
    key: 'egov',
    title: 'Pemanfaatan Teknologi Informasi dan e-Government',
    category: 'IT',
    format: 'CLASSROOM',
    jp: 32,
    days: 4,
    capacity: 20,
    costPerParticipant: 2_500_000,
    competencies: ['Aplikasi perkantoran', 'Layanan daring', 'Keamanan data'],
    runs: { medan: 'usu', binjai: 'usu', gorontalo: null },
    targetUnits: ['kominfo', 'belawan', 'bkpsdm'],
    cohorts: [14, 3, -1],
  },
  {
    key: 'pelayanan',
    title: 'Pelatihan Pelayanan Publik Prima',
    category: 'PUBLIC_SERVICE',
    format: 'CLASSROOM',
    jp: 24,
    days: 3,
    capacity: 25,
    costPerParticipant: 1_200_000,
    competencies: ['Standar pelayanan', 'Budaya melayani'],
    runs: { gorontalo: null, palembang: null, medan: null },
    targetUnits: ['pkm-selatan', 'pkm-dungingi', 'plaju', 'belawan'],
    cohorts: [18, 7],
  },
  {
    key: 'anggaran',
    title: 'Pengelolaan Anggaran yang Transparan dan Akuntabel',
    category: 'FINANCE',
    format: 'CLASSROOM',
    jp: 30,
    days: 4,
    capacity: 20,
    costPerParticipant: 2_000_000,
    competencies: ['Penganggaran berbasis kinerja', 'Pertanggungjawaban keuangan'],
    runs: { gorontalo: 'ung', binjai: null },
    targetUnits: ['disdik', 'sman1', 'bappeda'],
    cohorts: [15, 4],
  },
  {
    key: 'kesehatan',
    title: 'Manajemen Pelayanan Kesehatan di Puskesmas',
    category: 'HEALTH',
    format: 'WORKSHOP',
    jp: 20,
    days: 3,
    capacity: 20,
    costPerParticipant: 1_800_000,
    competencies: ['Alur layanan pasien', 'Mutu pelayanan kesehatan'],
    runs: { palembang: 'unsri', gorontalo: null, medan: null },
    targetUnits: ['pkm-plaju', 'pkm-selatan', 'pkm-dungingi', 'pkm-belawan', 'dinkes'],
    cohorts: [17, 8],
  },
  {
    key: 'etika',
    title: 'Pembinaan Karakter dan Etika Kerja ASN (BerAKHLAK)',
    category: 'ETHICS',
    format: 'SEMINAR',
    jp: 8,
    days: 1,
    capacity: 40,
    costPerParticipant: 300_000,
    competencies: ['Nilai dasar BerAKHLAK', 'Integritas'],
    runs: { binjai: null, medan: null },
    targetUnits: ['setda', 'inspektorat', 'bkpsdm', 'disdik'],
    cohorts: [12, 2],
  },
  {
    key: 'timbuilding',
    title: 'Team Building dan Soft Skill Kerja Sama Tim',
    category: 'SOFT_SKILLS',
    format: 'TEAM_BUILDING',
    jp: 12,
    days: 2,
    capacity: 30,
    costPerParticipant: 700_000,
    competencies: ['Kerja sama tim', 'Kepemimpinan'],
    runs: { medan: null },
    targetUnits: ['belawan', 'belawan1', 'bagandeli', 'sicanang'],
    cohorts: [10],
  },
  {
    key: 'elearning',
    title: 'E-Learning Literasi Digital ASN',
    category: 'IT',
    format: 'E_LEARNING',
    jp: 10,
    days: 30,
    capacity: 60,
    costPerParticipant: 0,
    competencies: ['Literasi digital'],
    runs: { medan: null, palembang: null, gorontalo: null, binjai: null },
    targetUnits: ['setda', 'bkpsdm', 'disdik', 'dinkes'],
    cohorts: [11, 1],
  },
  {
    key: 'magister',
    title: 'Program Magister Perencanaan Pembangunan Wilayah (Tugas Belajar)',
    category: 'DEGREE',
    format: 'DEGREE',
    jp: 120,
    days: 730,
    capacity: 5,
    costPerParticipant: 60_000_000,
    competencies: ['Perencanaan wilayah', 'Analisis kebijakan'],
    runs: { medan: 'usu', binjai: 'usu' },
    targetUnits: ['bappeda', 'belawan'],
    cohorts: [22],
  },
];

/** Partner institutions per agency (code, name, kind, city). */
export const DEMO_PARTNERS = [
  {
    code: 'usu',
    name: 'Universitas Sumatera Utara',
    kind: 'UNIVERSITY',
    city: 'Medan',
    agencies: ['medan', 'binjai'],
  },
  {
    code: 'unsri',
    name: 'Universitas Sriwijaya',
    kind: 'UNIVERSITY',
    city: 'Palembang',
    agencies: ['palembang'],
  },
  {
    code: 'ung',
    name: 'Universitas Negeri Gorontalo',
    kind: 'UNIVERSITY',
    city: 'Gorontalo',
    agencies: ['gorontalo'],
  },
] as const;
