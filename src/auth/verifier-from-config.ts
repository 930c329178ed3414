import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { Config } from '../config/load-config';
import { readDevSecrets } from '../local/dev-secrets';
import { createCognitoVerifier } from './cognito-verifier';
import { createLocalVerifier } from './local-issuer';
import type { TokenVerifier } from './token-verifier';

/**
 * The token verifier and cursor secret an entry point runs with, as the configuration says.
 * In AWS the cursor secret comes from Secrets Manager (once per cold start).
 */
export async function authFromConfig(
  config: Config,
): Promise<{ verifier: TokenVerifier; cursorSecret: string }> {
  if (config.auth.mode === 'cognito') {
    const cursorSecret =
      config.cursorSecret ?? (config.cursorSecretArn ? await getSecret(config.cursorSecretArn) : undefined);
    if (typeof cursorSecret !== 'string' || cursorSecret.length < 32) {
      throw new Error(
        'Invalid configuration: AUTH_MODE=cognito needs CURSOR_SECRET or CURSOR_SECRET_ARN (32+ characters)',
      );
    }
    return { verifier: createCognitoVerifier(config.auth.userPoolId, config.auth.clientIds), cursorSecret };
  }
  const secrets = readDevSecrets(config.dataDir);
  if (!secrets) {
    throw new Error(
      `No local dev secrets under ${config.dataDir}: run \`npm start\` (or \`npm run token\`) once first`,
    );
  }
  return {
    verifier: createLocalVerifier(secrets.keys.publicJwk),
    cursorSecret: config.cursorSecret ?? secrets.cursorSecret,
  };
}
