import type { PartnerFeedReader } from '../data/partner-feed';
import type { TrainingRepository } from '../data/repositories/training-repository';
import type { WebhookEndpointRepository } from '../data/repositories/webhook-endpoint-repository';
import type { ChangeType } from '../domain/partner-feed';
import { HEALTHY } from '../domain/webhooks/circuit';
import { type UrlPolicy, urlProblem } from '../domain/webhooks/endpoint-url';
import { newSigningSecret } from '../domain/webhooks/signature';
import { DEFAULT_ROTATION_OVERLAP_HOURS, type WebhookEndpoint } from '../domain/webhooks/webhook-endpoint';
import { BadUserInputError, NotFoundError } from '../errors/app-error';
import type { Ref, RequestScope } from './request-scope';
import {
  requireInReach,
  requireManaged,
  requireWebhookManager,
  visibleEndpoint,
  webhookRefOf,
} from './webhook-access';

/** Seals signing secrets for storage (src/webhooks/secret-box.ts). */
export interface SecretSealer {
  seal(plain: string, boundTo: string): string;
}

/** What a secret is bound to when sealed: its endpoint. */
export const secretBinding = (partnerId: string, endpointId: string) => `webhook:${partnerId}:${endpointId}`;

/** An endpoint as a create or rotation returns it: with its new secret, shown this once. */
export type RevealedEndpoint = WebhookEndpoint & { revealedSecret?: string };

export interface WebhookEndpointDeps {
  webhookEndpoints: WebhookEndpointRepository;
  training: TrainingRepository;
  partnerFeed: PartnerFeedReader;
  clock: () => Date;
  newId: () => string;
  secretBox: SecretSealer;
  urlPolicy: UrlPolicy;
}

