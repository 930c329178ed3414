import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Item } from '../../src/data/item';
import { Table } from '../../src/data/table';
import type { Write } from '../../src/data/write';

/**
 * What `Table.transact` throws when DynamoDB cancels the transaction of `writes` because the
 * conditions at the given positions failed, each with the item as stored (undefined: absent).
 * Offline: a fake client answers every call with that cancellation, as DynamoDB would.
 */
export async function refusalOf(writes: Write[], failed: Record<number, Item | undefined>): Promise<unknown> {
  const reasons = writes.map((_, i) =>
    i in failed
      ? {
          Code: 'ConditionalCheckFailed',
          ...(failed[i] ? { Item: marshall(failed[i], { removeUndefinedValues: true }) } : {}),
        }
      : { Code: 'None' },
  );
  const doc = {
    send: async () => {
      throw new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: reasons,
      });
    },
  } as unknown as DynamoDBDocumentClient;
  try {
    await new Table(doc, 'offline').transact(writes);
  } catch (error) {
    return error;
  }
  throw new Error('the transaction was not refused');
}

/** The wire extensions and message of an error (what a client would see), and whether it kept its cause. */
export function seenAs(error: unknown) {
  const e = error as {
    message: string;
    extensions?: Record<string, unknown>;
    originalError?: unknown;
    cause?: unknown;
  };
  return { message: e.message, extensions: e.extensions, causeKept: Boolean(e.originalError ?? e.cause) };
}
