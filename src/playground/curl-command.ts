/** The current operation as a `curl` command a developer can paste into a POSIX shell. */

/** What the command sends: the endpoint, the request headers and the GraphQL request body. */
export interface CurlRequest {
  /** Absolute URL of the GraphQL endpoint. */
  url: string;
  headers: Record<string, string>;
  query: string;
  variables?: Record<string, unknown> | undefined;
  operationName?: string | undefined;
}

/** A single-quoted shell word: everything literal, a `'` closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * `curl <url> -H ... --data-raw <json>`, one option per line. The JSON body has the operation,
 * its variables and operation name; `content-type: application/json` unless a header sets it.
 */
export function curlCommand(request: CurlRequest): string {
  const hasContentType = Object.keys(request.headers).some((name) => name.toLowerCase() === 'content-type');
  const headers = hasContentType
    ? request.headers
    : { 'content-type': 'application/json', ...request.headers };
  const body = JSON.stringify({
    query: request.query,
    ...(request.variables && Object.keys(request.variables).length > 0
      ? { variables: request.variables }
      : {}),
    ...(request.operationName ? { operationName: request.operationName } : {}),
  });
  const parts = [
    `curl ${shellQuote(request.url)}`,
    ...Object.entries(headers).map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`),
    `--data-raw ${shellQuote(body)}`,
  ];
  return parts.join(' \\\n  ');
}

/**
 * Parses the text of the headers or variables editor: `{}` when empty, an error message when it
 * is not a JSON object (or, for headers, has a value that is not a string).
 */
export function parseEditorJson(
  text: string | undefined,
  what: 'headers' | 'variables',
): Record<string, unknown> | string {
  if (!text?.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `The ${what} are not valid JSON`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `The ${what} must be a JSON object`;
  }
  if (what === 'headers' && Object.values(value).some((v) => typeof v !== 'string')) {
    return 'Every header value must be a string';
  }
  return value as Record<string, unknown>;
}
