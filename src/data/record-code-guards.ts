import { ConflictError } from '../errors/app-error';
import { uniqueValueItem, uniqueValueKey } from './entities/unique-value';
import { ConditionFailedError, type Table, type WriteOp } from './table';

/** A record whose `code` is kept unique in its agency by a guard item (units, programs). */
export interface CodedRecord {
  agencyId: string;
  id: string;
  code?: string | undefined;
}

/**
 * The guard writes of a code change, for the same transaction as the record's own write: the new
 * code claimed (its guard must not exist) and the old one released (only while it is still this
 * record's). Nothing when the code stays. `claimIndex` is the claim's position in the result.
 */
export function codeGuardOps(
  table: Table,
  guardKind: string,
  before: CodedRecord | undefined,
  after: CodedRecord,
): { ops: WriteOp[]; claimIndex: number | undefined } {
  if (before?.code === after.code) return { ops: [], claimIndex: undefined };
  const ops: WriteOp[] = [];
  let claimIndex: number | undefined;
  if (after.code) {
    claimIndex = ops.length;
    ops.push({
      Put: {
        TableName: table.name,
        Item: uniqueValueItem(after.agencyId, guardKind, after.code, after.id),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  if (before?.code)
    ops.push({
      Delete: {
        TableName: table.name,
        Key: uniqueValueKey(before.agencyId, guardKind, before.code),
        ConditionExpression: 'attribute_not_exists(pk) OR ownerId = :owner',
        ExpressionAttributeValues: { ':owner': before.id },
      },
    });
  return { ops, claimIndex };
}

/**
 * Runs a write with its code guards in one transaction; a taken code is a CONFLICT on
 * `input.code` (the record is not written), other failed conditions are rethrown as they are.
 */
export async function transactWithCode(
  table: Table,
  recordOps: WriteOp[],
  guardKind: string,
  before: CodedRecord | undefined,
  after: CodedRecord,
  label: string,
): Promise<void> {
  const guards = codeGuardOps(table, guardKind, before, after);
  try {
    await table.transactWrite([...recordOps, ...guards.ops]);
  } catch (error) {
    throw codeConflictOf(error, recordOps.length, guards.claimIndex, after, label);
  }
}

/** The CONFLICT of a taken code when the failed condition was the claim at `offset + claimIndex`. */
export function codeConflictOf(
  error: unknown,
  offset: number,
  claimIndex: number | undefined,
  record: CodedRecord,
  label: string,
): unknown {
  if (
    error instanceof ConditionFailedError &&
    claimIndex !== undefined &&
    error.failed.includes(offset + claimIndex)
  )
    return new ConflictError(
      `${label} code ${record.code} is already used in this agency`,
      { field: 'input.code' },
      error,
    );
  return error;
}
