import type { ApolloServerPlugin } from '@apollo/server';
import { type PlaygroundConfig, renderPlaygroundHtml } from './playground-page';

/** Apollo landing-page plugin: browsers opening GET /graphql get the bundled GraphiQL page. */
export function playgroundLandingPage<C extends object>(
  config: PlaygroundConfig,
  assetBase: string,
): ApolloServerPlugin<C> {
  const html = renderPlaygroundHtml(config, assetBase);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
