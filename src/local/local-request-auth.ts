import { deployedRequestAuth, type RequestAuth } from '../composition/request-auth';
import type { Config } from '../config/load-config';
import { type DevSecrets, ensureDevSecrets } from './dev-secrets';
import { createLocalVerifier } from './local-issuer';

/**
 * The request auth of a local installation (`npm start`, the bench, scripts): with AUTH_MODE=local
 * (the default) the dev issuer's tokens and the cursor secret, both kept under DATA_DIR (created
 * on first use), and WEBHOOK_SECRET_KEY when set; with AUTH_MODE=cognito exactly what a
 * deployment uses. `devSecrets` are there for signing dev tokens (none with Cognito).
 */
export async function localRequestAuth(
  config: Config,
): Promise<RequestAuth & { devSecrets: DevSecrets | undefined }> {
  if (config.auth.mode === 'cognito')
    return { ...(await deployedRequestAuth(config)), devSecrets: undefined };
  const devSecrets = await ensureDevSecrets(config.dataDir);
  return {
    verifier: createLocalVerifier(devSecrets.keys.publicJwk),
    cursorSecret: config.cursorSecret ?? devSecrets.cursorSecret,
    webhookSecretKey: config.webhooks.secretKey,
    devSecrets,
  };
}
