import type { AuditEntry } from '../../domain/audit-entry';
import type { Condition } from '../conditions';
import type { CursorCodec } from '../cursor';
import { auditEntryEntity, auditPartitions } from '../entities/audit-entry';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { instantRange } from '../sort-keys';
import type { QuerySpec, Table } from '../table';

/** Audit log filter; times are ISO instants as stored (`from` inclusive, `to` exclusive). */
export interface AuditListFilter {
  from?: string | undefined;
  to?: string | undefined;
  actorSubject?: string | undefined;
  mutation?: string | undefined;
  targetId?: string | undefined;
}

/**
 * The query for a filter: the most selective index whose key the filter gives (the object
 * changed, then the actor, then the mutation, else the whole log), the time range as a key
 * condition, the other criteria as filters.
 */
function listSpec(agencyId: string, filter: AuditListFilter): QuerySpec {
  const filters: Condition[] = [];
  let spec: QuerySpec;
  if (filter.targetId) {
    spec = { index: 'gsi3', partition: auditPartitions.target(agencyId, filter.targetId) };
    if (filter.actorSubject) filters.push({ attribute: 'actorSubject', equals: filter.actorSubject });
    if (filter.mutation) filters.push({ attribute: 'mutation', equals: filter.mutation });
  } else if (filter.actorSubject) {
    spec = { index: 'gsi2', partition: auditPartitions.actor(agencyId, filter.actorSubject) };
    if (filter.mutation) filters.push({ attribute: 'mutation', equals: filter.mutation });
  } else if (filter.mutation) {
    spec = { index: 'gsi4', partition: auditPartitions.mutation(agencyId, filter.mutation) };
  } else {
    spec = { index: 'gsi1', partition: auditPartitions.agency(agencyId) };
  }
  spec.scanForward = false;
  const sortKey = instantRange(filter.from, filter.to);
  if (sortKey) spec.sortKey = sortKey;
  if (filters.length) spec.filters = filters;
  return spec;
}

/** Audit entries in the single table: appended once, listed per agency newest first. */
export function createAuditRepository(table: Table, codec: CursorCodec) {
  return {
    /**
     * Replaces an entry stored with its mutation's change by a more precise one (same id): in
     * place, or moved in one transaction when it is filed under another agency.
     */
    async replace(before: AuditEntry, after: AuditEntry): Promise<void> {
      const item = auditEntryEntity.toItem(after);
      const old = auditEntryEntity.key(before.agencyId, before.id);
      const moved = old.pk !== item.pk;
      await table.transact([{ put: item }, ...(moved ? [{ delete: old }] : [])], { bookkeeping: true });
    },

    /** A page of an agency's log, newest first. */
    list(agencyId: string, filter: AuditListFilter, page: PageArgs): Promise<Connection<AuditEntry>> {
      return queryConnection(table, codec, listSpec(agencyId, filter), page, auditEntryEntity.fromItem);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
