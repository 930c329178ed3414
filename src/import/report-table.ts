import type { ImportReport } from '../domain/onboarding/import-report';

/** Most refused cells printed on the terminal; the JSON report (--report) lists them all. */
const PRINTED = 50;

const pad = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

/** The report as the CLI prints it: counts, ignored columns, then refused cells as a table. */
export function reportTable(report: ImportReport): string {
  const lines: string[] = [];
  if (report.fileProblem) {
    lines.push(`The file cannot be imported: ${report.fileProblem.message}`);
    return lines.join('\n');
  }
  lines.push(
    `${report.kind}: ${report.rows} rows${report.encoding ? ` (${report.format}, ${report.encoding})` : ` (${report.format})`}${report.dryRun ? ' — dry run' : ''}`,
    `  created ${report.created}   updated ${report.updated}   unchanged ${report.unchanged}   rejected ${report.rejected}`,
  );
  if (report.resumedFromRow) lines.push(`  resumed an interrupted import from row ${report.resumedFromRow}`);
  if (report.ignoredColumns.length) lines.push(`  ignored columns: ${report.ignoredColumns.join(', ')}`);
  if (report.rejections.length) {
    lines.push('', `  ${pad('row', 6)} ${pad('column', 18)} ${pad('value', 24)} reason`);
    for (const r of report.rejections.slice(0, PRINTED))
      lines.push(`  ${pad(String(r.row), 6)} ${pad(r.column || '-', 18)} ${pad(r.value, 24)} ${r.reason}`);
    if (report.rejections.length > PRINTED)
      lines.push(`  … ${report.rejections.length - PRINTED} more (write them all with --report <file.json>)`);
  }
  for (const note of report.notes) lines.push(`  ${note}`);
  return lines.join('\n');
}
