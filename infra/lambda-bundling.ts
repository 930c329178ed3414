/**
 * How every Lambda bundle is built, declared once: the CDK NodejsFunction (at synth) and
 * `scripts/build-lambdas.ts` (for tests and benchmarks) both derive their esbuild options from
 * {@link LAMBDA_ESBUILD_OPTIONS}, so what is measured locally is what is deployed.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundlingOptions, LogLevel, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/** The repository root (the NodejsFunction project root and esbuild's working directory). */
export const PROJECT_ROOT: string = fileURLToPath(new URL('..', import.meta.url));

/** The Lambda entry points, by bundle name (`dist/lambda/<name>/index.mjs`). */
export const LAMBDA_ENTRIES = {
  graphql: 'src/handlers/graphql.ts',
  'stream-aggregator': 'src/handlers/stream-aggregator.ts',
  'pre-token-generation': 'src/handlers/pre-token-generation.ts',
  'complaint-sweeper': 'src/handlers/complaint-sweeper.ts',
  'webhook-fan-out': 'src/handlers/webhook-fan-out.ts',
  'webhook-dispatcher': 'src/handlers/webhook-dispatcher.ts',
  'import-file': 'src/handlers/import-file.ts',
} as const satisfies Record<string, string>;

/** A bundle name. */
export type LambdaName = keyof typeof LAMBDA_ENTRIES;

/** The absolute path of a bundle's entry file. */
export function lambdaEntry(name: LambdaName): string {
  return join(PROJECT_ROOT, LAMBDA_ENTRIES[name]);
}

/**
 * ESM output has no `require`; a few bundled CommonJS dependencies call it for Node built-ins,
 * which esbuild's shim can only forward to a real `require`.
 */
const REQUIRE_BANNER =
  "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);";

/** Apollo Server's `import()` paths of the plugins it would add unless disabled (see `external`). */
export const APOLLO_REPORTING_PLUGINS = [
  './plugin/usageReporting/index.js',
  './plugin/schemaReporting/index.js',
  './plugin/inlineTrace/index.js',
] as const;

/**
 * Packages replaced in the bundles, by a path from the project root: bundled, Apollo's createHash
 * falls back to sha.js (pure-JS SHA-256) for every query; src/server/apollo-create-hash.ts is
 * node:crypto's.
 */
export const BUNDLE_ALIASES = {
  '@apollo/utils.createhash': './src/server/apollo-create-hash.ts',
} as const;

/** The esbuild options every Lambda bundle uses (entry and output are added per bundle). */
export const LAMBDA_ESBUILD_OPTIONS = {
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  // External `.map` beside the bundle; sources left out to keep the package small.
  sourcemap: true,
  sourcesContent: false,
  // graphql 16 ships index.js and index.mjs with no exports map: `module` picks index.mjs for
  // bare `graphql`, and `.mjs` first makes deep imports (`graphql/language/parser`) land in the
  // same ESM tree. One copy of graphql, or `instanceof` checks across copies break.
  mainFields: ['module', 'main'],
  resolveExtensions: ['.mjs', '.tsx', '.ts', '.jsx', '.js', '.css', '.json'],
  // `import` also for require() calls: the CommonJS Lambda integration then gets Apollo Server's
  // ESM build, the one our code imports, instead of a second (CommonJS) copy of all of it.
  conditions: ['import', 'module'],
  banner: { js: REQUIRE_BANNER },
  // Production builds of the libraries: graphql skips its development-only checks (a slower
  // `instanceof` on every type test), and the dead branches are dropped from the bundle.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Bundle the AWS SDK too: the version the tests ran, tree-shaken, instead of the runtime's copy.
  // Left out: Apollo Server's lazily imported reporting plugins (usage and schema reporting to
  // Apollo's cloud, federation's inline traces; 175 KB with their protobuf code). createServer
  // installs their Disabled forms, so Apollo never reaches these import() calls.
  external: [...APOLLO_REPORTING_PLUGINS],
  alias: { ...BUNDLE_ALIASES },
  legalComments: 'none',
  logLevel: 'warning',
} as const satisfies BuildOptions;

/** esbuild JS API options for one bundle, written to `<outDir>/index.mjs`. */
export function esbuildOptionsFor(name: LambdaName, outDir: string): BuildOptions {
  return {
    ...LAMBDA_ESBUILD_OPTIONS,
    mainFields: [...LAMBDA_ESBUILD_OPTIONS.mainFields],
    resolveExtensions: [...LAMBDA_ESBUILD_OPTIONS.resolveExtensions],
    conditions: [...LAMBDA_ESBUILD_OPTIONS.conditions],
    external: [...LAMBDA_ESBUILD_OPTIONS.external],
    banner: { ...LAMBDA_ESBUILD_OPTIONS.banner },
    define: { ...LAMBDA_ESBUILD_OPTIONS.define },
    alias: { ...LAMBDA_ESBUILD_OPTIONS.alias },
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [lambdaEntry(name)],
    outfile: join(outDir, 'index.mjs'),
    bundle: true,
    metafile: true,
  };
}

/** The same options in the shape of NodejsFunction's `bundling` (it runs the local esbuild CLI). */
export function nodejsBundlingOptions(): BundlingOptions {
  const o = LAMBDA_ESBUILD_OPTIONS;
  return {
    format: OutputFormat.ESM,
    target: o.target,
    minify: o.minify,
    sourceMap: o.sourcemap,
    sourceMapMode: SourceMapMode.DEFAULT,
    sourcesContent: o.sourcesContent,
    mainFields: [...o.mainFields],
    banner: o.banner.js,
    define: { ...o.define },
    externalModules: [...o.external],
    esbuildArgs: {
      '--resolve-extensions': o.resolveExtensions.join(','),
      '--conditions': o.conditions.join(','),
      '--legal-comments': o.legalComments,
      // NodejsFunction runs esbuild in the project root, so the aliases' relative paths hold.
      '--alias': Object.entries(o.alias).map(([name, path]) => `${name}=${path}`),
    },
    logLevel: LogLevel.WARNING,
    // Local esbuild (a devDependency), never Docker: synth works offline and without a daemon.
    forceDockerBundling: false,
  };
}
