/**
 * Methods and headers browsers may use across origins: the preflight's answer, here and from API
 * Gateway in AWS (infra/constructs/api.ts declares its preflight with these). The Apollo header
 * lets a browser send GET operations through CSRF prevention.
 */
export const CORS_ALLOW_METHODS = ['GET', 'POST', 'OPTIONS'] as const;
export const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'apollo-require-preflight'] as const;
/** How long browsers cache a preflight answer. */
export const PREFLIGHT_MAX_AGE_SECONDS = 3600;

/** Which browser origins may read responses: CORS_ORIGINS, where `*` allows every origin. */
export interface CorsPolicy {
  /** Headers for a response to a request from `origin` (none when the origin is not allowed). */
  responseHeaders(origin: string | undefined): Record<string, string>;
  /** Headers of the answer to a preflight (`OPTIONS`) from `origin`. */
  preflightHeaders(origin: string | undefined): Record<string, string>;
}

/** The policy for the configured origins (dashboards); both hosts apply it to every response. */
export function createCorsPolicy(origins: readonly string[]): CorsPolicy {
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins);
  const responseHeaders = (origin: string | undefined): Record<string, string> => {
    if (anyOrigin) return { 'access-control-allow-origin': '*' };
    // The answer depends on Origin: caches must keep one copy per origin.
    const headers: Record<string, string> = { vary: 'Origin' };
    if (origin && allowed.has(origin)) headers['access-control-allow-origin'] = origin;
    return headers;
  };
  return {
    responseHeaders,
    preflightHeaders: (origin) => ({
      ...responseHeaders(origin),
      'access-control-allow-methods': CORS_ALLOW_METHODS.join(', '),
      'access-control-allow-headers': CORS_ALLOW_HEADERS.join(', '),
      'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
    }),
  };
}
