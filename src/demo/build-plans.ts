import { commitToBudget, programCost } from '../domain/budget';
import { jakartaDateOf } from '../domain/calendar-date';
import type { DevelopmentPlan, PlanCommitment, PlanSpending } from '../domain/development-plan';
import type { TrainingProgram } from '../domain/training';
import { type DemoOrganization, demoUnitId } from './build-organization';
import type { DemoTraining } from './build-training';
import { demoUlid } from './demo-ids';

/**
 * The plans story: plans as created (nothing committed yet), the commitments made when each was
 * created and the spending recorded since. Replaying it through the plan write builders
 * (`replay-records.ts`) yields the budget counters, id lists and program links.
 */
export interface DemoPlans {
  plans: DevelopmentPlan[];
  commitments: PlanCommitment[];
  spendings: PlanSpending[];
  /** The Binjai story: a program refused for lack of budget, and by how much. */
  refused: { planId: string; programId: string; shortfall: number }[];
}

const GOALS = [
  'Meningkatkan kompetensi teknis dan manajerial ASN sesuai kebutuhan pelayanan',
  'Seluruh ASN memenuhi paling sedikit 20 JP pengembangan kompetensi setahun',
  'Memperkuat pemanfaatan teknologi informasi dalam pelayanan publik',
  'Membina karakter, etika kerja dan integritas ASN (BerAKHLAK)',
];
const SEEDED_BY = 'demo-seed';
const MILLION = 1_000_000;

/**
 * A Rencana Pembinaan of every agency for the previous year (CLOSED) and the current one
 * (APPROVED), owned by the head of the BKPSDM, with the year's programs committed at full
 * capacity and spending for what already ran. Binjai's current plan is nearly fully
 * committed: its most expensive remaining program is refused for lack of budget (article 003).
 * Binjai's Dinas Pendidikan also drafts its own unit plan under its kepala dinas. `training`
 * holds the programs as stored (their seats taken decide what was paid).
 */
export function buildDemoPlans(
  now: Date,
  org: DemoOrganization,
  training: Pick<DemoTraining, 'programs'>,
): DemoPlans {
  const thisYear = Number(jakartaDateOf(now.getTime()).slice(0, 4));
  const out: DemoPlans = { plans: [], commitments: [], spendings: [], refused: [] };
  let serial = 900_000;
  for (const agency of org.agencies) {
    const bkpsdm = org.units.find((u) => u.id === demoUnitId(agency.id, 'bkpsdm'));
    if (!bkpsdm?.headEmployeeId) continue;
    for (const year of [thisYear - 1, thisYear]) {
      const created = new Date(Date.UTC(year - 1, 10, 15, 2));
      serial += 1;
      const programs = training.programs
        .filter(
          (p) => p.agencyId === agency.id && p.startDate.startsWith(String(year)) && p.status !== 'CANCELLED',
        )
        .sort((a, b) => a.startDate.localeCompare(b.startDate));
      const costOf = (p: TrainingProgram) =>
        programCost({ costPerParticipant: p.costPerParticipant, participants: p.capacity });
      const shortfallStory = agency.id === 'binjai' && year === thisYear && programs.length > 1;
      const refusedProgram = shortfallStory
        ? programs.reduce((max, p) => (costOf(p) > costOf(max) ? p : max))
        : undefined;
      const committed = programs.filter((p) => p !== refusedProgram);
      const total = committed.reduce((sum, p) => sum + costOf(p), 0);
      const margin = refusedProgram
        ? Math.floor(Math.min(costOf(refusedProgram) * 0.4, total * 0.05) / 100_000) * 100_000
        : Math.ceil((total * 0.12) / MILLION) * MILLION + 25 * MILLION;
      const plan: DevelopmentPlan = {
        agencyId: agency.id,
        id: demoUlid(created, serial),
        version: year < thisYear ? 3 : 2,
        createdAt: created.toISOString(),
        updatedAt: created.toISOString(),
        title: `Rencana Pembinaan ASN ${agency.name.replace('Pemerintah ', '')} ${year}`,
        description: `Rencana pengembangan kompetensi ASN tahun ${year}, disusun BKPSDM bersama perangkat daerah.`,
        year,
        scope: 'AGENCY',
        ownerId: bkpsdm.headEmployeeId,
        goals: GOALS,
        status: year < thisYear ? 'CLOSED' : 'APPROVED',
        planned: total + margin,
        committed: 0,
        spent: 0,
        remaining: total + margin,
        unspent: 0,
        programIds: [],
      };
      for (const program of committed) commit(out, plan, program, costOf(program), now);
      if (refusedProgram) {
        const refusal = commitToBudget(
          { planned: plan.planned, committed: total, spent: 0 },
          costOf(refusedProgram),
        );
        if (!refusal.ok && 'shortfall' in refusal) {
          out.refused.push({ planId: plan.id, programId: refusedProgram.id, shortfall: refusal.shortfall });
          plan.description = `${plan.description} ${refusedProgram.title} belum dapat didanai: anggaran kurang Rp${refusal.shortfall.toLocaleString('id-ID')}.`;
        }
      }
      out.plans.push(plan);
    }
  }
  const disdik = org.units.find((u) => u.id === demoUnitId('binjai', 'disdik'));
  if (disdik?.headEmployeeId) {
    const created = new Date(Date.UTC(thisYear, 0, 20, 2));
    out.plans.push({
      agencyId: 'binjai',
      id: demoUlid(created, serial + 1),
      version: 1,
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
      title: `Rencana Pembinaan ASN Dinas Pendidikan Kota Binjai ${thisYear}`,
      description: 'Disusun kepala dinas: pembinaan karakter, etika kerja dan workshop teknologi informasi.',
      year: thisYear,
      scope: 'UNIT',
      unitId: disdik.id,
      ownerId: disdik.headEmployeeId,
      goals: [GOALS[2] ?? '', GOALS[3] ?? ''],
      status: 'DRAFT',
      planned: 150 * MILLION,
      committed: 0,
      spent: 0,
      remaining: 150 * MILLION,
      unspent: 0,
      programIds: [],
    });
  }
  return out;
}

/** Commits a program to a plan at its creation (as addProgramToPlan would) and pays for what already ran. */
function commit(out: DemoPlans, plan: DevelopmentPlan, program: TrainingProgram, amount: number, now: Date) {
  const at = plan.createdAt;
  out.commitments.push({
    agencyId: plan.agencyId,
    id: program.id,
    version: 1,
    createdAt: at,
    updatedAt: at,
    planId: plan.id,
    programId: program.id,
    participants: program.capacity,
    amount,
    committedBy: SEEDED_BY,
  });
  const paid = program.status === 'OPEN' ? 0 : program.costPerParticipant * program.seatsTaken;
  if (paid <= 0) return;
  const paidAt = new Date(`${program.endDate}T03:00:00.000Z`);
  const recordedAt = (paidAt < now ? paidAt : now).toISOString();
  out.spendings.push({
    agencyId: plan.agencyId,
    id: demoUlid(new Date(recordedAt), out.spendings.length + 950_000),
    version: 1,
    createdAt: recordedAt,
    updatedAt: recordedAt,
    planId: plan.id,
    amount: paid,
    note: `Pembayaran penyelenggaraan ${program.title} (${program.seatsTaken} peserta)`,
    recordedBy: SEEDED_BY,
  });
}
