import type { PlaygroundConfig } from '../playground/playground-config';

/*
 * The browser app declares the config it reads (src/playground/playground-config.ts); the page
 * takes its types only, which the bundler erases, so no browser module reaches a Lambda bundle.
 * The element's id is the one value both sides spell: tests/unit/server/playground-page.test.ts
 * renders a page and reads it back with the app's reader.
 */
export type { HeaderPreset, PlaygroundConfig, PlaygroundExample } from '../playground/playground-config';

/** The id of the `<script type="application/json">` element holding the config. */
export const PLAYGROUND_CONFIG_ELEMENT_ID = 'playground-config';

const TITLE = 'Pembinaan ASN API — GraphiQL';

/** Renders the GraphiQL page: the bundled CSS and JS from `assetBase`, and `config` embedded as JSON. */
export function renderPlaygroundHtml(config: PlaygroundConfig, assetBase: string): string {
  const base = escapeAttribute(assetBase.endsWith('/') ? assetBase : `${assetBase}/`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${base}app.css">
<style>html,body{height:100%;margin:0}#graphiql{height:100vh}</style>
<script id="${PLAYGROUND_CONFIG_ELEMENT_ID}" type="application/json">${embedJson(config)}</script>
<script type="module" src="${base}app.js"></script>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<noscript>GraphiQL needs JavaScript.</noscript>
</body>
</html>
`;
}

/** JSON safe inside a `<script>` element: no `</script>`, `<!--` or line separators can end or confuse it. */
function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
