import type { DeliveryStatus, WebhookDelivery, WebhookReplay } from '../../domain/webhooks/webhook-delivery';
import type { CursorCodec } from '../cursor';
import {
  DeliveryExists,
  deliveryKey,
  deliveryPartition,
  parkedPartition,
  pendingPartition,
  webhookDeliveryWrites,
} from '../entities/webhook-delivery';
import { recordOf, webhookPartition } from '../entities/webhook-endpoint';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { wonRace } from '../race-lost';
import type { QuerySpec, Table } from '../table';
import type { Write } from '../write';

/** Deliveries of changes to endpoints, and replay requests. */
export function createWebhookDeliveryRepository(table: Table, cursors: CursorCodec) {
  const toDelivery = (item: Record<string, unknown>) => recordOf<WebhookDelivery>(item);
  /** Runs a conditioned write; false when another writer moved the record first. */
  const unlessMoved = (writes: Write[]) => wonRace(table.transact(writes));

  return {
    /** One delivery, strongly consistent. */
    async get(partnerId: string, endpointId: string, sequence: number): Promise<WebhookDelivery | undefined> {
      const item = await table.get(deliveryKey(partnerId, endpointId, sequence));
      return item ? toDelivery(item) : undefined;
    },

    /** Stores a new delivery; when one exists already it is returned instead (nothing written). */
    async createIfAbsent(delivery: WebhookDelivery): Promise<WebhookDelivery | undefined> {
      try {
        await table.transact(webhookDeliveryWrites.create(delivery));
        return undefined;
      } catch (error) {
        if (!(error instanceof DeliveryExists)) throw error;
        return error.stored
          ? toDelivery(error.stored)
          : await this.get(delivery.partnerId, delivery.endpointId, delivery.sequence);
      }
    },

    /**
     * Replaces a delivery if it is still in the round and status the writer read (each attempt,
     * parking, a redelivery); false when another writer moved it first.
     */
    save(next: WebhookDelivery, read: { round: number; status: DeliveryStatus }): Promise<boolean> {
      return unlessMoved(webhookDeliveryWrites.save(next, read));
    },

    /** An endpoint's deliveries, newest first, optionally of one status (sparse indexes for PENDING and PARKED). */
    list(
      partnerId: string,
      endpointId: string,
      status: DeliveryStatus | undefined,
      args: PageArgs,
    ): Promise<Connection<WebhookDelivery>> {
      const spec: QuerySpec =
        status === 'PENDING'
          ? { index: 'gsi3', partition: pendingPartition(partnerId, endpointId), scanForward: false }
          : status === 'PARKED'
            ? { index: 'gsi4', partition: parkedPartition(partnerId, endpointId), scanForward: false }
            : {
                partition: deliveryPartition(partnerId, endpointId),
                scanForward: false,
                ...(status ? { filters: [{ attribute: 'status', equals: status }] } : {}),
              };
      return queryConnection(table, cursors, spec, args, toDelivery);
    },

    /** Every pending delivery of an endpoint in feed order (what a restarted local dispatcher queues again). */
    async pending(partnerId: string, endpointId: string): Promise<WebhookDelivery[]> {
      const items = await table.queryAll({
        index: 'gsi3',
        partition: pendingPartition(partnerId, endpointId),
      });
      return items.map(toDelivery);
    },

    /** Stores a new replay request. */
    createReplay(replay: WebhookReplay): Promise<void> {
      return table.transact(webhookDeliveryWrites.createReplay(replay));
    },

    /** Replays of a partner's endpoints still running, oldest first. */
    async runningReplays(partnerId: string): Promise<WebhookReplay[]> {
      const items = await table.queryAll({
        partition: webhookPartition(partnerId),
        sortKey: { beginsWith: 'Replay#' },
        filters: [{ attribute: 'status', equals: 'RUNNING' }],
        consistent: true,
      });
      return items
        .map((item) => recordOf<WebhookReplay>(item))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    /** Records a replay's progress if nobody else moved it since `readNext`; false otherwise. */
    saveReplay(next: WebhookReplay, readNext: number): Promise<boolean> {
      return unlessMoved(webhookDeliveryWrites.saveReplay(next, readNext));
    },
  };
}

export type WebhookDeliveryRepository = ReturnType<typeof createWebhookDeliveryRepository>;
