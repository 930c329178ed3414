import { randomUUID } from 'node:crypto';
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { ApiClaims } from '../auth/token-claims';

const ALGORITHM = 'RS256';

/** A user pool id in Cognito's format (`<region>_<id>`); the verifier derives the issuer from it. */
export const STAND_IN_USER_POOL_ID = 'ap-southeast-3_LocalStandIn';
/** The app client of staff tokens (a partner's tokens carry its own client id, as in Cognito). */
export const STAND_IN_CLIENT_ID = 'local-stand-in-client';

/**
 * A stand-in for a Cognito user pool outside AWS, to run the deployed bundles and the Lambda
 * handler as they run in AWS (AUTH_MODE=cognito, verified by aws-jwt-verify): its own RS256 key,
 * the JWKS the API is given instead of fetching it (COGNITO_JWKS), and access tokens shaped as
 * Cognito issues them (issuer, `token_use`, `client_id`, `kid`).
 */
export interface CognitoStandIn {
  userPoolId: string;
  /** The app clients whose tokens the API accepts: the staff client, then partner clients. */
  clientIds: string[];
  /** The environment a function verifying this pool's tokens needs. */
  env: Record<'AUTH_MODE' | 'COGNITO_USER_POOL_ID' | 'COGNITO_CLIENT_IDS' | 'COGNITO_JWKS', string>;
  /** An access token for these claims (default lifetime one hour; `now` moves its issue time). */
  sign(claims: ApiClaims, options?: { now?: Date; lifetimeSeconds?: number }): Promise<string>;
}

/** A new stand-in pool with a fresh key pair; `partnerClientIds` are accepted beside the staff client. */
export async function createCognitoStandIn(
  options: { userPoolId?: string; partnerClientIds?: string[] } = {},
): Promise<CognitoStandIn> {
  const userPoolId = options.userPoolId ?? STAND_IN_USER_POOL_ID;
  const clientIds = [STAND_IN_CLIENT_ID, ...(options.partnerClientIds ?? [])];
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const kid = randomUUID();
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' }] };
  const region = userPoolId.split('_')[0];
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  return {
    userPoolId,
    clientIds,
    env: {
      AUTH_MODE: 'cognito',
      COGNITO_USER_POOL_ID: userPoolId,
      COGNITO_CLIENT_IDS: clientIds.join(','),
      COGNITO_JWKS: JSON.stringify(jwks),
    },
    async sign(claims, options = {}) {
      const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
      const clientId = claims.client_id ?? STAND_IN_CLIENT_ID;
      return new SignJWT({ ...claims, client_id: clientId, token_use: 'access', jti: randomUUID() })
        .setProtectedHeader({ alg: ALGORITHM, kid })
        .setIssuer(issuer)
        .setSubject(claims.sub ?? clientId)
        .setIssuedAt(now)
        .setExpirationTime(now + (options.lifetimeSeconds ?? 3600))
        .sign(privateKey as CryptoKey);
    },
  };
}
