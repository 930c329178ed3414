/**
 * Lambda entry point behind API Gateway's REST API (payload format 1.0). Built once per
 * container: config, dependencies and the HTTP edge (the same as `npm start` serves); each
 * request adds only its context.
 */
import { createDeps } from '../composition/create-deps';
import { deployedRequestAuth } from '../composition/request-auth';
import { loadConfig } from '../config/load-config';
import { createHttpEdge } from '../server/http-edge';
import { lambdaHandler } from '../server/lambda-host';

/** In AWS, GraphiQL offers one header preset: a Cognito access token to paste. */
const COGNITO_TOKEN_PRESET = {
  label: 'Cognito access token',
  headers: { Authorization: 'Bearer <paste an access token>' },
};

const config = loadConfig(process.env);
// Cognito, the cursor secret and the webhook sealing key (Secrets Manager in AWS).
const deps = createDeps(config, { entryPoint: 'api', secrets: await deployedRequestAuth(config) });
const edge = createHttpEdge(deps, {
  graphqlRoute: 'staff',
  playground: config.playgroundDir
    ? { dir: config.playgroundDir, headerPresets: [COGNITO_TOKEN_PRESET] }
    : undefined,
});
await edge.start();

export const handler = lambdaHandler(edge);
