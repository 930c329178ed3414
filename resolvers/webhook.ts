import { deliveryIdOf, webhookIdOf } from '../src/domain/webhooks/webhook-delivery';
import { activeSecrets, webhookTenantOf } from '../src/domain/webhooks/webhook-endpoint';
import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from './global-id';
import { parseInput } from './parse-input';
import {
  CreateWebhookEndpointInput,
  DeleteWebhookEndpointInput,
  RedeliverWebhookInput,
  ReplayWebhooksInput,
  RotateWebhookSecretInput,
  UpdateWebhookEndpointInput,
  webhookEndpointId,
} from './webhook.inputs';

const tenantOf = (record: { partnerId: string; agencyId?: string | undefined }) =>
  webhookTenantOf({ partnerId: record.partnerId, agencyId: record.agencyId });

/** Partner webhooks: endpoints, deliveries, redelivery and replay. */
export const webhookResolvers: Resolvers = {
  Query: {
    webhookEndpoints: (_, __, ctx) => ctx.services.webhookEndpoints.list(ctx),
    webhookDeliveries: (_, { endpointId, status, first, after }, ctx) => {
      const { ref, globalId } = parseInput(webhookEndpointId, endpointId, 'endpointId');
      return ctx.services.webhookDeliveries.list(ctx, ref, globalId, {
        status: status ?? undefined,
        first,
        after,
      });
    },
  },
  Mutation: {
    createWebhookEndpoint: (_, { input }, ctx) =>
      ctx.services.webhookEndpoints.create(ctx, parseInput(CreateWebhookEndpointInput, input)),
    updateWebhookEndpoint: (_, { input }, ctx) => {
      const { id, ...rest } = parseInput(UpdateWebhookEndpointInput, input);
      return ctx.services.webhookEndpoints.update(ctx, id.ref, id.globalId, rest);
    },
    rotateWebhookSecret: (_, { input }, ctx) => {
      const { id, ...rest } = parseInput(RotateWebhookSecretInput, input);
      return ctx.services.webhookEndpoints.rotate(ctx, id.ref, id.globalId, rest);
    },
    deleteWebhookEndpoint: (_, { input }, ctx) => {
      const { id, ...rest } = parseInput(DeleteWebhookEndpointInput, input);
      return ctx.services.webhookEndpoints.delete(ctx, id.ref, id.globalId, rest);
    },
    redeliverWebhook: (_, { input }, ctx) => {
      const { deliveryId } = parseInput(RedeliverWebhookInput, input);
      return ctx.services.webhookDeliveries.redeliver(ctx, deliveryId.ref, deliveryId.globalId);
    },
    replayWebhooks: (_, { input }, ctx) => {
      const { endpointId, ...rest } = parseInput(ReplayWebhooksInput, input);
      return ctx.services.webhookDeliveries.replay(ctx, endpointId.ref, endpointId.globalId, rest);
    },
  },
  WebhookEndpoint: {
    id: (e) => toGlobalId('WebhookEndpoint', tenantOf(e), `${e.partnerId}.${e.id}`),
    description: (e) => e.description ?? null,
    partnerCode: (e) => e.partnerId,
    agencyCode: (e) => e.agencyId ?? null,
    disabledReason: (e) => e.disabledReason ?? null,
    secret: (e) => e.revealedSecret ?? null,
    activeSecretCount: (e, _, ctx) => activeSecrets(e, ctx.clock()).length,
    previousSecretRetiresAt: (e, _, ctx) =>
      activeSecrets(e, ctx.clock()).find((s) => s.retiresAt)?.retiresAt ?? null,
    fannedOutThroughSequence: (e, _, ctx) => ctx.services.webhookEndpoints.fannedOutThrough(e),
    health: (e, _, ctx) => ctx.services.webhookEndpoints.health(e),
  },
  WebhookEndpointHealth: {
    circuit: (h) => h.state,
    pausedSince: (h) => h.openedAt ?? null,
    nextProbeAt: (h) => (h.state === 'OPEN' ? (h.probeAt ?? null) : null),
    lastSuccessAt: (h) => h.lastSuccessAt ?? null,
    lastFailureAt: (h) => h.lastFailureAt ?? null,
  },
  WebhookDelivery: {
    id: (d) => toGlobalId('WebhookDelivery', d.tenant, `${d.partnerId}.${deliveryIdOf(d)}`),
    webhookId: (d) => webhookIdOf(d.partnerId, d.sequence),
    nextAttemptAt: (d) => (d.status === 'PENDING' ? (d.nextAttemptAt ?? null) : null),
    deliveredAt: (d) => d.deliveredAt ?? null,
    parkedAt: (d) => d.parkedAt ?? null,
    parkReason: (d) => d.parkReason ?? null,
  },
  WebhookAttempt: {
    statusCode: (a) => a.statusCode ?? null,
    probe: (a) => a.probe ?? false,
  },
  WebhookReplay: {
    id: (r) =>
      toGlobalId(
        'WebhookReplay',
        webhookTenantOf({ partnerId: r.partnerId }),
        `${r.partnerId}.${r.endpointId}.${r.id}`,
      ),
  },
};
