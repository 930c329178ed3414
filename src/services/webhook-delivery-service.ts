import type { Connection, PageArgs } from '../data/paginate';
import type { PartnerFeedReader } from '../data/partner-feed';
import type { WebhookDeliveryRepository } from '../data/repositories/webhook-delivery-repository';
import type { WebhookEndpointRepository } from '../data/repositories/webhook-endpoint-repository';
import type { DeliveryStatus, WebhookDelivery, WebhookReplay } from '../domain/webhooks/webhook-delivery';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors/app-error';
import type { Ref, RequestScope } from './request-scope';
import {
  requireInReach,
  requireManaged,
  requireWebhookManager,
  visibleEndpoint,
  webhookRefOf,
} from './webhook-access';

/** Replays running at once per endpoint (each is walked page by page by the fan-out). */
export const MAX_RUNNING_REPLAYS = 5;

export interface WebhookDeliveryDeps {
  webhookEndpoints: WebhookEndpointRepository;
  webhookDeliveries: WebhookDeliveryRepository;
  partnerFeed: PartnerFeedReader;
  clock: () => Date;
  newId: () => string;
}

/** A delivery queued again: a new round, a fresh retry window. */
export function rearmed(delivery: WebhookDelivery, now: Date): WebhookDelivery {
  const at = now.toISOString();
  return {
    ...delivery,
    status: 'PENDING',
    round: delivery.round + 1,
    queuedAt: at,
    nextAttemptAt: at,
    failures: 0,
    deliveredAt: undefined,
    parkedAt: undefined,
    parkReason: undefined,
    updatedAt: at,
  };
}

/** What was delivered where, redelivery of one change and replay of the feed from any point. */
export function createWebhookDeliveryService(deps: WebhookDeliveryDeps) {
  const { webhookEndpoints, webhookDeliveries, partnerFeed, clock } = deps;

  async function endpointOf(
    scope: RequestScope,
    ref: Ref,
    globalId: string,
    field: string,
    withRest: boolean,
  ) {
    const manager = requireWebhookManager(scope.caller);
    const parts = webhookRefOf(ref, field, withRest);
    requireInReach(manager, parts);
    const endpoint = visibleEndpoint(
      manager,
      parts,
      await webhookEndpoints.get(parts.partnerId, parts.endpointId),
      globalId,
    );
    return { manager, endpoint, rest: parts.rest };
  }

  async function startReplay(
    scope: RequestScope,
    endpoint: { partnerId: string; id: string },
    range: { from: number; through: number; parkedOnly: boolean },
  ): Promise<WebhookReplay> {
    const running = (await webhookDeliveries.runningReplays(endpoint.partnerId)).filter(
      (r) => r.endpointId === endpoint.id,
    );
    if (running.length >= MAX_RUNNING_REPLAYS)
      throw new ConflictError(
        `At most ${MAX_RUNNING_REPLAYS} replays of one endpoint may run at once; wait for one to finish`,
      );
    const now = clock().toISOString();
    const replay: WebhookReplay = {
      partnerId: endpoint.partnerId,
      endpointId: endpoint.id,
      id: deps.newId(),
      fromSequence: range.from,
      throughSequence: range.through,
      nextSequence: range.from,
      parkedOnly: range.parkedOnly,
      status: 'RUNNING',
      queued: 0,
      requestedBy: scope.caller.kind === 'public' ? '' : scope.caller.subject,
      createdAt: now,
      updatedAt: now,
    };
    await webhookDeliveries.createReplay(replay);
    return replay;
  }

  return {
    /** An endpoint's deliveries, newest first (attempts, status codes, latency). */
    async list(
      scope: RequestScope,
      ref: Ref,
      globalId: string,
      args: PageArgs & { status?: DeliveryStatus | undefined },
    ): Promise<Connection<WebhookDelivery>> {
      const { endpoint } = await endpointOf(scope, ref, globalId, 'endpointId', false);
      return webhookDeliveries.list(endpoint.partnerId, endpoint.id, args.status, args);
    },

    /** Sends one change to its endpoint again (after it was parked, or delivered and lost by the receiver). */
    async redeliver(scope: RequestScope, ref: Ref, globalId: string): Promise<WebhookDelivery> {
      const { manager, endpoint, rest } = await endpointOf(scope, ref, globalId, 'input.deliveryId', true);
      requireManaged(manager, endpoint);
      const sequence = Number(rest);
      if (!/^\d{1,12}$/.test(rest ?? '')) throw BadUserInputError.of('input.deliveryId', 'is not a valid id');
      const delivery = await webhookDeliveries.get(endpoint.partnerId, endpoint.id, sequence);
      if (!delivery) throw new NotFoundError('WebhookDelivery', globalId);
      if (delivery.status === 'PENDING')
        throw new ConflictError(
          'The delivery is still being attempted; it can be redelivered once delivered or parked',
        );
      const next = { ...rearmed(delivery, clock()), awaitingQueue: true };
      if (!(await webhookDeliveries.save(next, delivery)))
        throw new ConflictError('The delivery changed meanwhile; read it again');
      // The fan-out queues it (it alone writes to the queue, which keeps the order per enrollment).
      await startReplay(scope, endpoint, { from: sequence, through: sequence, parkedOnly: false });
      return next;
    },

    /**
     * Redelivers everything since `fromSequence` that matches the endpoint (or only what was
     * parked), up to what has been sent to it so far; newer changes arrive as usual.
     */
    async replay(
      scope: RequestScope,
      ref: Ref,
      globalId: string,
      input: { fromSequence: number; parkedOnly: boolean },
    ): Promise<WebhookReplay> {
      const { manager, endpoint } = await endpointOf(scope, ref, globalId, 'input.endpointId', false);
      requireManaged(manager, endpoint);
      const oldest = await partnerFeed.first(endpoint.partnerId);
      if (oldest !== undefined && input.fromSequence < oldest)
        throw BadUserInputError.of(
          'input.fromSequence',
          `is before the oldest change still kept; the oldest available sequence is ${oldest}`,
        );
      const through =
        (await webhookEndpoints.cursor(endpoint.partnerId, endpoint.id)) ?? endpoint.startAfterSequence;
      if (oldest === undefined || input.fromSequence > through)
        throw BadUserInputError.of(
          'input.fromSequence',
          `is after the last change sent to this endpoint (${through}); later changes arrive without a replay`,
        );
      return startReplay(scope, endpoint, {
        from: input.fromSequence,
        through,
        parkedOnly: input.parkedOnly,
      });
    },
  };
}

export type WebhookDeliveryService = ReturnType<typeof createWebhookDeliveryService>;
