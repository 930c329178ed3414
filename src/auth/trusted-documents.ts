import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Caller } from './caller';

/** A manifest as graphql-codegen's client preset writes it (`persisted-documents.json`). */
type Manifest = Record<string, string>;

/** sha256 hex of a document's text: the key of a persisted document. */
export const documentHash = (document: string) => createHash('sha256').update(document).digest('hex');

/** The trusted documents of the configured clients, and who is held to them. */
export interface TrustedDocuments {
  /** The manifest a caller is held to, or undefined when it may send any document. */
  strictFor(caller: Caller): ReadonlyMap<string, string> | undefined;
  /** A trusted document of any client by its hash (clients may send the hash alone). */
  byHash(hash: string): string | undefined;
}

/** The names a caller may be configured under: `partner:<code>`, `client:<id>`, or the bare code or id. */
function namesOf(caller: Caller): string[] {
  if (caller.kind === 'partner') return [`partner:${caller.partnerId}`, caller.partnerId];
  if (caller.kind === 'staff' && caller.clientId) return [`client:${caller.clientId}`, caller.clientId];
  return [];
}

/**
 * Reads each configured client's manifest (paths relative to `baseDir`) once, at start; a
 * manifest that is missing, malformed or holds a document under another hash stops the start.
 */
export function loadTrustedDocuments(
  entries: readonly { client: string; manifest: string }[],
  baseDir = process.cwd(),
): TrustedDocuments {
  const byClient = new Map<string, Map<string, string>>();
  const all = new Map<string, string>();
  for (const { client, manifest } of entries) {
    const path = isAbsolute(manifest) ? manifest : resolve(baseDir, manifest);
    let parsed: Manifest;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    } catch (error) {
      throw new Error(`TRUSTED_DOCUMENTS: cannot read the manifest of ${client} at ${path}`, {
        cause: error,
      });
    }
    const documents = new Map<string, string>();
    for (const [hash, document] of Object.entries(parsed)) {
      if (typeof document !== 'string' || documentHash(document) !== hash)
        throw new Error(
          `TRUSTED_DOCUMENTS: ${path} lists a document under a hash that is not its sha256 (${hash})`,
        );
      documents.set(hash, document);
      all.set(hash, document);
    }
    byClient.set(client, documents);
  }
  return {
    strictFor(caller) {
      for (const name of namesOf(caller)) {
        const documents = byClient.get(name);
        if (documents) return documents;
      }
      return undefined;
    },
    byHash: (hash) => all.get(hash),
  };
}
