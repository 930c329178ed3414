import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '@aws-lambda-powertools/logger';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

/** Codes Apollo itself assigns that are safe to return as they are (request problems, not internals). */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** graphql-js's suggestions (` Did you mean "employees"?`), which spell out the schema. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** The parser's refusal of a document past `maxTokens` (graphql-js 16 spells it "more that"). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/**
 * The one place errors reach the wire: our AppErrors pass with their code; Apollo's request
 * errors pass (variable errors gain the `field` path); anything else is logged in full and
 * returned as a masked INTERNAL_SERVER_ERROR without message, stack or AWS detail. With
 * `hideSchemaHints` (production) no message suggests field, argument, type or enum value names:
 * validation, variable coercion and enum errors alike.
 */
export function createErrorFormatter(logger: Logger, options: { hideSchemaHints?: boolean } = {}) {
  const format = formatterOf(logger);
  if (!options.hideSchemaHints) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = format(formatted, error);
    const reason = out.extensions?.reason;
    return {
      ...out,
      message: out.message.replace(SUGGESTION, ''),
      ...(typeof reason === 'string'
        ? { extensions: { ...out.extensions, reason: reason.replace(SUGGESTION, '') } }
        : {}),
    };
  };
}

function formatterOf(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const app = findAppError(original);
    if (app) {
      // `http` sets the response status (Apollo reads it first); it is not for the body.
      const { http: _http, ...extensions } = app.extensions;
      return {
        message: app.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions,
      };
    }
    const tokens = TOO_MANY_TOKENS.exec(formatted.message);
    if (tokens) {
      return {
        message: `The document has more than ${tokens[1]} tokens: send a smaller operation.`,
        extensions: {
          code: ErrorCode.QUERY_TOO_COMPLEX,
          limit: 'QUERY_MAX_TOKENS',
          maximum: Number(tokens[1]),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (
      typeof code === 'string' &&
      APOLLO_REQUEST_CODES.has(code) &&
      !isResolverFailure(original, formatted)
    ) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      const field = code === 'BAD_USER_INPUT' ? variableField(formatted.message) : undefined;
      return {
        ...formatted,
        extensions: field ? { ...extensions, field, reason: formatted.message } : extensions,
      };
    }
    logger.error('Unexpected error', {
      error: original instanceof Error ? original : String(original),
      path: formatted.path,
    });
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

function findAppError(error: unknown): AppError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof AppError) return current;
    current = current instanceof GraphQLError ? current.originalError : undefined;
  }
  return undefined;
}

/** A resolver that threw a plain error has a path; such errors are never passed through. */
function isResolverFailure(original: unknown, formatted: GraphQLFormattedError): boolean {
  return Boolean(formatted.path) && !(original instanceof GraphQLError);
}

/** `Variable "$input" got invalid value ... at "input.golongan"; ...` -> `input.golongan`. */
function variableField(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message);
  if (at?.[1]) return at[1];
  const variable = /^Variable "\$([^"]+)"/.exec(message);
  return variable?.[1];
}
