import type { DeliveryStatus, WebhookDelivery, WebhookReplay } from '../../domain/webhooks/webhook-delivery';
import type { Item, ItemKey } from '../item';
import { sequenceKey } from '../partner-feed';
import { RaceLostError } from '../race-lost';
import { putNew, type Refusal, type Write } from '../write';
import { replayKey } from './webhook-endpoint';

/**
 * One item per change and endpoint: `@partner-<code>#WebhookDelivery#<endpoint>`, sort key the
 * zero-padded sequence (newest first reads backwards). Sparse gsi3 holds the PENDING ones of an
 * endpoint (what a restarted local dispatcher queues again), sparse gsi4 the PARKED ones.
 */
export const deliveryPartition = (partnerId: string, endpointId: string) =>
  `@partner-${partnerId}#WebhookDelivery#${endpointId}`;

export const deliveryKey = (partnerId: string, endpointId: string, sequence: number): ItemKey => ({
  pk: deliveryPartition(partnerId, endpointId),
  sk: sequenceKey(sequence),
});

export const pendingPartition = (partnerId: string, endpointId: string) =>
  `@partner-${partnerId}#WebhookPending#${endpointId}`;
export const parkedPartition = (partnerId: string, endpointId: string) =>
  `@partner-${partnerId}#WebhookParked#${endpointId}`;

/** Delivered records are kept this long for `webhookDeliveries`; pending and parked ones until they move on. */
export const DELIVERED_RETENTION_DAYS = 90;

/** The stored delivery item, with its sparse index keys and, once delivered, its expiry. */
export function deliveryItem(delivery: WebhookDelivery): Item {
  const { partnerId, endpointId, sequence, status } = delivery;
  const item: Item = {
    ...delivery,
    ...deliveryKey(partnerId, endpointId, sequence),
    entity: 'WebhookDelivery',
  };
  if (status === 'PENDING')
    Object.assign(item, { gsi3pk: pendingPartition(partnerId, endpointId), gsi3sk: sequenceKey(sequence) });
  if (status === 'PARKED')
    Object.assign(item, { gsi4pk: parkedPartition(partnerId, endpointId), gsi4sk: sequenceKey(sequence) });
  if (status === 'DELIVERED' && delivery.deliveredAt)
    item.expiresAt = Math.floor(Date.parse(delivery.deliveredAt) / 1000) + DELIVERED_RETENTION_DAYS * 86_400;
  return item;
}

/** The stored replay request. */
export function replayItem(replay: WebhookReplay): Item {
  return { ...replay, ...replayKey(replay.partnerId, replay.endpointId, replay.id), entity: 'WebhookReplay' };
}

/** A delivery of that change to that endpoint exists already: it is the one to go on with. */
export class DeliveryExists extends Error {
  constructor(
    readonly stored: Item | undefined,
    options?: { cause?: unknown },
  ) {
    super('The delivery exists already', options);
    this.name = 'DeliveryExists';
  }
}

const movedOn: Refusal = (_, cause) => new RaceLostError('Moved by another writer', { cause });

/** The writes of deliveries and replays. */
export const webhookDeliveryWrites = {
  /** A new delivery; an existing one is a DeliveryExists carrying it. */
  create(delivery: WebhookDelivery): Write[] {
    return [putNew(deliveryItem(delivery), (stored, cause) => new DeliveryExists(stored, { cause }))];
  },

  /** The next state of a delivery, if it is still in the round and status the writer read (a RaceLostError otherwise). */
  save(next: WebhookDelivery, read: { round: number; status: DeliveryStatus }): Write[] {
    return [
      {
        put: deliveryItem(next),
        condition: {
          expression: '#r = :r AND #s = :s',
          names: { '#r': 'round', '#s': 'status' },
          values: { ':r': read.round, ':s': read.status },
        },
        refused: movedOn,
      },
    ];
  },

  /** A new replay request. */
  createReplay(replay: WebhookReplay): Write[] {
    return [putNew(replayItem(replay))];
  },

  /** A replay's progress, if nobody else moved it since `readNext` (a RaceLostError otherwise). */
  saveReplay(next: WebhookReplay, readNext: number): Write[] {
    return [
      {
        put: replayItem(next),
        condition: { expression: '#n = :n', names: { '#n': 'nextSequence' }, values: { ':n': readNext } },
        refused: movedOn,
      },
    ];
  },
};
