import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { UnauthenticatedError } from '../errors/app-error';
import { type ApiClaims, callerFromClaims } from './token-claims';
import type { TokenVerifier } from './token-verifier';

/**
 * Production verification with aws-jwt-verify: Cognito user-pool access tokens (staff) and
 * client-credentials tokens of partner app clients, signature checked against the pool's JWKS
 * (cached after the first fetch), issuer, expiry, token use and client id.
 */
export function createCognitoVerifier(userPoolId: string, clientIds: string[]): TokenVerifier {
  const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'access', clientId: clientIds });
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
