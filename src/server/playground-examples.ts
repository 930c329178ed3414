import { ADMINISTRATORS_EXAMPLES } from './playground-examples/administrators';
import { DASHBOARD_EXAMPLES } from './playground-examples/dashboard';
import { PARTNER_EXAMPLES } from './playground-examples/partner';
import { PUBLIC_EXAMPLES } from './playground-examples/public';
import { README_EXAMPLES } from './playground-examples/readme';
import { STAFF_EXAMPLES } from './playground-examples/staff';
import type { PlaygroundExample } from './playground-page';

/** The query a new playground tab opens with: who am I, and a first page of employees. */
export const DEFAULT_PLAYGROUND_QUERY = `# Pembinaan ASN API. Pick a role under the key icon (header presets),
# and load examples for each audience under the list icon.
query WhoAmI {
  me { role agency { name region { name } } unit { name } }
  employees(first: 5) {
    totalCount
    edges { node { nip name rank { label pangkat } position { title } unit { name } } }
  }
}
`;

/**
 * Example operations per audience, shown in the playground's example menu (one file per audience
 * under playground-examples/). Every GraphQL example of the README is among them (tested).
 */
export const PLAYGROUND_EXAMPLES: PlaygroundExample[] = [
  ...STAFF_EXAMPLES,
  ...README_EXAMPLES,
  ...ADMINISTRATORS_EXAMPLES,
  ...DASHBOARD_EXAMPLES,
  ...PARTNER_EXAMPLES,
  ...PUBLIC_EXAMPLES,
];
