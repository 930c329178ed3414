import { type EndpointHealth, HEALTHY } from '../../domain/webhooks/circuit';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import {
  ALL_ENDPOINTS_PARTITION,
  agencyEndpointsPartition,
  cursorKey,
  endpointKey,
  healthKey,
  recordOf,
  webhookEndpointWrites,
  webhookPartition,
} from '../entities/webhook-endpoint';
import { wonRace } from '../race-lost';
import type { Table } from '../table';
import type { Write } from '../write';

/** Endpoints, their circuit health and the fan-out's feed positions. */
export function createWebhookEndpointRepository(table: Table) {
  /** Runs a conditioned write; false when another writer moved the record first. */
  const unlessMoved = (writes: Write[]) => wonRace(table.transact(writes));

  return {
    /** One endpoint, strongly consistent. */
    async get(partnerId: string, id: string): Promise<WebhookEndpoint | undefined> {
      const item = await table.get(endpointKey(partnerId, id));
      return item ? recordOf<WebhookEndpoint>(item) : undefined;
    },

    /** Every endpoint of a partner (at most {@link MAX_ENDPOINTS_PER_PARTNER}). */
    async ofPartner(partnerId: string): Promise<WebhookEndpoint[]> {
      const items = await table.queryAll({
        partition: webhookPartition(partnerId),
        sortKey: { beginsWith: 'Endpoint#' },
        consistent: true,
      });
      return items.map((item) => recordOf<WebhookEndpoint>(item));
    },

    /** The endpoints an agency's administrators registered, oldest first. */
    async ofAgency(agencyId: string): Promise<WebhookEndpoint[]> {
      const items = await table.queryAll({ index: 'gsi1', partition: agencyEndpointsPartition(agencyId) });
      return items.map((item) => recordOf<WebhookEndpoint>(item));
    },

    /** Every endpoint of every partner (bounded by the per-partner limit). */
    async all(): Promise<WebhookEndpoint[]> {
      const items = await table.queryAll({ index: 'gsi2', partition: ALL_ENDPOINTS_PARTITION });
      return items.map((item) => recordOf<WebhookEndpoint>(item));
    },

    /** Stores a new endpoint with a closed circuit; CONFLICT past the per-partner limit. */
    create(endpoint: WebhookEndpoint): Promise<void> {
      return table.transact(webhookEndpointWrites.create(endpoint, HEALTHY));
    },

    /** Replaces an endpoint if it still has the version the caller read (CONFLICT otherwise). */
    update(endpoint: WebhookEndpoint, expectedVersion: number): Promise<void> {
      return table.transact(webhookEndpointWrites.update(endpoint, expectedVersion));
    },

    /** Deletes an endpoint, its health and feed position (deliveries stay as history until they expire). */
    delete(endpoint: WebhookEndpoint, expectedVersion: number): Promise<void> {
      return table.transact(webhookEndpointWrites.delete(endpoint, expectedVersion));
    },

    /** The circuit of an endpoint (closed when none is stored). */
    async health(partnerId: string, id: string): Promise<EndpointHealth> {
      const item = await table.get(healthKey(partnerId, id));
      return item ? recordOf<EndpointHealth>(item) : HEALTHY;
    },

    /** Health of several endpoints in one BatchGetItem (lists). */
    async healthOf(endpoints: Pick<WebhookEndpoint, 'partnerId' | 'id'>[]): Promise<EndpointHealth[]> {
      const found = await table.batchGet(endpoints.map((e) => healthKey(e.partnerId, e.id)));
      return endpoints.map((e) => {
        const key = healthKey(e.partnerId, e.id);
        const item = found.get(`${key.pk}\u0000${key.sk}`);
        return item ? recordOf<EndpointHealth>(item) : HEALTHY;
      });
    },

    /** Writes the next health if nobody else wrote since `read`; false when the race was lost. */
    saveHealth(partnerId: string, id: string, read: EndpointHealth, next: EndpointHealth): Promise<boolean> {
      return unlessMoved(webhookEndpointWrites.saveHealth(partnerId, id, read, next));
    },

    /** The last feed sequence fanned out to an endpoint, if it has started. */
    async cursor(partnerId: string, id: string): Promise<number | undefined> {
      const item = await table.get(cursorKey(partnerId, id));
      return typeof item?.through === 'number' ? item.through : undefined;
    },

    /** Moves the fan-out position from `from` to `to`; false if another fan-out moved it first. */
    advanceCursor(partnerId: string, id: string, from: number | undefined, to: number): Promise<boolean> {
      return unlessMoved(webhookEndpointWrites.advanceCursor(partnerId, id, from, to));
    },
  };
}

export type WebhookEndpointRepository = ReturnType<typeof createWebhookEndpointRepository>;
