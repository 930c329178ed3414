import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** `npm start` (scripts/start.mjs) on a fresh data directory with DEMO_AGENCIES set to `value`. */
function startWith(value: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'asn-demo-agencies-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', DEMO_AGENCIES: value };
  delete env.DYNAMODB_ENDPOINT;
  const out = spawnSync(process.execPath, ['scripts/start.mjs'], { env, encoding: 'utf8', timeout: 60_000 });
  return { ...out, dataDir };
}

describe('npm start with DEMO_AGENCIES naming no demo agency', () => {
  it.each([
    [
      'an unknown code',
      'medan,atlantis',
      /no demo agency "atlantis"; the demo has medan, palembang, gorontalo, binjai/,
    ],
    ['a malformed list', 'Medan, binjai', /DEMO_AGENCIES: must be a comma list of demo agency codes/],
  ])('refuses %s before starting DynamoDB Local, and exits 1', (_, value, message) => {
    const out = startWith(value);
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(message);
    // Nothing was started or written: no database directory.
    expect(existsSync(join(out.dataDir, 'dynamodb'))).toBe(false);
  });
});
