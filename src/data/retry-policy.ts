import { scopedValue } from '../observability/scoped-value';

/** How long retries may go on: per GraphQL request, and per run of a system job. */
export interface RetryBudgets {
  /** Milliseconds from a request's start after which no retry begins (`REQUEST_RETRY_BUDGET_MS`). */
  requestMs: number;
  /** The same for one run of a system job: a stream batch, a sweep, a seed (`JOB_RETRY_BUDGET_MS`). */
  jobMs: number;
}

export interface RetryPolicyOptions {
  budgets: RetryBudgets;
  /** Waits between attempts; tests pass one that moves a fake clock instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** Epoch milliseconds; tests pass a fake clock. */
  now?: () => number;
  /** In [0, 1): the jitter. */
  random?: () => number;
  /** Backoff of the first retry, doubled at each further retry of the same budget up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** When to try again and what to throw once the budget is spent. */
export interface RetryWhen {
  retryable: (error: unknown) => boolean;
  /** The error for the caller when no retry is left (default: the last error as it is). */
  exhausted?: (last: unknown) => Error;
}

/**
 * One budget per request or job run, shared by every retry loop nested inside it (the SDK's own
 * retries included). `retries` counts them all, so the backoff of an inner loop continues where
 * the outer one stopped instead of starting over: nested loops add up, they never multiply.
 */
interface Budget {
  deadline: number;
  retries: number;
  /**
   * Set once a database call of the request (or job run) failed as unavailable after its budgeted
   * retries (`giveUp`): its further calls fail at once instead of each waiting out its timeout.
   */
  spent: boolean;
}

/** The cause of a call refused unsent because its request's retry budget is spent. */
export class RetryBudgetSpentError extends Error {
  constructor() {
    super('The retry budget of this request is spent: the call was not sent');
    this.name = 'RetryBudgetSpentError';
  }
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one retry policy: jittered exponential backoff under a bounded total budget. The budget is
 * carried by a scoped value (one AsyncLocalStorage for all, observability/scoped-value.ts), set where a request starts (`forRequest`, wrapped around Apollo's
 * request handling in `createServer`) or a system job starts (`forJob`), so repositories and the
 * SDK find it without every call passing it along. A loop started outside any budget gets a
 * request-sized one of its own, shared by the loops nested in it.
 */
export function createRetryPolicy(options: RetryPolicyOptions) {
  const { budgets } = options;
  const sleep = options.sleep ?? sleepFor;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const baseDelayMs = options.baseDelayMs ?? 10;
  const maxDelayMs = options.maxDelayMs ?? 400;
  const current = scopedValue<Budget>();
  const budgetOf = (ms: number): Budget => ({ deadline: now() + ms, retries: 0, spent: false });

  const delayAfter = (retries: number) => {
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** retries);
    // Equal jitter: never a busy loop, and concurrent losers of one race spread out.
    return ceiling / 2 + (random() * ceiling) / 2;
  };

  /**
   * Waits before the next retry of the current budget; false (without waiting) when it is spent.
   * Outside any budget (a script calling the SDK directly) it waits by `ownRetries` and allows it:
   * the caller bounds its own attempts then.
   */
  async function pause(ownRetries = 0): Promise<boolean> {
    const budget = current.get();
    if (!budget) {
      await sleep(delayAfter(ownRetries));
      return true;
    }
    if (budget.spent) return false;
    const delay = delayAfter(budget.retries);
    if (now() + delay > budget.deadline) return false;
    budget.retries += 1;
    await sleep(delay);
    return true;
  }

  async function loop<T>(attempt: (n: number) => Promise<T>, when: RetryWhen): Promise<T> {
    for (let n = 0; ; n += 1) {
      try {
        return await attempt(n);
      } catch (error) {
        if (!when.retryable(error)) throw error;
        if (!(await pause())) throw when.exhausted?.(error) ?? error;
      }
    }
  }

  return {
    /** Runs a GraphQL request under a fresh request budget (a nested call keeps the outer one). */
    forRequest<T>(run: () => Promise<T>): Promise<T> {
      return current.get() ? run() : current.run(budgetOf(budgets.requestMs), run);
    },

    /** Runs one system job (stream poll, sweep, seed, rebuild) under a budget of its own (a nested call keeps the outer one). */
    forJob<T>(run: () => Promise<T>): Promise<T> {
      return current.get() ? run() : current.run(budgetOf(budgets.jobMs), run);
    },

    /**
     * Calls `attempt` until it succeeds, throws what `when` does not retry, or the budget is
     * spent (then `when.exhausted` of the last error). `attempt` receives its number from 0.
     */
    retry<T>(attempt: (n: number) => Promise<T>, when: RetryWhen): Promise<T> {
      if (current.get()) return loop(attempt, when);
      return current.run(budgetOf(budgets.requestMs), () => loop(attempt, when));
    },

    /** For the SDK's retry strategy: waits like a retry of the current budget; false when none is left. */
    pause,

    /**
     * The current request or job run gives up on the database: a call failed as unavailable
     * after the retries its budget allowed (`Table`). A loop that merely ran out of time waiting
     * for something else (an index catching up, a race) does not give up the database.
     */
    giveUp(): void {
      const budget = current.get();
      if (budget) budget.spent = true;
    },

    /**
     * Whether the current request or job run gave up on the database: the table then sends none
     * of its further calls, and no retry waits, so a request against a stalled table ends within
     * its budget and the attempts in flight, however many calls it would still make.
     */
    spent(): boolean {
      return current.get()?.spent ?? false;
    },
  };
}

export type RetryPolicy = ReturnType<typeof createRetryPolicy>;
