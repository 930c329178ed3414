import type { EndpointHealth } from '../../domain/webhooks/circuit';
import { MAX_ENDPOINTS_PER_PARTNER, type WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import { ConflictError } from '../../errors/app-error';
import type { Item, ItemKey } from '../item';
import { RaceLostError } from '../race-lost';
import { putNew, type Refusal, type Write, type WriteCondition } from '../write';

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

/** The endpoint changed since the caller read it (or was deleted). */
const changedSinceRead: Refusal = (_, cause) =>
  new ConflictError(
    'The webhook endpoint changed since you read it (or was deleted); read it again',
    {},
    cause,
  );

/** Another writer moved a circuit or a fan-out position first. */
const movedOn: Refusal = (_, cause) => new RaceLostError('Moved by another writer', { cause });

const withVersion = (expected: number): WriteCondition => ({
  expression: '#v = :v',
  names: { '#v': 'version' },
  values: { ':v': expected },
});

/** The writes of webhook endpoints, their circuit and fan-out position. */
export const webhookEndpointWrites = {
  /** A new endpoint with a closed circuit, counted against the partner's limit (CONFLICT past it). */
  create(endpoint: WebhookEndpoint, closed: EndpointHealth): Write[] {
    return [
      {
        update: endpointCountKey(endpoint.partnerId),
        set: { entity: 'WebhookEndpointCount' },
        add: { endpoints: 1 },
        condition: {
          expression: 'attribute_not_exists(#n) OR #n < :max',
          names: { '#n': 'endpoints' },
          values: { ':max': MAX_ENDPOINTS_PER_PARTNER },
        },
        refused: (_, cause) =>
          new ConflictError(
            `A partner may have at most ${MAX_ENDPOINTS_PER_PARTNER} webhook endpoints`,
            {},
            cause,
          ),
      },
      putNew(endpointItem(endpoint)),
      { put: healthItem(endpoint.partnerId, endpoint.id, closed) },
    ];
  },

  /** Replaces an endpoint if it still has the version the caller read. */
  update(endpoint: WebhookEndpoint, expectedVersion: number): Write[] {
    return [
      { put: endpointItem(endpoint), condition: withVersion(expectedVersion), refused: changedSinceRead },
    ];
  },

  /** Deletes an endpoint, its health and feed position (deliveries stay as history until they expire). */
  delete(endpoint: WebhookEndpoint, expectedVersion: number): Write[] {
    const { partnerId, id } = endpoint;
    return [
      {
        delete: endpointKey(partnerId, id),
        condition: withVersion(expectedVersion),
        refused: changedSinceRead,
      },
      { delete: healthKey(partnerId, id) },
      { delete: cursorKey(partnerId, id) },
      { update: endpointCountKey(partnerId), add: { endpoints: -1 } },
    ];
  },

  /** The next health, if nobody else wrote since `read` (a RaceLostError otherwise). */
  saveHealth(partnerId: string, id: string, read: EndpointHealth, next: EndpointHealth): Write[] {
    return [
      {
        put: healthItem(partnerId, id, { ...next, revision: read.revision + 1 }),
        condition: {
          expression: read.revision === 0 ? 'attribute_not_exists(#r) OR #r = :r' : '#r = :r',
          names: { '#r': 'revision' },
          values: { ':r': read.revision },
        },
        refused: movedOn,
      },
    ];
  },

  /** Moves the fan-out position from `from` to `to` (a RaceLostError if another fan-out moved it first). */
  advanceCursor(partnerId: string, id: string, from: number | undefined, to: number): Write[] {
    const item = {
      ...cursorKey(partnerId, id),
      entity: 'WebhookCursor',
      partnerId,
      endpointId: id,
      through: to,
    };
    return [
      from === undefined
        ? putNew(item, movedOn)
        : {
            put: item,
            condition: { expression: '#t = :t', names: { '#t': 'through' }, values: { ':t': from } },
            refused: movedOn,
          },
    ];
  },
};
