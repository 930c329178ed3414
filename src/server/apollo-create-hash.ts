import { type Hash, createHash as nodeCreateHash } from 'node:crypto';

/**
 * Stands in for `@apollo/utils.createhash` in the Lambda bundles (`alias` in
 * infra/lambda-bundling.ts). Bundled, that package cannot tell it runs on Node (esbuild's CommonJS
 * wrapper has no `module.require`), so Apollo hashed every query with sha.js, a pure-JS SHA-256
 * loaded at each cold start, instead of node:crypto.
 */
export function createHash(kind: string): Hash {
  return nodeCreateHash(kind);
}
