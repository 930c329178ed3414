import type { Item } from '../data/item';
import { createWriteFold } from '../data/write-fold';
import { addDays, jakartaDateOf } from '../domain/calendar-date';
import { complaintDeadlines, yearsCountedFrom } from '../domain/complaint-deadlines';
import {
  type Feedback,
  type FeedbackChannel,
  type FeedbackContact,
  type FeedbackKind,
  isComplaintKind,
  storedDeadlines,
} from '../domain/feedback';
import { workCalendarOf } from '../domain/holiday-calendar';
import type { SurveyAnswer, SurveyAnswers } from '../domain/ikm';
import { SHIPPED_NATIONAL_CALENDARS } from '../domain/national-holidays';
import { demoUnitId } from './build-organization';
import { DEMO_MONTHS, PROGRAM_EFFECT_MONTH } from './build-performance';
import { createRandom, type Random } from './random';
import { replayFeedback } from './replay-records';

const HOUR_MS = 3_600_000;
const DAYS_PER_MONTH = 30;

/** IKM survey responses of a unit: how many a month, and the mean answer before and after the programs. */
interface SurveyPlan {
  agencyId: string;
  unitKey: string;
  services: readonly string[];
  perMonth: readonly [number, number];
  meanBefore: number;
  meanAfter: number;
}

// Puskesmas Plaju moves from band C (~71) to B (~83): article 001's rise in health-service satisfaction.
// Dinas Pendidikan Binjai goes the other way, B (~81) to C (~73): article 003's "review the method",
// and a unit `trainingNeeds` names for its fallen IKM band.
// biome-ignore format: one row per unit reads as a table
const SURVEYS: SurveyPlan[] = [
  { agencyId: 'palembang', unitKey: 'pkm-plaju', services: ['Poli Umum', 'Poli KIA', 'Pelayanan Obat'], perMonth: [4, 6], meanBefore: 2.85, meanAfter: 3.32 },
  { agencyId: 'palembang', unitKey: 'plaju', services: ['Pelayanan KTP', 'Surat Keterangan Domisili'], perMonth: [2, 3], meanBefore: 2.95, meanAfter: 3.2 },
  { agencyId: 'medan', unitKey: 'belawan', services: ['Pelayanan KTP', 'Kartu Keluarga', 'Surat Pindah'], perMonth: [2, 3], meanBefore: 2.7, meanAfter: 3.15 },
  { agencyId: 'medan', unitKey: 'pkm-belawan', services: ['Poli Umum'], perMonth: [1, 2], meanBefore: 2.9, meanAfter: 3.1 },
  { agencyId: 'gorontalo', unitKey: 'pkm-selatan', services: ['Pendaftaran', 'Poli Umum'], perMonth: [1, 3], meanBefore: 2.8, meanAfter: 3.25 },
  { agencyId: 'binjai', unitKey: 'dinkes', services: ['Perizinan Tenaga Kesehatan'], perMonth: [1, 2], meanBefore: 3.0, meanAfter: 3.3 },
  { agencyId: 'binjai', unitKey: 'disdik', services: ['Legalisir Ijazah'], perMonth: [1, 2], meanBefore: 3.25, meanAfter: 2.9 },
];

const SURVEY_REMARKS = [
  'Pelayanan sudah lebih cepat dari tahun lalu.',
  'Petugas ramah, tetapi antrean masih panjang.',
  'Ruang tunggu perlu kipas angin tambahan.',
  'Informasi persyaratan sudah jelas, terima kasih.',
];
const FORUM_INPUTS = [
  'Warga meminta jadwal pelayanan KTP keliling di kelurahan pesisir.',
  'Perlu papan informasi persyaratan dan biaya layanan di kantor camat.',
  'Nelayan Bagan Deli meminta surat keterangan usaha bisa diurus sore hari.',
  'Usul antrean memakai nomor dan pemberitahuan lewat SMS.',
  'Apresiasi: pengurusan kartu keluarga sekarang selesai dalam tiga hari.',
  'Warga minta alur pengaduan daring dijelaskan di forum berikutnya.',
];
const SLOW_SERVICE_COMPLAINTS = [
  ['Pelayanan KTP', 'KTP elektronik sudah dua minggu belum selesai dan tidak ada kabar.'],
  ['Pelayanan KTP', 'Antrean di kantor camat sangat lama, loket hanya dilayani satu petugas.'],
  ['Surat Pindah', 'Surat pindah belum bisa diambil padahal dijanjikan tiga hari.'],
  ['Kartu Keluarga', 'Berkas kartu keluarga saya hilang dan harus mengulang dari awal.'],
  ['Legalisir Dokumen', 'Sudah tiga kali datang untuk legalisir, selalu diminta kembali besok.'],
] as const;
const BOX_NOTES = [
  ['SUGGESTION', 'Toilet ruang tunggu perlu dibersihkan lebih sering.'],
  ['COMPLAINT', 'Obat sering habis di apotek puskesmas, harus beli di luar.'],
  ['SUGGESTION', 'Mohon jam buka poli gigi ditambah pada hari Sabtu.'],
  ['COMPLAINT', 'Petugas pendaftaran kurang sabar melayani lansia.'],
] as const;
const CONTACT_NAMES = ['Rahmat Siregar', 'Nur Aisyah', 'Tiurma Simanjuntak', 'Andi Lubis', 'Yusnani Harahap'];

