/**
 * Browser entry of the GraphiQL playground the API serves at its own origin. Bundled by
 * infra/playground-bundling.ts; the page (src/server/playground-page.ts) embeds the config.
 */
import './monaco-workers';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './playground.css';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { CopyCurlButton } from './copy-curl-button';
import { ExampleMenu } from './example-menu';
import { HeaderPresetMenu, headersText } from './header-preset-menu';
import { createHttpFetcher } from './http-fetcher';
import { type PlaygroundConfig, readPlaygroundConfig } from './playground-config';
import { SchemaDownloadButton } from './schema-download-button';

/**
 * Sidebar plugins beside the docs pane (GraphiQL's reference plugin, on by default): the
 * explorer, which builds an operation by ticking fields, and the history of run operations.
 */
const PLUGINS = [explorerPlugin(), HISTORY_PLUGIN];

/**
 * GraphiQL against the configured endpoint: one tab for the default query, then one per example;
 * the toolbar adds the example menu, header presets (a token per role), copy as curl and the
 * schema download.
 */
function Playground({ config }: { config: PlaygroundConfig }): ReactElement {
  const firstPreset = config.headerPresets[0];
  const headers = firstPreset ? headersText(firstPreset.headers) : null;
  const defaultTabs = [
    { query: config.defaultQuery, headers },
    ...config.examples.map((example) => ({
      query: example.query,
      variables: example.variables ?? null,
      headers,
    })),
  ];
  return (
    <GraphiQL
      fetcher={createHttpFetcher(config.endpoint)}
      defaultQuery={config.defaultQuery}
      defaultTabs={defaultTabs}
      defaultHeaders={headers ?? undefined}
      defaultEditorToolsVisibility={headers ? 'headers' : undefined}
      plugins={PLUGINS}
    >
      <GraphiQL.Toolbar>
        {({ prettify, merge, copy }) => (
          <>
            {prettify}
            {merge}
            {copy}
            <ExampleMenu examples={config.examples} />
            <HeaderPresetMenu presets={config.headerPresets} />
            <CopyCurlButton endpoint={config.endpoint} />
            {config.schemaUrl ? <SchemaDownloadButton schemaUrl={config.schemaUrl} /> : null}
          </>
        )}
      </GraphiQL.Toolbar>
    </GraphiQL>
  );
}

const container = document.getElementById('graphiql');
if (!container) throw new Error('The playground page has no #graphiql element.');
try {
  createRoot(container).render(<Playground config={readPlaygroundConfig(document)} />);
} catch (error) {
  container.textContent = `The playground could not start: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
}
