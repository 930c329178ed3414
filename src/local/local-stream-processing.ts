import type { Deps } from '../composition/create-deps';
import { createRollupAggregator } from '../data/rollups/apply-changes';
import { rebuildRollups } from '../data/rollups/rebuild-rollups';
import { markRollupLayout, rollupLayoutIsCurrent } from '../data/rollups/rollup-layout';
import { createStreamPoller } from '../data/rollups/stream-poller';
import { isUnavailable } from '../data/unavailable';
import { ServiceUnavailableError } from '../errors/app-error';
import { markOverdueComplaints } from '../services/overdue-complaints';
import { quietDuringOutages } from './database-watch';

const SWEEP_EVERY_MS = 60_000;

/**
 * What Lambda and EventBridge do in AWS, for `npm start`: the stream aggregator fed by a poller
 * over DynamoDB Local's stream, and the overdue-complaint sweep. On the first start (or after
 * seeding) the stream so far is skipped and the rollups are rebuilt from the base items, as they
 * are on a table whose rollups predate the current layout; later starts resume from the stream
 * checkpoints.
 */
export async function startLocalStreamProcessing(
  deps: Deps,
  options: {
    rebuild: boolean;
    seededWithRollups: boolean;
    /** The table's stream (ensureStream's answer). */
    streamArn: string;
    say: (message: string) => void;
  },
) {
  const aggregator = createRollupAggregator(deps.table, deps.clock);
  // While DynamoDB is down the poll fails every half second: the database watch says it once.
  const logger = quietDuringOutages(deps.logger);
  const poller = createStreamPoller({
    client: deps.dynamo.client,
    streamArn: options.streamArn,
    table: deps.table,
    aggregator,
    timeouts: deps.config.dynamoTimeouts,
    onError: (error) => logger.error('Stream aggregation failed; retrying', { error: error as Error }),
  });
  /** What this start must do, decided once (a retried preparation must not decide again). */
  const decide = async () => {
    const positioned = await poller.positioned();
    // Seeding an empty table writes its rollups itself, under the current layout.
    if (options.seededWithRollups) await markRollupLayout(deps.table);
    // Otherwise rebuild when the stream was never followed, or the rollups predate the layout.
    const outdated = !options.seededWithRollups && !(await rollupLayoutIsCurrent(deps.table));
    return {
      skip: options.rebuild || outdated || !positioned,
      rebuild: options.rebuild || outdated || (!positioned && !options.seededWithRollups),
    };
  };
  let plan: Awaited<ReturnType<typeof decide>> | undefined;
  const prepare = async () => {
    plan ??= await decide();
    if (plan.skip) await poller.skipToEnd();
    if (plan.rebuild) {
      const rebuilt = await rebuildRollups(deps.table, deps.clock());
      options.say(
        `dashboard rollups built from ${rebuilt.baseItems} items (${rebuilt.rollupItems} rollup items)`,
      );
    }
  };
  // A DynamoDB Local just started on a busy machine can miss a call's time limit: each step is
  // safe to run again, so the preparation is retried under a job's budget rather than ending npm start.
  await deps.table.retries.forJob(() =>
    deps.table.retries.retry(prepare, {
      retryable: (error) => isUnavailable(error) || error instanceof ServiceUnavailableError,
    }),
  );
  const sweep = async () => {
    try {
      await markOverdueComplaints(deps.repositories, deps.clock());
    } catch (error) {
      logger.error('Overdue-complaint sweep failed', { error: error as Error });
    }
  };
  // One sweep at a time: a tick while one is under way (a slow or failing database) is skipped.
  let sweeping: Promise<void> | undefined;
  const sweepOnce = () => {
    sweeping ??= sweep().finally(() => {
      sweeping = undefined;
    });
  };
  // The first sweep runs beside the start rather than before it (a query per agency on a JVM
  // still cold: 0.3 s of a warm start); a stop waits for the one under way.
  sweepOnce();
  const timer = setInterval(sweepOnce, SWEEP_EVERY_MS);
  poller.start(500);
  return {
    poller,
    async stop() {
      clearInterval(timer);
      await sweeping;
      await poller.stop();
    },
  };
}
