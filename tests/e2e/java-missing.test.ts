import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start without Java', () => {
  it('explains what to install (or DYNAMODB_ENDPOINT) and exits 1', () => {
    // A PATH with node and nothing else, so `java` cannot be found.
    const bin = mkdtempSync(join(tmpdir(), 'asn-nojava-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: bin, DATA_DIR: join(bin, 'data'), PORT: '0' };
    delete env.DYNAMODB_ENDPOINT;
    // What `npm start` runs (scripts/start.mjs builds scripts/dev.ts and runs it with plain node).
    const out = spawnSync(process.execPath, ['scripts/start.mjs'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('Java was not found');
    expect(out.stderr).toMatch(/apt-get install openjdk-17-jre-headless/);
    expect(out.stderr).toContain('DYNAMODB_ENDPOINT');
  });
});
