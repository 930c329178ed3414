import type { Caller } from './caller';

/**
 * Verifies a bearer token and says who the caller is. Implementations: the local dev issuer
 * (jose, `npm start` and tests) and Cognito (aws-jwt-verify, production). Both throw
 * UnauthenticatedError for a missing, expired, forged or otherwise invalid token.
 */
export interface TokenVerifier {
  verify(token: string): Promise<Caller>;
}
