import type { PartnerFeedReader } from '../data/partner-feed';
import type { WebhookDeliveryRepository } from '../data/repositories/webhook-delivery-repository';
import type { WebhookEndpointRepository } from '../data/repositories/webhook-endpoint-repository';
import type { EnrollmentChange } from '../domain/partner-feed';
import type { DeliveryMessage, DeliveryQueue } from '../domain/webhooks/delivery-message';
import type { WebhookDelivery, WebhookReplay } from '../domain/webhooks/webhook-delivery';
import { type WebhookEndpoint, webhookTenantOf } from '../domain/webhooks/webhook-endpoint';
import { rearmed } from '../services/webhook-delivery-service';

export interface FanOutDeps {
  webhookEndpoints: WebhookEndpointRepository;
  webhookDeliveries: WebhookDeliveryRepository;
  partnerFeed: PartnerFeedReader;
  queue: DeliveryQueue;
  clock: () => Date;
  /** Feed entries read per page (and per cursor move). */
  pageSize?: number;
  /** Pages per endpoint per run, so one run stays short (the next run continues). */
  maxPages?: number;
}

/** Whether an endpoint takes a change: its agency (if an agency registered it) and its change types. */
export const takes = (endpoint: WebhookEndpoint, change: EnrollmentChange) =>
  (!endpoint.agencyId || endpoint.agencyId === change.agencyId) &&
  endpoint.changeTypes.includes(change.changeType);

/**
 * Turns feed changes into deliveries. It is the only writer to the queue: per endpoint it walks
 * the partner's feed from its cursor in sequence order (the order changes committed in), creates
 * one delivery item per matching change and queues it, then moves the cursor with a conditional
 * write. A run that crashed midway repeats its page: existing deliveries are not created again,
 * pending ones are queued again (the dispatcher ignores what is already done). Replays walk
 * their range the same way. Runs are triggered by the table stream (AWS) or by polling (locally).
 */
export function createFanOut(deps: FanOutDeps) {
  const { webhookEndpoints, webhookDeliveries, partnerFeed, queue, clock } = deps;
  const pageSize = deps.pageSize ?? 100;
  const maxPages = deps.maxPages ?? 20;

  const message = (d: WebhookDelivery): DeliveryMessage => ({
    partnerId: d.partnerId,
    endpointId: d.endpointId,
    sequence: d.sequence,
    round: d.round,
    enrollmentId: d.enrollmentId,
  });

  function newDelivery(endpoint: WebhookEndpoint, change: EnrollmentChange): WebhookDelivery {
    const now = clock().toISOString();
    return {
      partnerId: endpoint.partnerId,
      endpointId: endpoint.id,
      sequence: change.sequence,
      tenant: webhookTenantOf(endpoint),
      agencyId: change.agencyId,
      enrollmentId: change.enrollmentId,
      changeType: change.changeType,
      status: 'PENDING',
      round: 1,
      queuedAt: now,
      nextAttemptAt: now,
      failures: 0,
      attempts: [],
      updatedAt: now,
    };
  }

  /** New changes for one endpoint; returns how many deliveries were queued. */
  async function live(endpoint: WebhookEndpoint): Promise<number> {
    if (!endpoint.enabled) return 0;
    const stored = await webhookEndpoints.cursor(endpoint.partnerId, endpoint.id);
    let from = stored ?? endpoint.startAfterSequence;
    let cursorExists = stored !== undefined;
    let queued = 0;
    for (let page = 0; page < maxPages; page += 1) {
      const changes = await partnerFeed.after(endpoint.partnerId, from, pageSize);
      if (changes.length === 0) break;
      const messages: DeliveryMessage[] = [];
      for (const change of changes.filter((c) => takes(endpoint, c))) {
        const fresh = newDelivery(endpoint, change);
        const existing = await webhookDeliveries.createIfAbsent(fresh);
        if (!existing) messages.push(message(fresh));
        else if (existing.status === 'PENDING') messages.push(message(existing));
      }
      await queue.send(messages);
      queued += messages.length;
      const to = changes.at(-1)?.sequence ?? from;
      if (
        !(await webhookEndpoints.advanceCursor(
          endpoint.partnerId,
          endpoint.id,
          cursorExists ? from : undefined,
          to,
        ))
      )
        break; // another run moved it: it carries on from there
      cursorExists = true;
      from = to;
      if (changes.length < pageSize) break;
    }
    return queued;
  }

  /** One page of a replay; returns how many deliveries were queued. */
  async function replayPage(replay: WebhookReplay, endpoint: WebhookEndpoint | undefined): Promise<number> {
    const now = clock();
    const changes = endpoint
      ? (await partnerFeed.after(replay.partnerId, replay.nextSequence - 1, pageSize)).filter(
          (c) => c.sequence <= replay.throughSequence,
        )
      : [];
    const messages: DeliveryMessage[] = [];
    for (const change of changes) {
      if (!endpoint || !takes(endpoint, change)) continue;
      const current = await webhookDeliveries.get(endpoint.partnerId, endpoint.id, change.sequence);
      if (!current) {
        if (replay.parkedOnly) continue;
        const fresh = newDelivery(endpoint, change);
        if (!(await webhookDeliveries.createIfAbsent(fresh))) messages.push(message(fresh));
      } else if (current.status === 'PENDING') {
        // Already on its way; a redelivery request only needs queueing.
        if (
          current.awaitingQueue &&
          (await webhookDeliveries.save({ ...current, awaitingQueue: undefined }, current))
        )
          messages.push(message(current));
      } else if (!replay.parkedOnly || current.status === 'PARKED') {
        const next = rearmed(current, now);
        if (await webhookDeliveries.save(next, current)) messages.push(message(next));
      }
    }
    await queue.send(messages);
    const last = changes.at(-1)?.sequence;
    const done =
      !endpoint || last === undefined || last >= replay.throughSequence || changes.length < pageSize;
    await webhookDeliveries.saveReplay(
      {
        ...replay,
        nextSequence: done ? replay.throughSequence + 1 : (last as number) + 1,
        status: done ? 'DONE' : 'RUNNING',
        queued: replay.queued + messages.length,
        updatedAt: now.toISOString(),
      },
      replay.nextSequence,
    );
    return messages.length;
  }

  /** Everything due for one partner: its endpoints' new changes and its running replays. */
  async function partner(partnerId: string): Promise<number> {
    const endpoints = await webhookEndpoints.ofPartner(partnerId);
    let queued = 0;
    for (const endpoint of endpoints) queued += await live(endpoint);
    for (const replay of await webhookDeliveries.runningReplays(partnerId)) {
      const endpoint = endpoints.find((e) => e.id === replay.endpointId);
      let current: WebhookReplay | undefined = replay;
      for (let page = 0; current && page < maxPages; page += 1) {
        queued += await replayPage(current, endpoint);
        current = (await webhookDeliveries.runningReplays(partnerId)).find((r) => r.id === replay.id);
      }
    }
    return queued;
  }

  return {
    partner,
    /** Every partner that has an endpoint (the local loop and the scheduled safety run). */
    async all(): Promise<number> {
      const partners = new Set((await webhookEndpoints.all()).map((e) => e.partnerId));
      let queued = 0;
      for (const partnerId of partners) queued += await partner(partnerId);
      return queued;
    },
  };
}

export type FanOut = ReturnType<typeof createFanOut>;
