import { DEFAULT_PLAYGROUND_QUERY, PLAYGROUND_EXAMPLES } from './playground-examples';
import { type HeaderPreset, renderPlaygroundHtml } from './playground-page';

/**
 * The GraphiQL page served at `/graphql` to browsers, in AWS and locally alike: operations go to
 * `graphql`, the schema download is `graphql/schema.graphql` and files come from `playground/`, all relative to the page, so the same page works
 * under a stage prefix (`/dev/graphql`). Only the header presets differ by host.
 */
export function playgroundLandingPage(headerPresets: HeaderPreset[]): string {
  return renderPlaygroundHtml(
    {
      endpoint: 'graphql',
      // The schema download (the page exists only where introspection is on, as does the route).
      schemaUrl: 'graphql/schema.graphql',
      defaultQuery: DEFAULT_PLAYGROUND_QUERY,
      headerPresets,
      examples: PLAYGROUND_EXAMPLES,
    },
    'playground/',
  );
}
