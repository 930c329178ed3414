/**
 * CHANGELOG.md in the Keep a Changelog layout: `## [Unreleased]` collects what changed since the
 * last schema release; `npm run schema:release` turns it into a dated section.
 */

/** The heading every change since the last release goes under. */
export const UNRELEASED_HEADING = '## [Unreleased]';

/** The text of the `## [Unreleased]` section (up to the next `## ` heading); empty when absent. */
export function unreleasedSection(changelog: string): string {
  const start = changelog.indexOf(UNRELEASED_HEADING);
  if (start < 0) return '';
  const body = changelog.slice(start + UNRELEASED_HEADING.length);
  const next = body.search(/^## /m);
  return next < 0 ? body : body.slice(0, next);
}

/** Whether the section names `coordinate` as a whole word (`Employee.rank` does not match `Employee.ranking`). */
export function namesCoordinate(section: string, coordinate: string): boolean {
  const escaped = coordinate.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w.])${escaped}(?![\\w]|\\.\\w)`, 'm').test(section);
}

/**
 * The changelog after a release on `date` (YYYY-MM-DD): the Unreleased entries move under
 * `## [date]`, and an empty Unreleased section opens above them. Without entries, a line says the
 * release changed nothing a client can see.
 */
export function releaseChangelog(changelog: string, date: string): string {
  const start = changelog.indexOf(UNRELEASED_HEADING);
  if (start < 0) throw new Error(`CHANGELOG.md has no "${UNRELEASED_HEADING}" section`);
  const entries = unreleasedSection(changelog).trim();
  const rest = changelog.slice(start + UNRELEASED_HEADING.length + unreleasedSection(changelog).length);
  const released = entries || '- No changes to the schema.';
  return `${changelog.slice(0, start)}${UNRELEASED_HEADING}\n\n## [${date}]\n\n${released}\n\n${rest.replace(/^\n+/, '')}`;
}
