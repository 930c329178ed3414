/**
 * `npm run trusted-documents -- <folder> [--check]`: the trusted-document manifest of a client
 * from the `.graphql` files in its folder, in graphql-codegen's client-preset format
 * (`persisted-documents.json`: `{ "<sha256 hex>": "<document>" }`), written beside them; each
 * operation with the fragments it uses. `--check` fails when the committed manifest is stale.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { persistedDocuments } from '../src/server/persisted-documents';

const [folder, flag] = process.argv.slice(2);
if (!folder) {
  console.error('Usage: npm run trusted-documents -- <folder with .graphql files> [--check]');
  process.exit(1);
}
const sources = readdirSync(folder)
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => readFileSync(join(folder, name), 'utf8'));
const manifest = `${JSON.stringify(persistedDocuments(sources), null, 2)}\n`;
const target = join(folder, 'persisted-documents.json');
if (flag === '--check') {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // Missing counts as stale.
  }
  if (committed !== manifest) {
    console.error(`${target} is stale: run npm run trusted-documents -- ${folder}`);
    process.exit(1);
  }
} else {
  writeFileSync(target, manifest);
  console.log(`Wrote ${target}`);
}
