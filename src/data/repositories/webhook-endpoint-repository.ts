import { type EndpointHealth, HEALTHY } from '../../domain/webhooks/circuit';
import { MAX_ENDPOINTS_PER_PARTNER, type WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import { ConflictError } from '../../errors/app-error';
import {
  ALL_ENDPOINTS_PARTITION,
  agencyEndpointsPartition,
  cursorKey,
  endpointCountKey,
  endpointItem,
  endpointKey,
  healthItem,
  healthKey,
  recordOf,
  webhookPartition,
} from '../entities/webhook-endpoint';
import { ConditionFailedError, type Table, type WriteOp } from '../table';

/** Endpoints, their circuit health and the fan-out's feed positions. */
export function createWebhookEndpointRepository(table: Table) {
  const versioned = (endpoint: WebhookEndpoint, expected: number): WriteOp => ({
    Put: {
      TableName: table.name,
      Item: endpointItem(endpoint),
      ConditionExpression: '#v = :v',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':v': expected },
    },
  });
  const changedSinceRead = (cause: unknown) =>
    new ConflictError(
      'The webhook endpoint changed since you read it (or was deleted); read it again',
      {},
      cause,
    );

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
    async create(endpoint: WebhookEndpoint): Promise<void> {
      try {
        await table.transactWrite([
          {
            Put: {
              TableName: table.name,
              Item: endpointItem(endpoint),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: table.name, Item: healthItem(endpoint.partnerId, endpoint.id, HEALTHY) } },
          {
            Update: {
              TableName: table.name,
              Key: endpointCountKey(endpoint.partnerId),
              UpdateExpression: 'ADD #n :one SET entity = :entity',
              ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
              ExpressionAttributeNames: { '#n': 'endpoints' },
              ExpressionAttributeValues: {
                ':one': 1,
                ':max': MAX_ENDPOINTS_PER_PARTNER,
                ':entity': 'WebhookEndpointCount',
              },
            },
          },
        ]);
      } catch (error) {
        if (error instanceof ConditionFailedError && error.failed.includes(2))
          throw new ConflictError(
            `A partner may have at most ${MAX_ENDPOINTS_PER_PARTNER} webhook endpoints`,
            {},
            error,
          );
        throw error;
      }
    },

    /** Replaces an endpoint if it still has the version the caller read. */
    async update(endpoint: WebhookEndpoint, expectedVersion: number): Promise<void> {
      try {
        await table.transactWrite([versioned(endpoint, expectedVersion)]);
      } catch (error) {
        if (error instanceof ConditionFailedError) throw changedSinceRead(error);
        throw error;
      }
    },

    /** Deletes an endpoint, its health and feed position (deliveries stay as history until they expire). */
    async delete(endpoint: WebhookEndpoint, expectedVersion: number): Promise<void> {
      const { partnerId, id } = endpoint;
      try {
        await table.transactWrite([
          {
            Delete: {
              TableName: table.name,
              Key: endpointKey(partnerId, id),
              ConditionExpression: '#v = :v',
              ExpressionAttributeNames: { '#v': 'version' },
              ExpressionAttributeValues: { ':v': expectedVersion },
            },
          },
          { Delete: { TableName: table.name, Key: healthKey(partnerId, id) } },
          { Delete: { TableName: table.name, Key: cursorKey(partnerId, id) } },
          {
            Update: {
              TableName: table.name,
              Key: endpointCountKey(partnerId),
              UpdateExpression: 'ADD #n :minus',
              ExpressionAttributeNames: { '#n': 'endpoints' },
              ExpressionAttributeValues: { ':minus': -1 },
            },
          },
        ]);
      } catch (error) {
        if (error instanceof ConditionFailedError) throw changedSinceRead(error);
        throw error;
      }
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
    async saveHealth(
      partnerId: string,
      id: string,
      read: EndpointHealth,
      next: EndpointHealth,
    ): Promise<boolean> {
      try {
        await table.put(healthItem(partnerId, id, { ...next, revision: read.revision + 1 }), {
          expression: read.revision === 0 ? 'attribute_not_exists(#r) OR #r = :r' : '#r = :r',
          names: { '#r': 'revision' },
          values: { ':r': read.revision },
        });
        return true;
      } catch (error) {
        if (error instanceof ConditionFailedError) return false;
        throw error;
      }
    },

    /** The last feed sequence fanned out to an endpoint, if it has started. */
    async cursor(partnerId: string, id: string): Promise<number | undefined> {
      const item = await table.get(cursorKey(partnerId, id));
      return typeof item?.through === 'number' ? item.through : undefined;
    },

    /** Moves the fan-out position from `from` to `to`; false if another fan-out moved it first. */
    async advanceCursor(
      partnerId: string,
      id: string,
      from: number | undefined,
      to: number,
    ): Promise<boolean> {
      try {
        await table.put(
          { ...cursorKey(partnerId, id), entity: 'WebhookCursor', partnerId, endpointId: id, through: to },
          from === undefined
            ? { expression: 'attribute_not_exists(pk)' }
            : { expression: '#t = :t', names: { '#t': 'through' }, values: { ':t': from } },
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionFailedError) return false;
        throw error;
      }
    },
  };
}

export type WebhookEndpointRepository = ReturnType<typeof createWebhookEndpointRepository>;
