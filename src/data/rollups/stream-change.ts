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
        NewImage?: Record<string, unknown> | undefined;
        OldImage?: Record<string, unknown> | undefined;
      }
    | undefined;
}

const image = (raw: Record<string, unknown> | undefined): Item | undefined =>
  raw ? (unmarshall(raw as Record<string, AttributeValue>) as Item) : undefined;

/** Normalizes a stream record (Lambda seconds or Streams API Date timestamps). */
export function toStreamChange(record: RawStreamRecord): StreamChange {
  const eventId = record.eventID ?? record.dynamodb?.SequenceNumber;
  if (!eventId) throw new Error('Stream record without eventID or sequence number');
  const at = record.dynamodb?.ApproximateCreationDateTime;
  return {
    eventId,
    changedAt: at === undefined ? undefined : at instanceof Date ? at : new Date(at * 1000),
    oldImage: image(record.dynamodb?.OldImage),
    newImage: image(record.dynamodb?.NewImage),
  };
}
