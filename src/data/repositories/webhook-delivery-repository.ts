import type { DeliveryStatus, WebhookDelivery, WebhookReplay } from '../../domain/webhooks/webhook-delivery';
import type { CursorCodec } from '../cursor';
import {
  deliveryItem,
  deliveryKey,
  deliveryPartition,
  parkedPartition,
  pendingPartition,
  replayItem,
} from '../entities/webhook-delivery';
import { recordOf, webhookPartition } from '../entities/webhook-endpoint';
import { type Connection, type PageArgs, queryConnection } from '../paginate';
import { ConditionFailedError, type QuerySpec, type Table } from '../table';

/** Deliveries of changes to endpoints, and replay requests. */
export function createWebhookDeliveryRepository(table: Table, cursors: CursorCodec) {
  const toDelivery = (item: Record<string, unknown>) => recordOf<WebhookDelivery>(item);

  return {
    /** One delivery, strongly consistent. */
    async get(partnerId: string, endpointId: string, sequence: number): Promise<WebhookDelivery | undefined> {
      const item = await table.get(deliveryKey(partnerId, endpointId, sequence));
      return item ? toDelivery(item) : undefined;
    },

    /** Stores a new delivery; when one exists already it is returned instead (nothing written). */
    async createIfAbsent(delivery: WebhookDelivery): Promise<WebhookDelivery | undefined> {
      try {
        await table.put(deliveryItem(delivery), { expression: 'attribute_not_exists(pk)' });
        return undefined;
      } catch (error) {
        if (error instanceof ConditionFailedError) {
          const existing = error.items[0];
          return existing
            ? toDelivery(existing)
            : await this.get(delivery.partnerId, delivery.endpointId, delivery.sequence);
        }
        throw error;
      }
    },

    /**
     * Replaces a delivery if it is still in the round and status the writer read (each attempt,
     * parking, a redelivery); false when another writer moved it first.
     */
    async save(next: WebhookDelivery, read: { round: number; status: DeliveryStatus }): Promise<boolean> {
      try {
        await table.put(deliveryItem(next), {
          expression: '#r = :r AND #s = :s',
          names: { '#r': 'round', '#s': 'status' },
          values: { ':r': read.round, ':s': read.status },
        });
        return true;
      } catch (error) {
        if (error instanceof ConditionFailedError) return false;
        throw error;
      }
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
    async createReplay(replay: WebhookReplay): Promise<void> {
      await table.put(replayItem(replay), { expression: 'attribute_not_exists(pk)' });
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
    async saveReplay(next: WebhookReplay, readNext: number): Promise<boolean> {
      try {
        await table.put(replayItem(next), {
          expression: '#n = :n',
          names: { '#n': 'nextSequence' },
          values: { ':n': readNext },
        });
        return true;
      } catch (error) {
        if (error instanceof ConditionFailedError) return false;
        throw error;
      }
    },
  };
}

export type WebhookDeliveryRepository = ReturnType<typeof createWebhookDeliveryRepository>;
