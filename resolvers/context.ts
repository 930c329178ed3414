import type { Services } from '../src/services/create-services';
import type { RequestScope } from '../src/services/request-scope';

/**
 * What every resolver receives: the request scope (caller, loader, logger) and the services.
 * src/server/context.ts builds it per request; codegen types every resolver with it.
 */
export interface GraphQLContext extends RequestScope {
  services: Services;
  clock: () => Date;
}
