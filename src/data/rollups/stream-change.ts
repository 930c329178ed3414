import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Item } from '../table';

/** One change of one item, as both Lambda's DynamoDB event and the Streams API deliver it. */
export interface StreamChange {
  /** Unique per change; a redelivered change has the same id. */
  eventId: string;
  /** When the change happened (approximate), for the rollups' freshness mark. */
  changedAt: Date | undefined;
  oldImage: Item | undefined;
  newImage: Item | undefined;
}

/** The parts of a stream record this code reads (Lambda event and Streams API records share them). */
export interface RawStreamRecord {
  eventID?: string | undefined;
  dynamodb?:
    | {
        ApproximateCreationDateTime?: number | Date | undefined;
        SequenceNumber?: string | undefined;
        Keys?: Record<string, unknown> | undefined;
        NewImage?: Record<string, unknown> | undefined;
        OldImage?: Record<string, unknown> | undefined;
      }
    | undefined;
}

/**
 * The Streams API client hands an empty map (`{ M: {} }`) over as `{}`, which unmarshall
 * rejects; read it as the empty map it was.
 */
function repairEmptyMaps(value: Record<string, unknown>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [name, attribute] of Object.entries(value)) {
    const a = attribute as Record<string, unknown>;
    if (Object.keys(a).length === 0) out[name] = { M: {} };
    else if (a.M) out[name] = { M: repairEmptyMaps(a.M as Record<string, unknown>) };
    else out[name] = a as unknown as AttributeValue;
  }
  return out;
}

const image = (raw: Record<string, unknown> | undefined): Item | undefined =>
  raw ? (unmarshall(repairEmptyMaps(raw)) as Item) : undefined;

/** Normalizes a stream record (Lambda seconds or Streams API Date timestamps). */
export function toStreamChange(record: RawStreamRecord): StreamChange {
  const eventId = record.eventID ?? record.dynamodb?.SequenceNumber;
  if (!eventId) throw new Error('Stream record without eventID or sequence number');
  // Every real stream record names its item; one that does not is corrupt and must be reported.
  if (!record.dynamodb?.Keys) throw new Error(`Stream record ${eventId} has no keys`);
  const at = record.dynamodb?.ApproximateCreationDateTime;
  return {
    eventId,
    changedAt: at === undefined ? undefined : at instanceof Date ? at : new Date(at * 1000),
    oldImage: image(record.dynamodb?.OldImage),
    newImage: image(record.dynamodb?.NewImage),
  };
}

/** The changes of the records that parse, for reading ahead (a record that does not fails when applied). */
export function parsableChanges(records: readonly RawStreamRecord[]): StreamChange[] {
  return records.flatMap((record) => {
    try {
      return [toStreamChange(record)];
    } catch {
      return [];
    }
  });
}
