import type { Logger } from '@aws-lambda-powertools/logger';
import type { GraphQLContext } from '../../resolvers/context';
import { PUBLIC_CALLER } from '../auth/caller';
import type { Deps } from '../composition/create-deps';
import { createItemLoader } from '../data/item-loader';
import { ForbiddenError, UnauthenticatedError } from '../errors/app-error';
import { currentTelemetry } from '../observability/request-telemetry';

/**
 * The route a request came through. In AWS, partners call `/partner/graphql` (where their usage
 * plan and quota apply) and only there; staff and the public call `/graphql`. `any` accepts every
 * caller: the local server's `/graphql`, so the playground can try the partner role too.
 */
export type ApiRoute = 'staff' | 'partner' | 'any';

/** The parts of an HTTP request the context needs, from either the Lambda event or node's http. */
export interface RequestInfo {
  headers: Record<string, string | undefined>;
  requestId: string;
  sourceIp?: string | undefined;
  /** Default `any`. */
  route?: ApiRoute | undefined;
}

/**
 * Per request: verifies the bearer token (none = the public), and creates a fresh loader.
 * A token that is present but invalid fails the whole request with UNAUTHENTICATED (HTTP 401);
 * a caller on the wrong route (see ApiRoute) is refused before anything runs.
 */
export async function createContext(request: RequestInfo, deps: Deps): Promise<GraphQLContext> {
  // A GraphQL request (not a page or an asset): the server reports it, refused or not.
  const telemetry = currentTelemetry();
  if (telemetry) Object.assign(telemetry, { graphql: true, requestId: request.requestId });
  const logger: Logger = deps.logger.createChild({ persistentKeys: { requestId: request.requestId } });
  const authorization = headerValue(request.headers, 'authorization');
  let caller = PUBLIC_CALLER;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1])
      throw withStatus(new UnauthenticatedError('Authorization header must be "Bearer <token>"'), 401);
    try {
      caller = await deps.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw withStatus(error, 401);
      throw error;
    }
  }
  const route = request.route ?? 'any';
  if (route === 'partner' && caller.kind !== 'partner')
    throw withStatus(
      new UnauthenticatedError('/partner/graphql takes partner client-credentials tokens'),
      401,
    );
  if (route === 'staff' && caller.kind === 'partner')
    throw withStatus(new ForbiddenError('partner tokens are accepted on /partner/graphql only'), 403);
  return {
    caller,
    loader: createItemLoader(deps.table),
    logger,
    requestId: request.requestId,
    sourceIp: request.sourceIp,
    services: deps.services,
    clock: deps.clock,
  };
}

function headerValue(headers: Record<string, string | undefined>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function withStatus<E extends UnauthenticatedError | ForbiddenError>(error: E, status: number): E {
  error.extensions.http = { status };
  return error;
}
