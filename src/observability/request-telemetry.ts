/**
 * What one API request did, gathered while it runs: the edge opens it (runWithTelemetry), the
 * GraphQL plugin adds the operation, its outcome and the request's read budget (whose count of
 * DynamoDB calls is the request's own), and the edge reports it at the end (a log line; metrics
 * and trace annotations in AWS). A scoped value (scoped-value.ts) carries it, so concurrent requests of the
 * local server never mix.
 */
import { scopedValue } from './scoped-value';

/** The record of one request. */
export interface RequestTelemetry {
  /** Set when the request's context is created (every GraphQL request has one). */
  requestId?: string | undefined;
  /** `performance.now()` when the request arrived. */
  readonly startedAt: number;
  /** Set when the request reached the GraphQL server (its context was created): only those are reported. */
  graphql: boolean;
  /** The operation's name as the client wrote it (undefined for an anonymous one). */
  operationName?: string | undefined;
  /** `query` or `mutation` (undefined when the request failed before an operation was chosen). */
  operationType?: string | undefined;
  /** sha256 hex of the document text (Apollo's query hash, the persisted-document id). */
  documentHash?: string | undefined;
  /** Distinct `extensions.code` values of the errors answered. */
  errorCodes: Set<string>;
  /** The request's read budget (src/data/read-budget.ts): it counts the DynamoDB calls sent for it. */
  reads?: { readonly calls: number } | undefined;
  /** Groups returned by `aggregate` fields. */
  aggregateGroups: number;
  /** Pages of `partnerEnrollments` answered. */
  partnerSyncPages: number;
}

const storage = scopedValue<RequestTelemetry>();

/** A fresh record for a request that arrives now. */
export function newTelemetry(): RequestTelemetry {
  return {
    startedAt: performance.now(),
    graphql: false,
    errorCodes: new Set(),
    aggregateGroups: 0,
    partnerSyncPages: 0,
  };
}

/** Runs `work` with `telemetry` as the current record (of everything `work` awaits, too). */
export function runWithTelemetry<T>(telemetry: RequestTelemetry, work: () => Promise<T>): Promise<T> {
  return storage.run(telemetry, work);
}

/** The record of the request this code runs for; undefined outside one (seeding, stream jobs). */
export function currentTelemetry(): RequestTelemetry | undefined {
  return storage.get();
}
