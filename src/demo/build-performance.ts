import type { Item } from '../data/item';
import { createWriteFold } from '../data/write-fold';
import { addDays, dateParts, jakartaDateOf } from '../domain/calendar-date';
import { achievementPercent, type Direction } from '../domain/indicator-achievement';
import {
  CADENCE_PERIOD_KIND,
  type IndicatorCadence,
  type Measurement,
  type PerformanceIndicator,
} from '../domain/performance-indicator';
import { periodsBetween } from '../domain/period';
import { roundHalfUp } from '../domain/round-half-up';
import { buildDemoOrganization, demoUnitId } from './build-organization';
import { createRandom, type Random } from './random';
import { replayPerformance } from './replay-records';

/** Months of history, and the month (counted from the oldest) when the programs start to show. */
export const DEMO_MONTHS = 24;
export const PROGRAM_EFFECT_MONTH = 10;

interface IndicatorPlan {
  agencyId: string;
  unitKey: string;
  code: string;
  name: string;
  description: string;
  unitOfMeasure: string;
  direction: Direction;
  baseline: number;
  target: number;
  cadence: IndicatorCadence;
  /** Where the values end up after the programs (some units improve less than planned). */
  reached: number;
  decimals: number;
  noise: number;
  /** Measures the unit's head instead of the unit. */
  ofUnitHead?: boolean;
}

const QUALITY = 'Indeks kualitas pelayanan';
const QUALITY_TEXT =
  'Nilai gabungan survei, waktu layanan dan pengaduan (skala 0–100), dipantau per triwulan.';

/** The indicators of the articles: Belawan (000, 004), Plaju (001), Gorontalo (002), Binjai (003). */
// biome-ignore format: one block per indicator reads as a table
const PLANS: IndicatorPlan[] = [
  {
    agencyId: 'medan', unitKey: 'belawan', code: 'IKU-BLW-01', cadence: 'MONTHLY',
    name: 'Waktu penyelesaian layanan administrasi kependudukan',
    description: 'Rata-rata hari kerja dari berkas lengkap diterima sampai dokumen selesai di Kantor Camat Medan Belawan.',
    unitOfMeasure: 'hari', direction: 'LOWER_IS_BETTER',
    baseline: 7, target: 3, reached: 3.4, decimals: 1, noise: 0.6,
  },
  {
    agencyId: 'medan', unitKey: 'belawan', code: 'IKU-BLW-02', cadence: 'MONTHLY',
    name: 'Waktu respons pengaduan masyarakat',
    description: 'Rata-rata jam dari pengaduan daring diterima sampai tanggapan pertama.',
    unitOfMeasure: 'jam', direction: 'LOWER_IS_BETTER',
    baseline: 72, target: 24, reached: 27, decimals: 1, noise: 6,
  },
  {
    agencyId: 'medan', unitKey: 'belawan', code: 'IKI-BLW-01', cadence: 'MONTHLY', ofUnitHead: true,
    name: 'Persentase berkas selesai tepat waktu',
    description: 'Indikator kinerja individu kepala unit: berkas selesai dalam standar pelayanan.',
    unitOfMeasure: '%', direction: 'HIGHER_IS_BETTER',
    baseline: 68, target: 95, reached: 92, decimals: 1, noise: 3,
  },
  {
    agencyId: 'palembang', unitKey: 'plaju', code: 'IKU-PLJ-01', cadence: 'MONTHLY',
    name: 'Waktu respons pengaduan masyarakat',
    description: 'Rata-rata jam sampai tanggapan pertama atas keluhan masyarakat di Kecamatan Plaju.',
    unitOfMeasure: 'jam', direction: 'LOWER_IS_BETTER',
    baseline: 96, target: 24, reached: 30, decimals: 1, noise: 8,
  },
  {
    agencyId: 'palembang', unitKey: 'pkm-plaju', code: 'IKU-PLJ-02', cadence: 'QUARTERLY',
    name: 'Indeks kepuasan masyarakat terhadap layanan kesehatan',
    description: 'Nilai IKM (PermenPANRB 14/2017) Puskesmas Plaju per triwulan.',
    unitOfMeasure: 'nilai IKM', direction: 'HIGHER_IS_BETTER',
    baseline: 71, target: 85, reached: 82.5, decimals: 2, noise: 1.2,
  },
  {
    agencyId: 'palembang', unitKey: 'plaju', code: 'IKU-PLJ-03', cadence: 'QUARTERLY',
    name: 'Partisipasi masyarakat dalam program pemerintah',
    description: 'Persentase warga sasaran yang ikut program (posyandu, vaksinasi, musrenbang kelurahan).',
    unitOfMeasure: '%', direction: 'HIGHER_IS_BETTER',
    baseline: 45, target: 75, reached: 68, decimals: 1, noise: 2.5,
  },
  {
    agencyId: 'gorontalo', unitKey: 'disdik', code: 'IKU-GTO-01', cadence: 'QUARTERLY',
    name: 'Ketepatan realisasi anggaran',
    description: 'Persentase realisasi anggaran Dinas Pendidikan sesuai rencana penarikan dana triwulan.',
    unitOfMeasure: '%', direction: 'HIGHER_IS_BETTER',
    baseline: 78, target: 95, reached: 93, decimals: 1, noise: 2,
  },
  {
    agencyId: 'gorontalo', unitKey: 'pkm-selatan', code: 'IKU-GTO-02', cadence: 'MONTHLY',
    name: 'Waktu tunggu pelayanan',
    description: 'Rata-rata menit dari pendaftaran sampai dilayani di poli.',
    unitOfMeasure: 'menit', direction: 'LOWER_IS_BETTER',
    baseline: 75, target: 30, reached: 34, decimals: 0, noise: 6,
  },
  {
    agencyId: 'binjai', unitKey: 'dinkes', code: 'IKU-BNJ-01', cadence: 'QUARTERLY',
    name: QUALITY,
    description: QUALITY_TEXT,
    unitOfMeasure: 'indeks', direction: 'HIGHER_IS_BETTER',
    baseline: 68, target: 85, reached: 83, decimals: 1, noise: 1.5,
  },
  {
    agencyId: 'binjai', unitKey: 'disdik', code: 'IKU-BNJ-02', cadence: 'QUARTERLY',
    name: QUALITY,
    description: QUALITY_TEXT,
    unitOfMeasure: 'indeks', direction: 'HIGHER_IS_BETTER',
    baseline: 66, target: 85, reached: 79, decimals: 1, noise: 1.5,
  },
  // Article 003: where quality does not improve after training, the method is reviewed.
  {
    agencyId: 'binjai', unitKey: 'kominfo', code: 'IKU-BNJ-03', cadence: 'QUARTERLY',
    name: QUALITY,
    description: QUALITY_TEXT,
    unitOfMeasure: 'indeks', direction: 'HIGHER_IS_BETTER',
    baseline: 70, target: 85, reached: 70.5, decimals: 1, noise: 1.5,
  },
  {
    agencyId: 'binjai', unitKey: 'bkpsdm', code: 'IKU-BNJ-04', cadence: 'YEARLY',
    name: 'Persentase ASN memenuhi 20 JP pengembangan kompetensi',
    description: 'ASN dengan paling sedikit 20 JP setahun (PP 17/2020).',
    unitOfMeasure: '%', direction: 'HIGHER_IS_BETTER',
    baseline: 52, target: 90, reached: 81, decimals: 1, noise: 1,
  },
];

