import type { AuditEntry } from '../../domain/audit-entry';
import { defineEntity } from '../entity';
import { ordered } from '../sort-keys';

/** Sort key of every audit index: completion time, then the id, so ties keep their order. */
const bySortKey = (e: AuditEntry) => ordered(e.createdAt, e.id);

/** Index partitions of the audit log, shared by the declaration below and the repository's queries. */
export const auditPartitions = {
  agency: (agencyId: string) => `${agencyId}#AuditEntry`,
  actor: (agencyId: string, subject: string) => `${agencyId}#AuditEntry#actor#${subject}`,
  target: (agencyId: string, targetId: string) => `${agencyId}#AuditEntry#target#${targetId}`,
  mutation: (agencyId: string, mutation: string) => `${agencyId}#AuditEntry#mutation#${mutation}`,
};

/**
 * Audit entries, one item per successful mutation, kept `AUDIT_RETENTION_DAYS` (TTL
 * `expiresAt`). Read backwards (newest first): gsi1 the agency's whole log, gsi2 by actor,
 * gsi3 by changed object, gsi4 by mutation, so each filter of `auditLog` is a key condition
 * rather than a scan through the log.
 */
export const auditEntryEntity = defineEntity<AuditEntry>({
  type: 'AuditEntry',
  indexes: {
    gsi1: (e) => ({ pk: auditPartitions.agency(e.agencyId), sk: bySortKey(e) }),
    gsi2: (e) =>
      e.actorSubject
        ? { pk: auditPartitions.actor(e.agencyId, e.actorSubject), sk: bySortKey(e) }
        : undefined,
    gsi3: (e) =>
      e.targetId ? { pk: auditPartitions.target(e.agencyId, e.targetId), sk: bySortKey(e) } : undefined,
    gsi4: (e) => ({ pk: auditPartitions.mutation(e.agencyId, e.mutation), sk: bySortKey(e) }),
  },
});
