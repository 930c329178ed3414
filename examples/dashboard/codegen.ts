import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the operations in src/operations/*.graphql, from the API's printed schema
 * (in this repository ../../schema.graphql; elsewhere the file served at
 * GET /graphql/schema.graphql). Writes src/gql/, including persisted-documents.json: the
 * operations by sha256 hash, the manifest a server that trusts only known documents checks.
 */
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // Plain sha256 hex of the printed document (Apollo's persisted-query hash), no `sha256:` prefix.
        persistedDocuments: {
          hashAlgorithm: (document: string) => createHash('sha256').update(document).digest('hex'),
        },
      },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
      },
    },
  },
};

export default config;
