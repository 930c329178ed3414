import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import { type ApiClaims, callerFromClaims } from '../auth/token-claims';
import type { TokenVerifier } from '../auth/token-verifier';
import { UnauthenticatedError } from '../errors/app-error';

export const LOCAL_ISSUER = 'urn:pembinaan-asn:local-dev-issuer';
export const LOCAL_AUDIENCE = 'pembinaan-asn-api';
const ALGORITHM = 'ES256';

/** The dev issuer's key pair as JWKs (kept under DATA_DIR, never used in production). */
export interface LocalKeyPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

/** A new ES256 key pair for the dev issuer. */
export async function generateLocalKeyPair(): Promise<LocalKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  return { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
}

/** Signs tokens shaped like Cognito's, for `npm run token`, GraphiQL presets and tests. */
export async function signLocalToken(
  keys: LocalKeyPair,
  claims: ApiClaims,
  options: { expiresIn?: string; now?: Date; audience?: string } = {},
): Promise<string> {
  const key = await importJWK(keys.privateJwk, ALGORITHM);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ ...claims, token_use: 'access' })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(options.audience ?? LOCAL_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + durationSeconds(options.expiresIn ?? '8h'))
    .sign(key as CryptoKey);
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** `90s`, `15m`, `8h`, `30d` as seconds (relative to the token's own issue time). */
function durationSeconds(duration: string): number {
  const match = /^(\d+)([smhd])$/.exec(duration);
  if (!match) throw new Error(`Invalid token lifetime "${duration}" (use e.g. 15m, 8h, 30d)`);
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

/** Verifies dev-issuer tokens: ES256 only (no `alg: none`), issuer, audience and expiry checked. */
export function createLocalVerifier(publicJwk: JWK): TokenVerifier {
  const keyPromise = importJWK(publicJwk, ALGORITHM);
  return {
    async verify(token) {
      let claims: ApiClaims;
      try {
        const { payload } = await jwtVerify(token, await keyPromise, {
          algorithms: [ALGORITHM],
          issuer: LOCAL_ISSUER,
          audience: LOCAL_AUDIENCE,
          clockTolerance: 5,
        });
        claims = payload as ApiClaims;
      } catch {
        throw new UnauthenticatedError('Token is invalid or expired');
      }
      return callerFromClaims(claims);
    },
  };
}