/** The first day of the month `count` months before the month of `date`. */
function monthStartBefore(date: string, count: number): string {
  const { year, month } = dateParts(date);
  const index = year * 12 + (month - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Whole months from `from` to `to` (dates), by calendar month. */
function monthsBetween(from: string, to: string): number {
  const a = dateParts(from);
  const b = dateParts(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** A value on the plan's path: around the baseline, then moving to `reached` over ten months. */
function valueAt(plan: IndicatorPlan, month: number, random: Random): number {
  const progress = Math.min(1, Math.max(0, (month - PROGRAM_EFFECT_MONTH) / 10));
  const spread = Math.round(plan.noise * 100);
  const noise = random.int(-spread, spread) / 100;
  const value = plan.baseline + (plan.reached - plan.baseline) * progress + noise;
  return roundHalfUp(Math.max(0, value), plan.decimals);
}

/** Demo indicators and their measurements over the last 24 months, for `now` (deterministic). */
export function buildDemoPerformance(now: Date): {
  indicators: PerformanceIndicator[];
  measurements: Measurement[];
} {
  const random = createRandom(20260404);
  const organization = buildDemoOrganization(now);
  const today = jakartaDateOf(now.getTime());
  const firstMonth = monthStartBefore(today, DEMO_MONTHS);
  const createdAt = new Date(now.getTime() - 730 * 86_400_000).toISOString();
  const indicators: PerformanceIndicator[] = [];
  const measurements: Measurement[] = [];
  for (const [n, plan] of PLANS.entries()) {
    const unitId = demoUnitId(plan.agencyId, plan.unitKey);
    const headId = organization.units.find((u) => u.id === unitId)?.headEmployeeId;
    const employeeId = plan.ofUnitHead ? headId : undefined;
    const indicator: PerformanceIndicator = {
      agencyId: plan.agencyId,
      id: `ind-${String(n + 1).padStart(2, '0')}`,
      version: 1,
      createdAt,
      updatedAt: createdAt,
      code: plan.code,
      name: plan.name,
      description: plan.description,
      unitOfMeasure: plan.unitOfMeasure,
      direction: plan.direction,
      baseline: plan.baseline,
      target: plan.target,
      cadence: plan.cadence,
      scope: employeeId ? 'EMPLOYEE' : 'UNIT',
      scopeId: employeeId ?? unitId,
      unitId,
      employeeId,
      status: 'ACTIVE',
    };
    indicators.push(indicator);
    const kind = CADENCE_PERIOD_KIND[plan.cadence];
    for (const period of periodsBetween(firstMonth, today, kind).filter((p) => p.end < today)) {
      const recorded = new Date(`${addDays(period.end, 5)}T02:00:00.000Z`);
      const value = valueAt(plan, Math.max(0, monthsBetween(firstMonth, period.end)), random);
      measurements.push({
        agencyId: plan.agencyId,
        indicatorId: indicator.id,
        period: period.key,
        value,
        recordedAt: (recorded < now ? recorded : now).toISOString(),
        recordedBy: 'demo-seed',
        unitId,
        achievementPercent: achievementPercent({
          direction: plan.direction,
          target: plan.target,
          actual: value,
        }),
      });
    }
  }
  return { indicators, measurements };
}

/** The demo indicators (with their code guards) and measurements as table items, through the write builders. */
export function demoPerformanceItems(now: Date): Item[] {
  const fold = createWriteFold();
  replayPerformance(fold, buildDemoPerformance(now));
  return fold.items();
}
