import { describe, expect, it } from 'vitest';
import {
  PLAYGROUND_CONFIG_ELEMENT_ID as APP_ELEMENT_ID,
  readPlaygroundConfig,
} from '../../../src/playground/playground-config';
import {
  PLAYGROUND_CONFIG_ELEMENT_ID,
  type PlaygroundConfig,
  renderPlaygroundHtml,
} from '../../../src/server/playground-page';

/** What the page embeds: examples with and without variables, a tricky `</script>` in a query. */
const CONFIG: PlaygroundConfig = {
  endpoint: 'graphql',
  defaultQuery: '{ me { role } }',
  headerPresets: [{ label: 'Admin', headers: { Authorization: 'Bearer x' } }],
  examples: [
    { title: 'Me', audience: 'staff', query: '{ me { role } }' },
    { title: 'Tricky', audience: 'public', query: '# </script><!-- \u2028', variables: '{"a":1}' },
  ],
};

/** The part of a browser `Document` the app's reader uses, over the rendered HTML. */
function documentOf(html: string): Document {
  return {
    getElementById(id: string) {
      const match = new RegExp(`<script id="${id}" type="application/json">([^<]*)</script>`).exec(html);
      return match ? { textContent: match[1] } : null;
    },
  } as unknown as Document;
}

describe('the playground page and the browser app', () => {
  it('name the same config element', () => {
    expect(PLAYGROUND_CONFIG_ELEMENT_ID).toBe(APP_ELEMENT_ID);
  });

  it('agree on the config: what the page embeds, the app reads back unchanged', () => {
    expect(readPlaygroundConfig(documentOf(renderPlaygroundHtml(CONFIG, 'playground/')))).toEqual(CONFIG);
  });
});
