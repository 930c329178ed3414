/** Configuration the API embeds in the playground page and the browser app reads back. */

/** A named set of request headers (e.g. a demo token per role) the header editor can be filled with. */
export interface HeaderPreset {
  label: string;
  headers: Record<string, string>;
}

/** An example operation for one audience (dashboards, partners, staff, public). */
export interface PlaygroundExample {
  title: string;
  audience: string;
  query: string;
  variables?: string;
}

/** Everything the playground page needs: where to send operations and what to offer. */
export interface PlaygroundConfig {
  endpoint: string;
  /** Where the printed schema is served (`<endpoint>/schema.graphql`); no download button without it. */
  schemaUrl?: string | undefined;
  defaultQuery: string;
  headerPresets: HeaderPreset[];
  examples: PlaygroundExample[];
}

/** The id of the `<script type="application/json">` element holding the config. */
export const PLAYGROUND_CONFIG_ELEMENT_ID = 'playground-config';

/** Reads and checks the config embedded in the page; throws a readable error when it is missing or malformed. */
export function readPlaygroundConfig(doc: Document): PlaygroundConfig {
  const text = doc.getElementById(PLAYGROUND_CONFIG_ELEMENT_ID)?.textContent;
  if (!text) throw new Error(`The page has no #${PLAYGROUND_CONFIG_ELEMENT_ID} element.`);
  const value: unknown = JSON.parse(text);
  if (!isRecord(value) || typeof value.endpoint !== 'string' || typeof value.defaultQuery !== 'string') {
    throw new Error('The playground config needs a string "endpoint" and "defaultQuery".');
  }
  return {
    endpoint: value.endpoint,
    schemaUrl: typeof value.schemaUrl === 'string' ? value.schemaUrl : undefined,
    defaultQuery: value.defaultQuery,
    headerPresets: Array.isArray(value.headerPresets) ? value.headerPresets.filter(isHeaderPreset) : [],
    examples: Array.isArray(value.examples) ? value.examples.filter(isExample) : [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHeaderPreset(value: unknown): value is HeaderPreset {
  return (
    isRecord(value) &&
    typeof value.label === 'string' &&
    isRecord(value.headers) &&
    Object.values(value.headers).every((header) => typeof header === 'string')
  );
}

function isExample(value: unknown): value is PlaygroundExample {
  return (
    isRecord(value) &&
    typeof value.title === 'string' &&
    typeof value.audience === 'string' &&
    typeof value.query === 'string' &&
    (value.variables === undefined || typeof value.variables === 'string')
  );
}
