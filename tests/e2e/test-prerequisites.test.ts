import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** A PATH holding node, npm and sh (npm runs scripts with it) and nothing else: no `java` to be found. */
function pathWithoutJava(): string {
  const bin = mkdtempSync(join(tmpdir(), 'asn-bare-path-'));
  symlinkSync(process.execPath, join(bin, 'node'));
  symlinkSync('/bin/sh', join(bin, 'sh'));
  const npm = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  symlinkSync(realpathSync(npm), join(bin, 'npm'));
  return bin;
}

/** Runs `npm test` (its pretest step stops it first) or the check alone, in `env`. */
function run(command: 'npm test' | 'check', env: NodeJS.ProcessEnv) {
  const [file, args] =
    command === 'npm test'
      ? [join(env.PATH as string, 'npm'), ['test']]
      : [process.execPath, ['--import', 'tsx', 'scripts/check-test-prerequisites.ts']];
  const out = spawnSync(file, args, { env, encoding: 'utf8', timeout: 120_000 });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

const baseEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.DYNAMODB_ENDPOINT;
  delete env.CHROMIUM_PATH;
  return env;
};

describe('npm test on a machine without Java or Chromium', () => {
  it('stops before anything else with one line naming both and how to get them, exit 1', () => {
    const out = run('npm test', {
      ...baseEnv(),
      PATH: pathWithoutJava(),
      CHROMIUM_PATH: '/nowhere/chromium',
    });
    expect(out.status).toBe(1);
    const lines = out.stderr.split('\n').filter((line) => line.startsWith('npm test needs'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      'Java 17+ for DynamoDB Local (not found; sudo apt-get install openjdk-17-jre-headless',
    );
    expect(lines[0]).toContain(
      'Chromium for the browser tests (none at /nowhere/chromium; sudo apt-get install chromium',
    );
    expect(lines[0]).toContain('CHROMIUM_PATH');
    // Nothing of the suite ran: not codegen, not tsc, not vitest.
    expect(`${out.stdout}${out.stderr}`).not.toMatch(/graphql-codegen|tsc --noEmit|vitest/);
  });

  it('asks only for Chromium when Java is there', () => {
    const out = run('check', { ...baseEnv(), CHROMIUM_PATH: '/nowhere/chromium' });
    expect(out.status).toBe(1);
    expect(out.stderr.trim()).toBe(
      'npm test needs Chromium for the browser tests (none at /nowhere/chromium; sudo apt-get install chromium, ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary).',
    );
  });

  it('does not ask for Java when DYNAMODB_ENDPOINT names a DynamoDB, nor accept a directory as Chromium', () => {
    const out = run('check', {
      ...baseEnv(),
      PATH: pathWithoutJava(),
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      CHROMIUM_PATH: tmpdir(),
    });
    expect(out.status).toBe(1);
    expect(out.stderr).not.toContain('Java');
    expect(out.stderr).toContain(`none at ${tmpdir()}`);
  });

  it('passes silently on this machine, which has both', () => {
    expect(run('check', baseEnv())).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});
