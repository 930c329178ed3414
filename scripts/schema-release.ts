/**
 * `npm run schema:release`: makes the current schema (schema.graphql, printed by
 * `npm run codegen`) the released baseline docs/schema.released.graphql, after the release policy
 * (scripts/schema/schema-compatibility.ts) accepts it, and dates CHANGELOG.md's Unreleased
 * section. `--check` only prints what changed since the last release.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { releaseChangelog } from './schema/changelog';
import { checkCompatibility } from './schema/schema-compatibility';
import { readSchemaFiles, SCHEMA_FILES } from './schema/schema-files';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
  },
});
if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
  console.error(`--date must be YYYY-MM-DD, got "${values.date}"`);
  process.exit(2);
}

const { current, released, changelog } = readSchemaFiles();
const { changes, violations } = await checkCompatibility({ released, current, changelog });

for (const change of changes)
  console.log(`${change.level.padEnd(12)} ${change.coordinate}: ${change.message}`);
if (changes.length === 0) {
  console.log('No change since the last release: docs/schema.released.graphql is current.');
  process.exit(0);
}
if (violations.length > 0) {
  console.error(`\n${violations.length} breaking change(s) the release policy refuses:`);
  for (const v of violations)
    console.error(`- ${v.coordinate}: ${v.message}\n    ${v.problems.join('\n    ')}`);
  process.exit(1);
}
if (values.check) process.exit(0);

writeFileSync(
  SCHEMA_FILES.released,
  `# The released schema (${values.date}): clients rely on it. Updated by \`npm run schema:release\`; do not edit.\n\n${current}`,
);
writeFileSync(SCHEMA_FILES.changelog, releaseChangelog(changelog, values.date));
console.log(
  `\nReleased docs/schema.released.graphql; CHANGELOG.md's entries are now under [${values.date}].`,
);
