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
    // A worker keeps its modules from one test file to the next: each file no longer imports the
    // whole app again (the suite: 630-699 s -> 479 s on 2 shared cores; import time 229 -> 45 s of
    // worker time). Files share no state through modules: each builds its own app, table and
    // clock, and none mocks a module or stubs the environment.
    isolate: false,
    // Each worker gets its own DynamoDB Local (tests/global-setup.ts).
    maxWorkers: Math.max(1, Math.min(3, availableParallelism())),
  },
});
