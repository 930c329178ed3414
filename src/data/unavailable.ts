/** SDK error names that mean the database did not answer in time or refused for load. */
const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);

/** Node socket errors of an endpoint that is down or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * Whether an error of a DynamoDB call means "unavailable, try later" (a timeout, throttling, a
 * 5xx, a refused connection) rather than a fault of the request or of our code.
 */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const details = error as Error & { code?: unknown; $metadata?: { httpStatusCode?: number } };
  if (UNAVAILABLE_NAMES.has(error.name)) return true;
  if (typeof details.code === 'string' && NETWORK_CODES.has(details.code)) return true;
  return (details.$metadata?.httpStatusCode ?? 0) >= 500;
}
