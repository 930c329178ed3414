import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../resolvers/context';
import type { StartupStatus } from '../composition/startup-status';
import { ServiceUnavailableError } from '../errors/app-error';

/** Seconds a client is told to wait before writing again while the process loads. */
export const STARTUP_RETRY_AFTER_SECONDS = 5;

/**
 * While the process loads (startup-status.ts), the API answers but says so: every response
 * carries `extensions.startup: { status: "LOADING", detail }`, and a mutation is refused with
 * SERVICE_UNAVAILABLE before any resolver runs (a write now would miss the dashboards' rollups,
 * whose stream is followed once the load is in). Costs nothing once started.
 */
export function startupPlugin(startup: StartupStatus): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const detail = startup.loading();
      if (detail === undefined) return;
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'mutation' || startup.loading() === undefined) return;
          const error = new ServiceUnavailableError(
            STARTUP_RETRY_AFTER_SECONDS,
            undefined,
            `The API is still starting (${detail}); writes are taken once /health reports ready. Retry after ${STARTUP_RETRY_AFTER_SECONDS} s.`,
          );
          error.extensions.http = { status: 503 };
          throw error;
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, startup: { status: 'LOADING', detail } };
        },
      };
    },
  };
}
