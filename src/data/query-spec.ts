import type { Condition } from './conditions';
import type { IndexName } from './table-definition';

/** A key condition on one partition of the table or of an index, with optional filters. */
export interface QuerySpec {
  index?: IndexName;
  partition: string;
  sortKey?: { beginsWith: string } | { between: [string, string] } | { gte: string } | { lte: string };
  filters?: Condition[];
  scanForward?: boolean;
  /** Strongly consistent (table queries only). */
  consistent?: boolean;
}
