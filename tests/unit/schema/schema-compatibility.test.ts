import { describe, expect, it } from 'vitest';
import { releaseChangelog } from '../../../scripts/schema/changelog';
import { checkCompatibility } from '../../../scripts/schema/schema-compatibility';
import { readSchemaFiles } from '../../../scripts/schema/schema-files';

const RELEASED = `
"A civil servant." type Employee {
  "Id." id: ID!
  "Rank label." rank: String
  "Golongan." golongan: Golongan
}
"Golongan." enum Golongan { "III/a." III_A "III/b." III_B }
"Filter." input EmployeeFilter { "Name." name: String }
"Root." type Query {
  "Employees." employees("Page size." first: Int, "Filter." filter: EmployeeFilter): [Employee!]!
}
`;

const CHANGELOG = (entries: string) =>
  `# Changelog\n\n## [Unreleased]\n\n${entries}\n\n## [2026-01-01]\n\n- First release.\n`;

async function violationsOf(current: string, entries = '') {
  const report = await checkCompatibility({ released: RELEASED, current, changelog: CHANGELOG(entries) });
  return report.violations.map((v) => ({ coordinate: v.coordinate, problems: v.problems.join(' | ') }));
}

describe('the schema release policy', () => {
  it('accepts the current schema against the released baseline and CHANGELOG.md', async () => {
    const report = await checkCompatibility(readSchemaFiles());
    expect(report.violations).toEqual([]);
  });

  it('refuses a real breaking change: a root field removed from the current schema', async () => {
    const files = readSchemaFiles();
    const current = files.current.replace(/^ {2}"""[^"]*"""\n {2}aggregateCapabilities: [^\n]+\n/m, '');
    expect(current).not.toBe(files.current);
    const report = await checkCompatibility({ ...files, current });
    expect(report.violations.map((v) => v.coordinate)).toEqual(['Query.aggregateCapabilities']);
  });

  it('accepts additions without any entry', async () => {
    const current = RELEASED.replace('"Id." id: ID!', '"Id." id: ID!\n "NIP." nip: String');
    expect(await violationsOf(current)).toEqual([]);
  });

  it('refuses a removed field even when the changelog names it', async () => {
    const current = RELEASED.replace('"Rank label." rank: String', '');
    expect(await violationsOf(current, '- Removed `Employee.rank`.')).toEqual([
      { coordinate: 'Employee.rank', problems: expect.stringMatching(/is gone: keep it/) },
    ]);
  });

  it('refuses a changed field type that the changelog does not name', async () => {
    const current = RELEASED.replace(
      'rank: String',
      'rank: Int @deprecated(reason: "Use `golongan` instead.")',
    );
    expect(await violationsOf(current, '- `Employee.ranking` is new.')).toEqual([
      { coordinate: 'Employee.rank', problems: expect.stringMatching(/does not name `Employee.rank`/) },
    ]);
  });

  it('refuses a recorded change whose field is not deprecated', async () => {
    const current = RELEASED.replace('rank: String', 'rank: Int');
    expect(await violationsOf(current, '- `Employee.rank` is now a number.')).toEqual([
      { coordinate: 'Employee.rank', problems: expect.stringMatching(/is not @deprecated/) },
    ]);
  });

  it('refuses a deprecation whose reason names no existing replacement in backticks', async () => {
    for (const reason of ['Use the new field instead.', 'Use `rankLabel` instead.', 'Use `rank`.']) {
      const current = RELEASED.replace('rank: String', `rank: Int @deprecated(reason: "${reason}")`);
      expect(await violationsOf(current, '- `Employee.rank` is now a number.')).toEqual([
        { coordinate: 'Employee.rank', problems: expect.stringMatching(/names no replacement/) },
      ]);
    }
  });

  it('accepts a recorded, deprecated change naming a sibling or a coordinate as its replacement', async () => {
    for (const reason of ['Use `golongan` instead.', 'See `Employee.golongan`.']) {
      const current = RELEASED.replace('rank: String', `rank: Int @deprecated(reason: "${reason}")`);
      expect(await violationsOf(current, '- `Employee.rank` is now a number.')).toEqual([]);
    }
  });

  it('reads only the Unreleased section: an entry of an older release does not count', async () => {
    const current = RELEASED.replace('rank: String', 'rank: Int @deprecated(reason: "Use `golongan`.")');
    const changelog = '# Changelog\n\n## [Unreleased]\n\n## [2026-01-01]\n\n- `Employee.rank` changed.\n';
    const report = await checkCompatibility({ released: RELEASED, current, changelog });
    expect(report.violations.map((v) => v.coordinate)).toEqual(['Employee.rank']);
  });

  it('holds arguments, input fields and enum values to the same rule', async () => {
    const current = RELEASED.replace('first: Int,', 'first: Int!,')
      .replace('"Name." name: String', '"Name." name: String\n "Unit." unitId: ID!')
      .replace('"III/b." III_B', '');
    expect((await violationsOf(current)).map((v) => v.coordinate).sort()).toEqual([
      'EmployeeFilter.unitId',
      'Golongan.III_B',
      'Query.employees.first',
    ]);
  });

  it('accepts a recorded argument change when the field is deprecated for a replacement', async () => {
    const current = RELEASED.replace('first: Int,', 'first: Int!,').replace(
      '[Employee!]!',
      '[Employee!]! @deprecated(reason: "Use `employeePage` instead.")\n "Paged." employeePage: [Employee!]!',
    );
    expect(await violationsOf(current, '- `Query.employees.first` is required.')).toEqual([]);
  });
});

describe('a schema release', () => {
  it('dates the Unreleased entries and opens an empty Unreleased section', () => {
    const released = releaseChangelog(CHANGELOG('- Added `Employee.nip`.'), '2026-12-02');
    expect(released).toBe(
      '# Changelog\n\n## [Unreleased]\n\n## [2026-12-02]\n\n- Added `Employee.nip`.\n\n## [2026-01-01]\n\n- First release.\n',
    );
  });
});
