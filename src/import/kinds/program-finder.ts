import { trainingProgramEntity } from '../../data/entities/training-program';
import type { Table } from '../../data/table';
import type { ProgramRef } from '../../domain/onboarding/kinds/enrollments';
import type { CellIssue } from '../../domain/onboarding/row-check';
import type { TrainingProgram } from '../../domain/training';

type Found =
  | { ok: true; program: TrainingProgram; field: string; value: string }
  | { ok: false; issue: CellIssue };

const titleKey = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Finds the program a row names: by code, or by exact title (SIASN's Nama Kursus), with the
 * course date choosing among programs of the same title; two matches refuse the row.
 */
export function createProgramFinder() {
  const byId = new Map<string, TrainingProgram>();
  const byCode = new Map<string, TrainingProgram>();
  const byTitle = new Map<string, TrainingProgram[]>();
  return {
    load(programs: TrainingProgram[]) {
      for (const p of programs) {
        byId.set(p.id, p);
        if (p.code) byCode.set(p.code.toUpperCase(), p);
        byTitle.set(titleKey(p.title), [...(byTitle.get(titleKey(p.title)) ?? []), p]);
      }
    },
    byId: (id: string) => byId.get(id),
    /** The program as stored now (its capacity conditions the seats a write takes). */
    async latest(table: Table, agencyId: string, id: string): Promise<TrainingProgram | undefined> {
      const item = await table.get(trainingProgramEntity.key(agencyId, id));
      return item ? trainingProgramEntity.fromItem(item) : undefined;
    },
    find(ref: ProgramRef): Found {
      if (ref.code) {
        const program = byCode.get(ref.code.toUpperCase());
        return program
          ? { ok: true, program, field: 'programCode', value: ref.code }
          : {
              ok: false,
              issue: {
                field: 'programCode',
                value: ref.code,
                reason: 'is not the code of a program of this agency',
              },
            };
      }
      const title = ref.title ?? '';
      let matches = byTitle.get(titleKey(title)) ?? [];
      if (ref.startDate) matches = matches.filter((p) => p.startDate === ref.startDate);
      if (matches.length === 1 && matches[0])
        return { ok: true, program: matches[0], field: 'programTitle', value: title };
      const reason = matches.length
        ? `matches ${matches.length} programs (${matches.map((p) => p.code ?? p.startDate).join(', ')}); give Kode Program or Tanggal Kursus`
        : `is not the title of a program of this agency${ref.startDate ? ' starting on that date' : ''}`;
      return { ok: false, issue: { field: 'programTitle', value: title, reason } };
    },
  };
}
