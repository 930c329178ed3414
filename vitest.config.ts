import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships both index.js and index.mjs without an exports map: Node (and Apollo) load
    // the CommonJS build, Vite would pick the .mjs one. One instance only, or instanceof breaks.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // The AWS SDK's Node 20 notice, off as for every local command (src/local/sdk-node-version-notice.ts).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // Integration tests talk to one DynamoDB Local; each file uses its own table.
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Each worker gets its own DynamoDB Local (tests/global-setup.ts).
    maxWorkers: Math.max(1, Math.min(3, availableParallelism())),
  },
});
