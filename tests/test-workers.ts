import { availableParallelism } from 'node:os';

/** Test files run in this many workers, each with its own DynamoDB Local. */
export const TEST_WORKERS = Math.max(1, Math.min(3, availableParallelism()));
