import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

/** A seeded random source, so demo data is the same on every machine. */
export interface Random {
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** A deterministic generator (xoroshiro128+) from a seed. */
export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  const int = (min: number, max: number) => unsafeUniformIntDistribution(min, max, rng);
  return {
    int,
    pick: (items) => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (probability) => int(0, 9999) < probability * 10000,
  };
}
