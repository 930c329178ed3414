import { GraphQLError } from 'graphql';
import type { FieldIssue } from '../domain/validation-issues';
import { ErrorCode } from './error-code';

export type { FieldIssue };

/** Base of every error the API returns on purpose; sets `extensions.code`. */
export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}, cause?: unknown) {
    super(message, {
      extensions: { code, ...extensions },
      originalError: cause instanceof Error ? cause : undefined,
    });
    this.name = 'AppError';
  }
}

/** Invalid input: names the field path and the reason; carries every issue found. */
export class BadUserInputError extends AppError {
  constructor(issues: FieldIssue[], cause?: unknown) {
    const [first] = issues;
    super(
      first ? `${first.field}: ${first.reason}` : 'Invalid input',
      ErrorCode.BAD_USER_INPUT,
      { field: first?.field, reason: first?.reason, issues },
      cause,
    );
  }

  /** One field, one reason (and what showed it, e.g. a refused write). */
  static of(field: string, reason: string, cause?: unknown): BadUserInputError {
    return new BadUserInputError([{ field, reason }], cause);
  }
}

/** No credentials, or credentials that could not be verified. */
export class UnauthenticatedError extends AppError {
  constructor(reason = 'A valid bearer token is required') {
    super(reason, ErrorCode.UNAUTHENTICATED);
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends AppError {
  constructor(reason = 'You are not allowed to do this') {
    super(reason, ErrorCode.FORBIDDEN);
  }
}

/** The object does not exist (or is not visible to the caller). */
export class NotFoundError extends AppError {
  constructor(type: string, id: string, cause?: unknown) {
    super(`${type} ${id} was not found`, ErrorCode.NOT_FOUND, { type, id }, cause);
  }
}

/** A write lost a race or broke a uniqueness rule; nothing was changed. */
export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}, cause?: unknown) {
    super(message, ErrorCode.CONFLICT, extensions, cause);
  }
}

/** Too many requests; retry after the given number of seconds. */
export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(`Too many requests; retry after ${retryAfterSeconds} s`, ErrorCode.RATE_LIMITED, {
      retryAfterSeconds,
    });
  }
}

/** The operation exceeds a depth, cost or size limit; `limit` names it (README "Security"). */
export class QueryTooComplexError extends AppError {
  constructor(reason: string, limit?: { limit: string; maximum: number; [key: string]: unknown }) {
    super(reason, ErrorCode.QUERY_TOO_COMPLEX, limit ?? {});
  }
}

/**
 * The database was unavailable (timed out, throttled or busy) for longer than the request's retry
 * budget. A transaction either committed or wrote nothing, so retrying later is safe.
 */
export class ServiceUnavailableError extends AppError {
  constructor(retryAfterSeconds: number, cause?: unknown, message?: string) {
    super(
      message ?? `The service is temporarily unavailable; retry after ${retryAfterSeconds} s`,
      ErrorCode.SERVICE_UNAVAILABLE,
      { retryAfterSeconds },
      cause,
    );
  }
}

export { UnreachableCaseError } from '../domain/unreachable-case';
