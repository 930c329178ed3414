import type { Resolvers } from '../src/generated/graphql';
import { AuditLogFilterInput } from './audit.inputs';
import { toGlobalId } from './global-id';
import { parseInput } from './parse-input';

/** The audit log (jejak audit): administrators read their agency's changes. */
export const auditResolvers: Resolvers = {
  Query: {
    auditLog: (_, { filter, first, after }, ctx) =>
      ctx.services.audit.list(ctx, parseInput(AuditLogFilterInput, filter, 'filter'), { first, after }),
  },
  Agency: {
    auditRetentionDays: (agency, _, ctx) => ctx.services.audit.retentionDaysOf(ctx, agency.id),
  },
  AuditEntryConnection: { totalCount: (connection) => connection.totalCount() },
  AuditEntry: {
    id: (entry) => toGlobalId('AuditEntry', entry.agencyId, entry.id),
    at: (entry) => entry.createdAt,
    actor: (entry) => entry,
    targetType: (entry) => entry.targetType ?? null,
    targetId: (entry) => entry.targetId ?? null,
    versionBefore: (entry) => entry.versionBefore ?? null,
    versionAfter: (entry) => entry.versionAfter ?? null,
    expiresAt: (entry) => new Date(entry.expiresAt * 1000).toISOString(),
  },
  AuditActor: {
    role: (entry) => entry.actorRole,
    subject: (entry) => entry.actorSubject ?? null,
    agencyId: (entry) => entry.actorAgencyId ?? null,
    addressHash: (entry) => entry.actorAddressHash ?? null,
  },
};
