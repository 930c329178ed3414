import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollupLayoutIsCurrent } from '../../src/data/rollups/rollup-layout';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { startLocalStreamProcessing } from '../../src/local/local-stream-processing';
import { expectedRollups, expectSame, scan, storedRollups } from '../helpers/rollup-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';

const NOW = new Date('2026-11-01T03:00:00.000Z');
let app: TestApp;
let streamArn: string;
/** Calls of these commands that fail as a timed-out call would, before going out. */
const failing = new Map<string, number>();
const failed: string[] = [];

beforeAll(async () => {
  app = await createTestApp({ clock: () => NOW });
  await seedDemoData(app.deps.table, NOW, 'organization', { agencies: ['binjai'] });
  streamArn = await app.enableStream();
  app.deps.dynamo.client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName);
      const left = failing.get(name) ?? 0;
      if (left > 0) {
        failing.set(name, left - 1);
        failed.push(name);
        throw Object.assign(new Error('a request has exceeded the configured requestTimeout'), {
          name: 'TimeoutError',
        });
      }
      return next(args);
    },
    { step: 'initialize', name: 'start-fault-injection' },
  );
});
afterAll(() => app.close());

describe("npm start's stream processing on a database slow to answer", () => {
  it('retries its preparation instead of ending the start, and still rebuilds the rollups once', async () => {
    // The rebuild's scan times out twice: the preparation runs a second and a third time.
    failing.set('ScanCommand', 2);
    const said: string[] = [];
    const streams = await startLocalStreamProcessing(app.deps, {
      rebuild: true,
      seededWithRollups: false,
      streamArn,
      say: (line) => said.push(line),
    });
    await streams.stop();
    expect(failed).toEqual(['ScanCommand', 'ScanCommand']);
    expect(said.filter((line) => line.startsWith('dashboard rollups built from'))).toHaveLength(1);
    expect(await rollupLayoutIsCurrent(app.deps.table)).toBe(true);
    const items = await scan(app.deps.table);
    expectSame(storedRollups(items), expectedRollups(items));
  });

  it('still fails a start whose error is not a passing one', async () => {
    app.deps.dynamo.client.middlewareStack.add(
      (_next, context) => async () => {
        throw Object.assign(new Error(`refused ${String(context.commandName)}`), {
          name: 'AccessDeniedException',
        });
      },
      { step: 'initialize', name: 'start-denied' },
    );
    await expect(
      startLocalStreamProcessing(app.deps, {
        rebuild: true,
        seededWithRollups: false,
        streamArn,
        say: () => undefined,
      }),
    ).rejects.toThrow(/refused/);
    app.deps.dynamo.client.middlewareStack.remove('start-denied');
  });
});
