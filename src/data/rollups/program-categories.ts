import { LRUCache } from 'lru-cache';
import type { ProgramCategoryOf } from '../../domain/analytics/facts';
import { trainingProgramEntity } from '../entities/training-program';
import type { Item, Table } from '../table';

/** Programs remembered per process: far more than an agency runs, a few MB at most. */
const MAX_PROGRAMS = 100_000;

const keyOf = (agencyId: string, programId: string) => `${agencyId}\u0000${programId}`;

/** The agency and program of an Enrollment image (undefined for any other item). */
function programOf(image: Item | undefined): { agencyId: string; programId: string } | undefined {
  if (image?.entity !== 'Enrollment') return undefined;
  const { agencyId, programId } = image;
  return typeof agencyId === 'string' && typeof programId === 'string' ? { agencyId, programId } : undefined;
}

/**
 * The categories of the programs of enrollments, for the stream aggregator's enrollment facts
 * (enrollment records do not carry them). A category never changes (not in
 * UpdateTrainingProgramInput, refused by the import), so an entry cached for the life of the
 * process never goes stale; programs are read with consistent reads, those of a change set in one
 * BatchGetItem. A program not found is not remembered (its enrollments count under `-`).
 */
export function createProgramCategories(table: Table) {
  const known = new LRUCache<string, string>({ max: MAX_PROGRAMS });
  return {
    /** Reads the programs of these images' enrollments that are not known yet. */
    async load(images: Iterable<Item | undefined>): Promise<void> {
      const missing = new Map<string, { agencyId: string; programId: string }>();
      for (const image of images) {
        const program = programOf(image);
        const key = program && keyOf(program.agencyId, program.programId);
        if (program && key && !known.has(key)) missing.set(key, program);
      }
      if (missing.size === 0) return;
      const found = await table.batchGet(
        [...missing.values()].map((p) => trainingProgramEntity.key(p.agencyId, p.programId)),
        { consistent: true },
      );
      for (const item of found.values()) {
        if (typeof item.agencyId === 'string' && typeof item.category === 'string')
          known.set(keyOf(item.agencyId, String(item.id)), item.category);
      }
    },
    /** The category of a program read before; undefined when it was not found. */
    of: ((agencyId, programId) => known.get(keyOf(agencyId, programId))) as ProgramCategoryOf,
  };
}

export type ProgramCategories = ReturnType<typeof createProgramCategories>;
