import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Config } from '../config/load-config';
import { UnauthenticatedError } from '../errors/app-error';
import { createDeps, type Deps } from '../server/deps';

/** Background functions verify no tokens. */
const NO_TOKENS: TokenVerifier = {
  verify: async () => {
    throw new UnauthenticatedError('This function takes no requests');
  },
};

/** A secret's value: from the environment, else from Secrets Manager (read once per cold start). */
export async function secretFrom(
  value: string | undefined,
  arn: string | undefined,
  name: string,
): Promise<string> {
  const found = value ?? (arn ? await getSecret(arn) : undefined);
  if (typeof found !== 'string' || found.length < 32)
    throw new Error(`Invalid configuration: ${name} or ${name}_ARN (32+ characters) is required`);
  return found;
}

/** The dependencies of the webhook Lambdas: the dispatcher renders cursors and opens secrets, the fan-out does neither. */
export async function webhookLambdaDeps(config: Config, needs: { secrets: boolean }): Promise<Deps> {
  const cursorSecret = needs.secrets
    ? await secretFrom(config.cursorSecret, config.cursorSecretArn, 'CURSOR_SECRET')
    : crypto.randomUUID() + crypto.randomUUID();
  const webhookSecretKey = needs.secrets
    ? await secretFrom(config.webhooks.secretKey, config.webhooks.secretKeyArn, 'WEBHOOK_SECRET_KEY')
    : undefined;
  return createDeps(config, { verifier: NO_TOKENS, cursorSecret, webhookSecretKey });
}