/** One answer around `mean`, now and then a step off it (1–4). */
function answerNear(random: Random, mean: number): SurveyAnswer {
  const base = Math.floor(mean) + (random.chance(mean - Math.floor(mean)) ? 1 : 0);
  const value = random.chance(0.12) ? base + (random.chance(0.5) ? 1 : -1) : base;
  return Math.min(4, Math.max(1, value)) as SurveyAnswer;
}

/** How far the programs have taken a unit in month `t` (0 oldest … 23 newest): 0 before, 1 six months on. */
/** Deadlines as `submitFeedback` stores them: the shipped national calendars, no agency days. */
function demoDeadlines(kind: FeedbackKind, submittedAt: string) {
  if (!isComplaintKind(kind)) return {};
  const years = yearsCountedFrom(submittedAt).map((year) => ({
    year,
    national: SHIPPED_NATIONAL_CALENDARS[year]?.days,
    agency: [],
  }));
  return storedDeadlines(complaintDeadlines(kind, submittedAt, workCalendarOf(years)));
}

const progressAt = (t: number) => Math.min(1, Math.max(0, (t - PROGRAM_EFFECT_MONTH) / 6));

/** Demo feedback over the last 24 months, for `now` (deterministic): surveys, forums, complaints, box notes. */
export function buildDemoFeedback(now: Date): Feedback[] {
  const random = createRandom(20260505);
  const today = jakartaDateOf(now.getTime());
  const entries: Feedback[] = [];
  /** An instant `daysAgo` Jakarta days before today, during office hours (08–15 WIB). */
  const officeHours = (daysAgo: number) => {
    const hour = String(random.int(8, 15) - 7).padStart(2, '0');
    const minute = String(random.int(0, 59)).padStart(2, '0');
    return `${addDays(today, -daysAgo)}T${hour}:${minute}:00.000Z`;
  };
  /** A random day of month `t` (0 oldest … 23 newest), in days ago. */
  const dayOfMonth = (t: number) => (DEMO_MONTHS - 1 - t) * DAYS_PER_MONTH + random.int(1, DAYS_PER_MONTH);
  const later = (from: string, hours: number) => {
    const at = Date.parse(from) + hours * HOUR_MS;
    return at < now.getTime() ? new Date(at).toISOString() : undefined;
  };
  const contact = (): FeedbackContact => {
    const n = random.int(100, 999);
    return {
      name: random.pick(CONTACT_NAMES),
      email: `warga${n}@contoh.id`,
      phone: `0812${random.int(1000000, 9999999)}`,
    };
  };

  function add(
    base: {
      agencyId: string;
      unitKey: string;
      serviceName: string;
      channel: FeedbackChannel;
      kind: FeedbackKind;
    },
    submittedAt: string,
    extra: Partial<Feedback> = {},
  ) {
    const moderatedAt = extra.text ? later(submittedAt, 48) : undefined;
    const events = [extra.firstResponseAt, extra.resolvedAt, moderatedAt].filter((e) => e !== undefined);
    entries.push({
      agencyId: base.agencyId,
      id: `fb-${String(entries.length + 1).padStart(4, '0')}`,
      version: 1 + events.length,
      createdAt: submittedAt,
      updatedAt: events.sort().at(-1) ?? submittedAt,
      unitId: demoUnitId(base.agencyId, base.unitKey),
      serviceName: base.serviceName,
      channel: base.channel,
      kind: base.kind,
      submittedAt,
      moderationStatus: extra.text && !moderatedAt ? 'PENDING' : 'PUBLISHED',
      ...demoDeadlines(base.kind, submittedAt),
      ...extra,
    });
  }

  for (const plan of SURVEYS) {
    for (let t = 0; t < DEMO_MONTHS; t += 1) {
      const mean = plan.meanBefore + (plan.meanAfter - plan.meanBefore) * progressAt(t);
      for (let i = random.int(plan.perMonth[0], plan.perMonth[1]); i > 0; i -= 1) {
        const answers = Array.from({ length: 9 }, () => answerNear(random, mean)) as unknown as SurveyAnswers;
        const text = random.chance(0.1) ? random.pick(SURVEY_REMARKS) : undefined;
        const base = {
          ...plan,
          serviceName: random.pick(plan.services),
          channel: 'SURVEY',
          kind: 'SURVEY',
        } as const;
        add(base, officeHours(dayOfMonth(t)), { surveyAnswers: answers, text });
      }
    }
  }

  // Article 000: quarterly dialogue forums in Belawan.
  for (let t = 1; t < DEMO_MONTHS; t += 3) {
    const forum = { agencyId: 'medan', unitKey: 'belawan', serviceName: 'Pelayanan Administrasi Kecamatan' };
    add({ ...forum, channel: 'FORUM', kind: 'SUGGESTION' }, officeHours(dayOfMonth(t)), {
      text: random.pick(FORUM_INPUTS),
    });
  }

  // Article 004: online complaints about slow service in Belawan, fewer and handled faster after the programs.
  for (let t = 0; t < DEMO_MONTHS; t += 1) {
    const before = t < PROGRAM_EFFECT_MONTH;
    for (let i = random.int(before ? 3 : 1, before ? 4 : 2); i > 0; i -= 1) {
      const [serviceName, text] = random.pick(SLOW_SERVICE_COMPLAINTS);
      const submittedAt = officeHours(dayOfMonth(t));
      const firstResponseAt = later(submittedAt, before ? random.int(20, 140) : random.int(2, 40));
      const resolvedAt =
        firstResponseAt && later(firstResponseAt, before ? random.int(24, 230) : random.int(20, 100));
      add(
        { agencyId: 'medan', unitKey: 'belawan', serviceName, channel: 'ONLINE', kind: 'COMPLAINT' },
        submittedAt,
        {
          text,
          contact: random.chance(0.8) ? contact() : undefined,
          firstResponseAt,
          response: firstResponseAt ? 'Terima kasih atas laporannya; berkas sedang kami periksa.' : undefined,
          resolvedAt,
          resolution: resolvedAt ? 'Dokumen sudah selesai dan dapat diambil di loket pelayanan.' : undefined,
        },
      );
    }
  }
  // Open complaints: two well past their deadline (so the overdue list is not empty), three recent.
  for (const daysAgo of [41, 20, 5, 3, 1]) {
    const [serviceName, text] = random.pick(SLOW_SERVICE_COMPLAINTS);
    const submittedAt = officeHours(daysAgo);
    const firstResponseAt = daysAgo === 20 || daysAgo === 5 ? later(submittedAt, 20) : undefined;
    add(
      { agencyId: 'medan', unitKey: 'belawan', serviceName, channel: 'ONLINE', kind: 'COMPLAINT' },
      submittedAt,
      {
        text,
        contact: contact(),
        firstResponseAt,
        response: firstResponseAt ? 'Laporan diterima; petugas loket sedang menelusuri berkas.' : undefined,
      },
    );
  }
  add(
    {
      agencyId: 'medan',
      unitKey: 'belawan',
      serviceName: 'Pelayanan KTP',
      channel: 'ONLINE',
      kind: 'SUGGESTION',
    },
    officeHours(90),
    {
      text: 'Jual pulsa dan paket data murah, hubungi kami sekarang!',
      moderationStatus: 'HIDDEN',
    },
  );

  // Complaint boxes at the puskesmas; information requests in Plaju. Puskesmas Belawan's first
  // responses slow down in the second year (6 h, then 20 h): a rising response time for trainingNeeds.
  for (const [agencyId, unitKey] of [
    ['palembang', 'pkm-plaju'],
    ['medan', 'pkm-belawan'],
  ] as const) {
    for (let t = 0; t < DEMO_MONTHS; t += 2) {
      const [kind, text] = random.pick(BOX_NOTES);
      const submittedAt = officeHours(dayOfMonth(t));
      const resolvedAt = kind === 'COMPLAINT' ? later(submittedAt, random.int(24, 120)) : undefined;
      const firstResponseAt =
        kind === 'COMPLAINT' && unitKey === 'pkm-belawan'
          ? later(submittedAt, t < DEMO_MONTHS / 2 ? 6 : 20)
          : undefined;
      add(
        { agencyId, unitKey, serviceName: 'Pelayanan Puskesmas', channel: 'COMPLAINT_BOX', kind },
        submittedAt,
        {
          text,
          firstResponseAt,
          response: firstResponseAt ? 'Keluhan diterima kepala puskesmas.' : undefined,
          resolvedAt,
          resolution: resolvedAt ? 'Sudah ditindaklanjuti oleh kepala puskesmas.' : undefined,
        },
      );
    }
  }
  for (const daysAgo of [200, 95, 33, 2]) {
    const submittedAt = officeHours(daysAgo);
    const firstResponseAt = later(submittedAt, random.int(3, 30));
    const resolvedAt = firstResponseAt && later(submittedAt, random.int(31, 100));
    add(
      {
        agencyId: 'palembang',
        unitKey: 'plaju',
        serviceName: 'Akta Kelahiran',
        channel: 'ONLINE',
        kind: 'INFORMATION_REQUEST',
      },
      submittedAt,
      {
        text: 'Apa saja persyaratan membuat akta kelahiran untuk anak yang lahir di rumah?',
        contact: contact(),
        firstResponseAt,
        response: firstResponseAt ? 'Persyaratan: surat keterangan lahir, KK dan KTP orang tua.' : undefined,
        resolvedAt,
        resolution: resolvedAt ? 'Informasi lengkap dikirim melalui surel.' : undefined,
      },
    );
  }
  return entries;
}

/** The demo feedback as table items, through the write builders. */
export function demoFeedbackItems(now: Date): Item[] {
  const fold = createWriteFold();
  replayFeedback(fold, buildDemoFeedback(now));
  return fold.items();
}
