import { auditEntryEntity } from '../data/entities/audit-entry';
import type { Table } from '../data/table';
import { type AuditEntry, auditInputOf } from '../domain/audit-entry';
import type { ImportReport } from '../domain/onboarding/import-report';

const DAY_SECONDS = 24 * 60 * 60;

/**
 * The audit log's one entry for an import job (not one per row): who ran it, the kind, mode and
 * file name, and its counts. The input keeps no row data, so no personal data reaches the log.
 */
export function importAuditEntry(options: {
  agencyId: string;
  id: string;
  jobId: string;
  actor: { role: 'ADMIN'; subject: string };
  fileName: string;
  report: ImportReport;
  now: Date;
  retentionDays: number;
}): AuditEntry {
  const { report, now } = options;
  const at = now.toISOString();
  return {
    agencyId: options.agencyId,
    id: options.id,
    version: 1,
    createdAt: at,
    updatedAt: at,
    requestId: options.jobId,
    mutation: 'importFile',
    actorRole: options.actor.role,
    actorSubject: options.actor.subject,
    actorAgencyId: options.agencyId,
    targetType: 'ImportJob',
    ...auditInputOf({
      jobId: options.jobId,
      kind: report.kind,
      fileName: options.fileName,
      mode: report.mode,
      dryRun: report.dryRun,
      outcome: report.outcome,
      rows: report.rows,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected,
    }),
    expiresAt: Math.floor(now.getTime() / 1000) + options.retentionDays * DAY_SECONDS,
  };
}

/** Stores the job's audit entry. */
export async function recordImportAudit(table: Table, entry: AuditEntry): Promise<void> {
  await table.batchPut([auditEntryEntity.toItem(entry)]);
}
