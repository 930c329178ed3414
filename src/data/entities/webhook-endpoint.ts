import type { EndpointHealth } from '../../domain/webhooks/circuit';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import type { Item, ItemKey } from '../table';

/**
 * Webhook endpoints live in their partner's partition (the partner is their tenant, as for its
 * feed): `@partner-<code>#Webhook`, sort keys `Endpoint#<id>` (the configuration), `Health#<id>`
 * (the circuit, written by the dispatcher), `Cursor#<id>` (the fan-out's feed position),
 * `Replay#<id>#<replay>` (replay requests) and `#count` (how many endpoints, for the limit).
 * gsi1 (sparse): endpoints an agency's administrators registered; gsi2: every endpoint.
 */
export const webhookPartition = (partnerId: string) => `@partner-${partnerId}#Webhook`;

export const endpointKey = (partnerId: string, id: string): ItemKey => ({
  pk: webhookPartition(partnerId),
  sk: `Endpoint#${id}`,
});
export const healthKey = (partnerId: string, id: string): ItemKey => ({
  pk: webhookPartition(partnerId),
  sk: `Health#${id}`,
});
export const cursorKey = (partnerId: string, id: string): ItemKey => ({
  pk: webhookPartition(partnerId),
  sk: `Cursor#${id}`,
});
export const replayKey = (partnerId: string, endpointId: string, id: string): ItemKey => ({
  pk: webhookPartition(partnerId),
  sk: `Replay#${endpointId}#${id}`,
});
export const endpointCountKey = (partnerId: string): ItemKey => ({
  pk: webhookPartition(partnerId),
  sk: '#count',
});

/** gsi1 partition of the endpoints an agency registered. */
export const agencyEndpointsPartition = (agencyId: string) => `${agencyId}#WebhookEndpoint`;
/** gsi2 partition of every endpoint (the local dispatcher and the safety sweep walk it). */
export const ALL_ENDPOINTS_PARTITION = 'WebhookEndpoint';

/** The stored endpoint item. */
export function endpointItem(endpoint: WebhookEndpoint): Item {
  return {
    ...endpoint,
    ...endpointKey(endpoint.partnerId, endpoint.id),
    entity: 'WebhookEndpoint',
    gsi2pk: ALL_ENDPOINTS_PARTITION,
    gsi2sk: `${endpoint.partnerId}#${endpoint.id}`,
    ...(endpoint.agencyId
      ? {
          gsi1pk: agencyEndpointsPartition(endpoint.agencyId),
          gsi1sk: `${endpoint.createdAt}#${endpoint.id}`,
        }
      : {}),
  };
}

/** The stored health item. */
export function healthItem(partnerId: string, endpointId: string, health: EndpointHealth): Item {
  return { ...health, ...healthKey(partnerId, endpointId), entity: 'WebhookHealth', partnerId, endpointId };
}

const BOOKKEEPING = new Set([
  'pk',
  'sk',
  'entity',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
]);

/** A record from its item: keys and index attributes stripped. */
export function recordOf<T>(item: Item): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !BOOKKEEPING.has(name))) as T;
}