/** Registering, changing, rotating and removing webhook endpoints (partners, and agency admins for a partner). */
export function createWebhookEndpointService(deps: WebhookEndpointDeps) {
  const { webhookEndpoints, clock, secretBox, urlPolicy } = deps;

  const checkUrl = (url: string) => {
    const problem = urlProblem(url, urlPolicy);
    if (problem) throw BadUserInputError.of('input.url', problem);
  };

  /** The endpoint behind a global id, if the caller may manage it. */
  async function managed(scope: RequestScope, ref: Ref, globalId: string) {
    const manager = requireWebhookManager(scope.caller);
    const parts = webhookRefOf(ref, 'input.id', false);
    requireInReach(manager, parts);
    const endpoint = visibleEndpoint(
      manager,
      parts,
      await webhookEndpoints.get(parts.partnerId, parts.endpointId),
      globalId,
    );
    requireManaged(manager, endpoint);
    return endpoint;
  }

  const sealed = (partnerId: string, id: string, secret: string, at: string) => ({
    sealed: secretBox.seal(secret, secretBinding(partnerId, id)),
    createdAt: at,
  });

  return {
    /** The endpoints the caller manages (a partner also sees those agencies registered for it). */
    async list(scope: RequestScope): Promise<WebhookEndpoint[]> {
      const manager = requireWebhookManager(scope.caller);
      const all =
        manager.kind === 'partner'
          ? await webhookEndpoints.ofPartner(manager.partnerId)
          : await webhookEndpoints.ofAgency(manager.agencyId);
      return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    /** Registers an endpoint; it receives the changes committed after this moment (older ones by replay). */
    async create(
      scope: RequestScope,
      input: {
        url: string;
        changeTypes: ChangeType[];
        description?: string | undefined;
        partnerCode?: string | undefined;
      },
    ): Promise<RevealedEndpoint> {
      const manager = requireWebhookManager(scope.caller);
      let partnerId: string;
      if (manager.kind === 'partner') {
        if (input.partnerCode && input.partnerCode !== manager.partnerId)
          throw BadUserInputError.of('input.partnerCode', 'a partner registers endpoints for itself only');
        partnerId = manager.partnerId;
      } else {
        if (!input.partnerCode)
          throw BadUserInputError.of(
            'input.partnerCode',
            'is required when an administrator registers an endpoint',
          );
        // The partner must serve this agency: its programs are what the endpoint will carry.
        if (!(await deps.training.getPartner(scope.loader, manager.agencyId, input.partnerCode)))
          throw new NotFoundError('Partner', input.partnerCode);
        partnerId = input.partnerCode;
      }
      checkUrl(input.url);
      const now = clock().toISOString();
      const id = deps.newId();
      const secret = newSigningSecret();
      const endpoint: WebhookEndpoint = {
        partnerId,
        id,
        url: input.url,
        description: input.description,
        changeTypes: input.changeTypes,
        agencyId: manager.kind === 'agency' ? manager.agencyId : undefined,
        registeredBy: scope.caller.kind === 'public' ? '' : scope.caller.subject,
        enabled: true,
        secrets: [sealed(partnerId, id, secret, now)],
        startAfterSequence: await deps.partnerFeed.last(partnerId),
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await webhookEndpoints.create(endpoint);
      return { ...endpoint, revealedSecret: secret };
    },

    /** Changes URL, change types, description or switches it on or off (on again: it continues where it stopped). */
    async update(
      scope: RequestScope,
      ref: Ref,
      globalId: string,
      input: {
        version: number;
        url?: string | undefined;
        changeTypes?: ChangeType[] | undefined;
        description?: string | undefined;
        enabled?: boolean | undefined;
      },
    ): Promise<WebhookEndpoint> {
      const endpoint = await managed(scope, ref, globalId);
      if (input.url !== undefined) checkUrl(input.url);
      const reEnabled = input.enabled === true && !endpoint.enabled;
      const next: WebhookEndpoint = {
        ...endpoint,
        url: input.url ?? endpoint.url,
        changeTypes: input.changeTypes ?? endpoint.changeTypes,
        description: input.description ?? endpoint.description,
        enabled: input.enabled ?? endpoint.enabled,
        disabledReason:
          input.enabled === false ? 'BY_OWNER' : input.enabled === true ? undefined : endpoint.disabledReason,
        version: input.version + 1,
        updatedAt: clock().toISOString(),
      };
      await webhookEndpoints.update(next, input.version);
      // Switched on again after failing: a fresh circuit, or the first failure would disable it at once.
      if (reEnabled) {
        const health = await webhookEndpoints.health(endpoint.partnerId, endpoint.id);
        await webhookEndpoints.saveHealth(endpoint.partnerId, endpoint.id, health, {
          ...HEALTHY,
          delivered: health.delivered,
          failed: health.failed,
        });
      }
      return next;
    },

    /**
     * A new signing secret. The previous one keeps signing for `overlapHours` (both signatures
     * are sent), so receivers can switch without losing a message; 0 retires it at once (a leak).
     */
    async rotate(
      scope: RequestScope,
      ref: Ref,
      globalId: string,
      input: { version: number; overlapHours?: number | undefined },
    ): Promise<RevealedEndpoint> {
      const endpoint = await managed(scope, ref, globalId);
      const now = clock();
      const overlapMs = (input.overlapHours ?? DEFAULT_ROTATION_OVERLAP_HOURS) * 3_600_000;
      const retiresAt = new Date(now.getTime() + overlapMs).toISOString();
      // Only the current secret overlaps the new one; one rotated out earlier retires now.
      const current = endpoint.secrets.find((s) => !s.retiresAt);
      const secret = newSigningSecret();
      const next: WebhookEndpoint = {
        ...endpoint,
        secrets: [
          sealed(endpoint.partnerId, endpoint.id, secret, now.toISOString()),
          ...(current && overlapMs > 0 ? [{ ...current, retiresAt }] : []),
        ],
        version: input.version + 1,
        updatedAt: now.toISOString(),
      };
      await webhookEndpoints.update(next, input.version);
      return { ...next, revealedSecret: secret };
    },

    /** Removes an endpoint: nothing more is sent to it (its delivery history expires with time). */
    async delete(
      scope: RequestScope,
      ref: Ref,
      globalId: string,
      input: { version: number },
    ): Promise<WebhookEndpoint> {
      const endpoint = await managed(scope, ref, globalId);
      await webhookEndpoints.delete(endpoint, input.version);
      return endpoint;
    },

    /** The circuit health of an endpoint. */
    health: (endpoint: WebhookEndpoint) => webhookEndpoints.health(endpoint.partnerId, endpoint.id),

    /** The last feed sequence handed to the dispatcher for this endpoint. */
    async fannedOutThrough(endpoint: WebhookEndpoint): Promise<number> {
      return (await webhookEndpoints.cursor(endpoint.partnerId, endpoint.id)) ?? endpoint.startAfterSequence;
    },
  };
}

export type WebhookEndpointService = ReturnType<typeof createWebhookEndpointService>;
