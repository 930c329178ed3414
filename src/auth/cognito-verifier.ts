import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { assertIsJwks, assertIsSignatureJwk } from 'aws-jwt-verify/jwk';
import { safeJsonParse } from 'aws-jwt-verify/safe-json-parse';
import { UnauthenticatedError } from '../errors/app-error';
import { type ApiClaims, callerFromClaims } from './token-claims';
import type { TokenVerifier } from './token-verifier';

/** The user pool and app clients whose access tokens are accepted. */
export interface CognitoVerifierOptions {
  userPoolId: string;
  clientIds: string[];
  /** The pool's public keys to start with, as JSON (COGNITO_JWKS); unknown key ids are still fetched. */
  jwksJson?: string | undefined;
}

/**
 * Production verification with aws-jwt-verify: Cognito user-pool access tokens (staff) and
 * client-credentials tokens of partner app clients, signature checked against the pool's JWKS
 * (cached after the first fetch), issuer, expiry, token use and client id.
 */
export function createCognitoVerifier(options: CognitoVerifierOptions): TokenVerifier {
  const { userPoolId, clientIds, jwksJson } = options;
  const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'access', clientId: clientIds });
  if (jwksJson) {
    // A malformed key set fails the cold start here, not every request later.
    const jwks = safeJsonParse(jwksJson);
    assertIsJwks(jwks);
    for (const key of jwks.keys) assertIsSignatureJwk(key);
    verifier.cacheJwks(jwks);
  }
  return {
    async verify(token) {
      let claims: ApiClaims;
      try {
        claims = (await verifier.verify(token)) as unknown as ApiClaims;
      } catch {
        throw new UnauthenticatedError('Token is invalid or expired');
      }
      return callerFromClaims(claims);
    },
  };
}
