import { OTHER_OPERATION, type Outcome } from './metric-catalog';
import type { RequestTelemetry } from './request-telemetry';

/** Codes that mean the server failed, not the request. */
const SERVER_FAULT_CODES = new Set(['INTERNAL_SERVER_ERROR']);

/** How a request ended, from its HTTP status and the codes of the errors answered. */
export function outcomeOf(status: number, errorCodes: ReadonlySet<string>): Outcome {
  if (status >= 500 || [...errorCodes].some((code) => SERVER_FAULT_CODES.has(code))) return 'server_error';
  if (status >= 400 || errorCodes.size > 0) return 'client_error';
  return 'ok';
}

/** Which operation names may become a metric dimension. */
export interface OperationDimensionPolicy {
  /** Whether a document (by sha256 hex) is a known client's (their persisted-document manifests). */
  isTrustedDocument(hash: string): boolean;
  /** Names allowed whatever the document (configuration: METRIC_OPERATIONS). */
  allowedNames: ReadonlySet<string>;
}

/**
 * The operation dimension of a request: its name when its document is a trusted one or its name
 * is allow-listed, `other` otherwise. Any client can name its operations freely: counting every
 * name would let one multiply the metrics (each dimension value is a new CloudWatch metric).
 */
export function operationDimension(
  telemetry: Pick<RequestTelemetry, 'operationName' | 'documentHash'>,
  policy: OperationDimensionPolicy,
): string {
  const name = telemetry.operationName;
  if (!name) return OTHER_OPERATION;
  if (telemetry.documentHash && policy.isTrustedDocument(telemetry.documentHash)) return name;
  return policy.allowedNames.has(name) ? name : OTHER_OPERATION;
}
