/** Largest request body accepted (1 MiB); larger ones get 413, in AWS and locally alike. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request as a host hands it to the edge: read, header names in lower case. */
export interface EdgeRequest {
  method: string;
  /** The route's path, without stage prefix or query string: `/graphql`, `/playground/app.js`. */
  path: string;
  /** The query string (GET operations), with or without the leading `?`. */
  search: string;
  headers: Record<string, string | undefined>;
  /** The body as text; undefined when there is none. */
  body: string | undefined;
  /** Set by a host that stopped reading a body longer than MAX_BODY_BYTES. */
  bodyTooLarge?: boolean;
  requestId: string;
  sourceIp: string | undefined;
}

/** What the edge answers; hosts encode the body as their transport needs. */
export interface EdgeResponse {
  status: number;
  headers: Record<string, string>;
  /** Text, or the bytes of a file. */
  body: string | Buffer;
}

/** One route of the edge: an exact path, or every path under a prefix written `/prefix/*`. */
export interface EdgeRoute {
  path: string;
  /** The methods it answers (HEAD comes with GET); `*` hands every method to the route. */
  methods: readonly string[];
  /** `rest` is what follows the prefix of a `/*` route (empty for an exact one). */
  handle(request: EdgeRequest, rest: string): Promise<EdgeResponse>;
}

/** A plain-text (or empty) response. */
export function text(status: number, body: string, headers: Record<string, string> = {}): EdgeResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

/** A JSON response. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): EdgeResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

/** 304 when the client's copy (If-None-Match) is current, else undefined. */
export function notModified(request: EdgeRequest, etag: string, headers: Record<string, string>) {
  const given = request.headers['if-none-match'];
  if (!given) return undefined;
  const current = given.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
  return current ? { status: 304, headers: { ...headers, etag }, body: '' } : undefined;
}
