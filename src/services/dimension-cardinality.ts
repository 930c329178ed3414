import { LRUCache } from 'lru-cache';
import type { OrganizationRepository } from '../data/repositories/organization-repository';
import type { TrainingRepository } from '../data/repositories/training-repository';
import type { RollupRepository } from '../data/rollups/rollup-reader';
import { cardinalityOf, type DimensionCardinality } from '../domain/analytics/max-groups';

/** How long an agency's counts are reused: units and programs change slowly, and a bound may lag. */
const CACHE_MS = 60_000;

/**
 * The number of values of each aggregate dimension in an agency, and the months its rollups
 * span: what the operation cost needs to bound an `aggregate` before it runs. Counted with a
 * few small queries and kept briefly per agency (one lookup in flight per agency at a time).
 */
export function createDimensionCardinality(deps: {
  rollups: RollupRepository;
  organization: OrganizationRepository;
  training: TrainingRepository;
}) {
  const cache = new LRUCache<string, Promise<DimensionCardinality>>({ max: 1_000, ttl: CACHE_MS });
  const count = async (agencyId: string): Promise<DimensionCardinality> => {
    const [units, programs, partners, months] = await Promise.all([
      deps.organization.allUnits(agencyId),
      deps.training.listPrograms(agencyId, {}, { first: 0 }).then((c) => c.totalCount()),
      deps.training.listPartners(agencyId, { first: 0 }).then((c) => c.totalCount()),
      deps.rollups.months(agencyId),
    ]);
    return {
      values: cardinalityOf({
        units: units.length,
        regions: new Set(units.map((u) => u.region.code)).size,
        programs,
        partners,
      }),
      firstMonth: months.first,
      lastMonth: months.last,
    };
  };
  return {
    /** The agency's counts, from the cache when fresh. */
    of(agencyId: string): Promise<DimensionCardinality> {
      let counted = cache.get(agencyId);
      if (!counted) {
        counted = count(agencyId);
        // A failed count is not remembered: the next request tries again.
        counted.catch(() => cache.delete(agencyId));
        cache.set(agencyId, counted);
      }
      return counted;
    },
  };
}

export type DimensionCardinalityService = ReturnType<typeof createDimensionCardinality>;
