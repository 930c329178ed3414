import { type RunningDynamoDb, startDynamoDbLocal } from './dynamodb-local';

/** Restarts of DynamoDB Local one `npm start` makes before it gives up. */
export const MAX_DYNAMODB_RESTARTS = 3;

export interface DynamoDbSupervisorOptions {
  /** The data directory it was started on (restarts keep the data); unset: in memory. */
  dataDir?: string | undefined;
  maxRestarts?: number;
  /** One line per event: it died, it is back. */
  say: (line: string) => void;
  /** Called once when it died and could not be brought back: the caller stops (exit 1). */
  giveUp: (message: string) => void;
  /** Restart it with QUICK_START_JVM_OPTIONS (as npm start starts it). */
  quickStart?: boolean;
  /** Starts it again (tests may count); default `startDynamoDbLocal`. */
  start?: typeof startDynamoDbLocal;
}

/** How a process ended, for a person. */
const ending = ({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }) =>
  signal ? `was killed (${signal})` : `exited (code ${code})`;

/**
 * Watches the DynamoDB Local that `npm start` runs. When it dies, says so in one line and starts
 * it again on the same port and data directory, so every client keeps its endpoint and the
 * server serves again without a restart; after `maxRestarts` restarts (or when one fails), it
 * gives up with a clear message. A stall (a paused process) is no death: requests get
 * SERVICE_UNAVAILABLE and `/health` 503 until it answers again (see database-watch.ts).
 */
export function superviseDynamoDbLocal(first: RunningDynamoDb, options: DynamoDbSupervisorOptions) {
  const maxRestarts = options.maxRestarts ?? MAX_DYNAMODB_RESTARTS;
  const start = options.start ?? startDynamoDbLocal;
  let current = first;
  let restarts = 0;
  let stopped = false;
  let restarting: Promise<void> = Promise.resolve();

  async function restart(died: RunningDynamoDb, how: string) {
    if (restarts >= maxRestarts) {
      options.giveUp(
        `DynamoDB Local ${how} after ${restarts} restart${restarts === 1 ? '' : 's'}; giving up. ` +
          'Check the disk and memory, and the files under the data directory, then run `npm start` again.',
      );
      return;
    }
    restarts += 1;
    options.say(
      `DynamoDB Local ${how}; restarting it on port ${died.port} with the same data (restart ${restarts} of ${maxRestarts})`,
    );
    try {
      current = await start({ dataDir: options.dataDir, port: died.port, quickStart: options.quickStart });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      await restart(died, `could not be restarted (${reason})`);
      return;
    }
    if (stopped) {
      await current.stop();
      return;
    }
    options.say(`DynamoDB Local is back on ${current.endpoint}`);
    watch(current);
  }

  function watch(running: RunningDynamoDb) {
    void running.exited.then((exit) => {
      // Ctrl-C in a terminal interrupts the whole process group: the JVM (exit 130) stops with us.
      const interrupted = exit.signal === 'SIGINT' || exit.code === 130;
      if (stopped || running.stopping || interrupted) return;
      restarting = restart(running, ending(exit));
    });
  }

  watch(first);
  return {
    /** The process running now. */
    get current() {
      return current;
    },
    get restarts() {
      return restarts;
    },
    /** Settles once a restart under way (if any) has finished. */
    settled: () => restarting,
    async stop() {
      stopped = true;
      await restarting;
      await current.stop();
    },
  };
}

export type DynamoDbSupervisor = ReturnType<typeof superviseDynamoDbLocal>;
