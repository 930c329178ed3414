import {
  type DeliveryMessage,
  type DeliveryQueue,
  type DispatchOutcome,
  deduplicationIdOf,
  messageGroupOf,
} from '../domain/webhooks/delivery-message';

interface Group {
  messages: DeliveryMessage[];
  visibleAt: number;
  busy: boolean;
}

/**
 * An in-process FIFO queue with SQS FIFO's semantics where they matter here: messages of one
 * group go out one at a time in order, a message being retried hides its whole group until its
 * delay is over, and a round sent twice is kept once. Memory only: on restart, `npm start` queues
 * the pending deliveries again from the table.
 */
export class LocalDeliveryQueue implements DeliveryQueue {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly now: () => number) {}

  async send(messages: DeliveryMessage[]): Promise<void> {
    for (const message of messages) {
      const id = messageGroupOf(message);
      const group = this.groups.get(id) ?? { messages: [], visibleAt: 0, busy: false };
      this.groups.set(id, group);
      if (!group.messages.some((m) => deduplicationIdOf(m) === deduplicationIdOf(message)))
        group.messages.push(message);
    }
  }

  /** Up to `max` group heads that are due, marked in flight. */
  take(max: number): DeliveryMessage[] {
    const now = this.now();
    const due: DeliveryMessage[] = [];
    for (const group of this.groups.values()) {
      if (due.length >= max) break;
      const head = group.messages[0];
      if (head && !group.busy && group.visibleAt <= now) {
        group.busy = true;
        due.push(head);
      }
    }
    return due;
  }

  /** Ends a head's turn: removed when done, hidden with its group for the delay otherwise. */
  finish(message: DeliveryMessage, outcome: DispatchOutcome): void {
    const id = messageGroupOf(message);
    const group = this.groups.get(id);
    if (!group) return;
    group.busy = false;
    if (outcome.kind === 'done') {
      group.messages.shift();
      group.visibleAt = 0;
      if (group.messages.length === 0) this.groups.delete(id);
    } else {
      group.visibleAt = this.now() + outcome.delayMs;
    }
  }

  /** When the next hidden group becomes due (undefined when nothing waits). */
  nextDueAt(): number | undefined {
    let next: number | undefined;
    for (const group of this.groups.values())
      if (!group.busy && group.messages.length > 0)
        next = Math.min(next ?? Number.POSITIVE_INFINITY, group.visibleAt);
    return next;
  }

  /** Messages queued or in flight. */
  get size(): number {
    let total = 0;
    for (const group of this.groups.values()) total += group.messages.length;
    return total;
  }
}
