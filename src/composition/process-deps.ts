import { Logger } from '@aws-lambda-powertools/logger';
import { monotonicFactory } from 'ulid';
import type { Config } from '../config/load-config';

/** The entry points, by the name they log under (`pembinaan-asn-<name>`). */
export type EntryPoint =
  | 'api'
  | 'aggregator'
  | 'complaint-sweeper'
  | 'pre-token-generation'
  | 'webhook-fan-out'
  | 'webhook-dispatcher'
  | 'import'
  | 'script';

/** What every process has, whatever it does: its configuration, logger, clock and ids. */
export interface ProcessDeps {
  config: Config;
  logger: Logger;
  clock: () => Date;
  newId: () => string;
}

/** Tests and scripts replace these; entry points keep the defaults. */
export interface ProcessOptions {
  clock?: () => Date;
  newId?: () => string;
  logger?: Logger;
}

/**
 * The first stage of the composition root (createDeps builds on it). An entry point that touches
 * no data takes only this: the pre-token trigger, on Cognito's sign-in path, stays a small bundle.
 */
export function createProcessDeps(
  config: Config,
  entryPoint: EntryPoint,
  options: ProcessOptions = {},
): ProcessDeps {
  return {
    config,
    logger:
      options.logger ?? new Logger({ serviceName: `pembinaan-asn-${entryPoint}`, logLevel: config.logLevel }),
    clock: options.clock ?? (() => new Date()),
    newId: options.newId ?? monotonicFactory(),
  };
}
