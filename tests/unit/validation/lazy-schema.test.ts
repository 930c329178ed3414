import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { lazySchema } from '../../../src/validation/lazy-schema';

/** The .ts files under `dir`, recursively, without the generated ones. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('lazySchema', () => {
  it('builds the schema on its first call only, and returns the same one after', () => {
    let builds = 0;
    const Name = lazySchema(() => {
      builds += 1;
      return z.string().min(2);
    });
    expect(builds).toBe(0);
    const first = Name();
    expect(Name()).toBe(first);
    expect(builds).toBe(1);
    expect(first.safeParse('x').success).toBe(false);
  });

  it('declares every module-level zod schema of the API (nothing built at import, issue 17)', () => {
    const eager = ['src', 'resolvers']
      .flatMap(sourceFiles)
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ file, line: i + 1, text: line }))
          .filter(({ text }) => /^(export )?const \w+\s*=\s*(z\b|optional\()/.test(text)),
      )
      .map(({ file, line }) => `${file}:${line}`);
    expect(eager).toEqual([]);
  });
});
