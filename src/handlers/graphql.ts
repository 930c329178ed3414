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
// Metrics and X-Ray only where configured (AWS): the module, and the X-Ray SDK, load only then.
const aws =
  config.observability.metrics || config.observability.tracing
    ? (await import('../server/aws-observability')).createAwsObservability({
        stage: config.stage,
        ...config.observability,
      })
    : undefined;
// Cognito, the cursor secret and the webhook sealing key (Secrets Manager in AWS); uploads of
// createImport go to S3 (IMPORT_BUCKET).
const deps = createDeps(config, {
  entryPoint: 'api',
  secrets: await deployedRequestAuth(config),
  metrics: aws?.metrics,
  tracing: aws?.tracing,
});
aws?.instrument(deps.dynamo.client);
const edge = createHttpEdge(deps, {
  graphqlRoute: 'staff',
  playground: config.playgroundDir
    ? { dir: config.playgroundDir, headerPresets: [COGNITO_TOKEN_PRESET] }
    : undefined,
});
await edge.start();
const edgeHandler = lambdaHandler(edge);

/** Each invocation in its own trace subsegment when tracing is on (AWS); the server reports each request. */
export const handler: typeof edgeHandler = (event, context) =>
  aws ? aws.traceInvocation(() => edgeHandler(event, context)) : edgeHandler(event, context);
