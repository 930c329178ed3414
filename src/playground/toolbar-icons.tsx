import type { ReactElement } from 'react';

/** Drawn like the @graphiql/react icons (14×14, currentColor) so the extra toolbar buttons match the built-in ones. */
const svgProps = {
  xmlns: 'http://www.w3.org/2000/svg',
  viewBox: '0 0 14 14',
  height: '1em',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.4,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  className: 'graphiql-toolbar-icon',
} as const;

/** A list: the example operations. */
export function ExamplesIcon(): ReactElement {
  return (
    <svg {...svgProps} aria-hidden="true">
      <path d="M5 3h7.5M5 7h7.5M5 11h7.5" />
      <path d="M1.75 3h.5M1.75 7h.5M1.75 11h.5" strokeWidth={2} />
    </svg>
  );
}

/** A key: the request header presets (tokens per role). */
export function HeaderPresetIcon(): ReactElement {
  return (
    <svg {...svgProps} aria-hidden="true">
      <circle cx="4.25" cy="9.75" r="2.75" />
      <path d="M6.25 7.75 12.25 1.75M10.25 3.75l1.5 1.5M8.75 5.25l1.25 1.25" />
    </svg>
  );
}

/** An arrow into a tray: download the schema. */
export function DownloadIcon(): ReactElement {
  return (
    <svg {...svgProps} aria-hidden="true">
      <path d="M7 1.75v7.5M4 6.5 7 9.5l3-3" />
      <path d="M1.75 9.5v2.75h10.5V9.5" />
    </svg>
  );
}

/** A terminal prompt: copy the operation as a curl command. */
export function CurlIcon(): ReactElement {
  return (
    <svg {...svgProps} aria-hidden="true">
      <rect x="1" y="2" width="12" height="10" rx="1.5" />
      <path d="M3.75 5.25 5.75 7l-2 1.75M7.25 9.25h3" />
    </svg>
  );
}
