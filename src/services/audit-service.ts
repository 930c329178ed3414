import type { Caller } from '../auth/caller';
import type { Connection, PageArgs } from '../data/paginate';
import type { AuditListFilter, AuditRepository } from '../data/repositories/audit-repository';
import type { OrganizationRepository } from '../data/repositories/organization-repository';
import { type AuditEntry, auditInputOf } from '../domain/audit-entry';
import { requireStaff } from './access';
import type { AddressHasher } from './client-address';
import type { RequestScope } from './request-scope';

/** A mutation root field that succeeded, as the server saw it. */
export interface CompletedMutation {
  mutation: string;
  /** The `input` argument as received. */
  input: unknown;
  /** The object changed: its type, global id and agency (from the id). */
  target?: { type: string; id: string; agencyId: string } | undefined;
  versionAfter?: number | undefined;
}

export interface AuditServiceDeps {
  audit: AuditRepository;
  clock: () => Date;
  newId: () => string;
  organization: OrganizationRepository;
  hashAddress: AddressHasher;
  /** Days entries are kept when the agency has no retention policy of its own. */
  defaultRetentionDays: number;
}

const DAY_SECONDS = 24 * 60 * 60;

/** Who acted, as stored: staff and partners by token subject, the public by hashed address. */
function actorOf(caller: Caller, sourceIp: string | undefined, hashAddress: AddressHasher) {
  if (caller.kind === 'public') {
    return { actorRole: 'PUBLIC' as const, actorAddressHash: sourceIp ? hashAddress(sourceIp) : undefined };
  }
  if (caller.kind === 'partner') return { actorRole: 'PARTNER' as const, actorSubject: caller.subject };
  return { actorRole: caller.role, actorSubject: caller.subject, actorAgencyId: caller.agencyId };
}

/** The `version` an update input names (the version it changed), if any. */
function versionIn(input: unknown): number | undefined {
  const version = (input as { version?: unknown } | null | undefined)?.version;
  return typeof version === 'number' ? version : undefined;
}

/** The audit log: every successful mutation, recorded per agency; read by administrators. */
export function createAuditService(deps: AuditServiceDeps) {
  const { audit, clock, newId, hashAddress, organization, defaultRetentionDays } = deps;

  /** Days an agency keeps its audit log: its own policy, or the deployment's default. */
  async function retentionDaysOf(scope: RequestScope, agencyId: string): Promise<number> {
    const agency = await organization.getAgency(scope.loader, agencyId);
    return agency?.auditRetentionDays ?? defaultRetentionDays;
  }

  return {
    retentionDaysOf,

    /**
     * The entry of one mutation under the agency of the object it changed (the unit's agency for
     * public feedback), or the caller's agency when the mutation names none; undefined (logged)
     * when there is no agency to file it under. `identity` fixes its id and time, so the entry
     * built for each transaction of one mutation is the same item.
     */
    async entryOf(
      scope: RequestScope,
      done: CompletedMutation,
      identity: { id: string; at: Date },
    ): Promise<AuditEntry | undefined> {
      const at = identity.at.toISOString();
      const actor = actorOf(scope.caller, scope.sourceIp, hashAddress);
      const agencyId = done.target?.agencyId ?? actor.actorAgencyId;
      if (!agencyId) {
        scope.logger.error('Audit entry without an agency; not recorded', { mutation: done.mutation });
        return undefined;
      }
      return {
        agencyId,
        id: identity.id,
        version: 1,
        createdAt: at,
        updatedAt: at,
        requestId: scope.requestId,
        mutation: done.mutation,
        ...actor,
        targetType: done.target?.type,
        targetId: done.target?.id,
        versionBefore: versionIn(done.input),
        versionAfter: done.versionAfter,
        ...auditInputOf(done.input),
        expiresAt:
          Math.floor(identity.at.getTime() / 1000) + (await retentionDaysOf(scope, agencyId)) * DAY_SECONDS,
      };
    },

    /** A fresh identity for the entry of a mutation about to run. */
    newIdentity: () => ({ id: newId(), at: clock() }),

    /**
     * Stores `after` in place of `before`, the entry its change committed with, once the result
     * names the changed object more precisely than the writes did.
     */
    correct: (before: AuditEntry, after: AuditEntry) => audit.replace(before, after),

    /** The audit log of the caller's agency, newest first (administrators only). */
    list(scope: RequestScope, filter: AuditListFilter, page: PageArgs): Promise<Connection<AuditEntry>> {
      const caller = requireStaff(scope.caller, ['ADMIN']);
      return audit.list(caller.agencyId, filter, page);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
