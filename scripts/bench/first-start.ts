/**
 * Benchmark of `npm start` (DESIGN.md, benchmark contract): `firstStartSeconds`, from spawning
 * `npm start` on a fresh DATA_DIR until `/health` reports ready (200: demo data and rollups
 * written, the stream followed), and `warmStartSeconds`, the same on that now existing DATA_DIR.
 * Each start runs its own DynamoDB Local under the data dir, as a new user's does; each is
 * stopped with SIGINT (Ctrl-C) before the next.
 *
 * Run directly: `npx tsx scripts/bench/first-start.ts [runs]`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../../src/local/dynamodb-local';
import { median, round as roundTo } from './statistics';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * One `npm start` until `/health` answers 200: seconds, the seconds until the API first answered
 * at all (`/health` 503 `loading` while the demo data is written), and what it printed.
 */
export async function timeStart(
  dataDir: string,
  patienceMs = 600_000,
): Promise<{ seconds: number; answerSeconds: number; output: string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'WARN' };
  delete env.DYNAMODB_ENDPOINT;
  // As a new user runs it (the bench itself runs the API as deployed, NODE_ENV=production).
  delete env.NODE_ENV;
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  let answered: number | undefined;
  try {
    const deadline = started + patienceMs;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
      const status = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 0) answered ??= performance.now();
      if (status === 200) {
        const seconds = (performance.now() - started) / 1000;
        return { seconds, answerSeconds: ((answered ?? started) - started) / 1000, output };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`npm start was not ready within ${patienceMs / 1000} s:\n${output}`);
  } finally {
    await stop(child);
  }
}

/** Ctrl-C to the whole process group (npm, tsx, the server, its DynamoDB Local), then its exit. */
function stop(child: ChildProcess): Promise<void> {
  const group = -(child.pid as number);
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const killer = setTimeout(() => signal(group, 'SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    signal(group, 'SIGINT');
  });
}

/** Signals a process group that may have gone already. */
function signal(group: number, name: NodeJS.Signals): void {
  try {
    process.kill(group, name);
  } catch {
    // Gone already.
  }
}

/**
 * Median first and warm starts: rounds of a fresh data dir started once (first) and then
 * `warmStarts` times more (warm; 3, and 1 in a quick run), repeated while `budgetMs` leaves room
 * for another round (at least one).
 */
export async function measureFirstStart(
  budgetMs = 0,
  warmStarts = 3,
): Promise<{
  firstStartSeconds: number;
  firstAnswerSeconds: number;
  warmStartSeconds: number;
}> {
  const first: number[] = [];
  const firstAnswer: number[] = [];
  const warm: number[] = [];
  const started = performance.now();
  let round = 0;
  do {
    const roundStarted = performance.now();
    const dataDir = mkdtempSync(join(PROJECT_ROOT, '.bench-start-'));
    try {
      const start = await timeStart(dataDir);
      first.push(start.seconds);
      firstAnswer.push(start.answerSeconds);
      for (let again = 0; again < warmStarts; again += 1) warm.push((await timeStart(dataDir)).seconds);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    round = performance.now() - roundStarted;
  } while (performance.now() - started + round <= budgetMs);
  return {
    firstStartSeconds: roundTo(median(first), 1),
    firstAnswerSeconds: roundTo(median(firstAnswer), 1),
    warmStartSeconds: roundTo(median(warm), 1),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dataDir = mkdtempSync(join(PROJECT_ROOT, '.bench-start-'));
  try {
    for (const kind of ['first', 'warm', 'warm']) {
      const { seconds, answerSeconds, output } = await timeStart(dataDir);
      console.log(`${kind} start: ${seconds.toFixed(2)} s (answering after ${answerSeconds.toFixed(2)} s)`);
      console.log(
        output
          .split('\n')
          .filter((l) => l.startsWith('[start]'))
          .join('\n'),
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
