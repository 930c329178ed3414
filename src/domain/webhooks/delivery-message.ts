/**
 * The queue between fan-out and dispatcher. In AWS an SQS FIFO queue (src/data/sqs-delivery-queue.ts);
 * under `npm start` and in tests an in-process one with the same semantics (local-delivery-queue.ts).
 * The message group is endpoint + enrollment: a later change of an enrollment waits until the one
 * before it is delivered or parked, while other enrollments (and other endpoints) go on.
 */
export interface DeliveryMessage {
  partnerId: string;
  endpointId: string;
  sequence: number;
  round: number;
  enrollmentId: string;
}

/** Where fan-out puts deliveries, in feed order. */
export interface DeliveryQueue {
  send(messages: DeliveryMessage[]): Promise<void>;
}

/** What the dispatcher asks of the queue after handling a message. */
export type DispatchOutcome = { kind: 'done' } | { kind: 'retry'; delayMs: number };

/** The FIFO message group of a delivery. */
export const messageGroupOf = (m: Pick<DeliveryMessage, 'endpointId' | 'enrollmentId'>) =>
  `${m.endpointId}.${m.enrollmentId}`;

/** The deduplication id of a delivery round (a round is queued once). */
export const deduplicationIdOf = (m: Pick<DeliveryMessage, 'endpointId' | 'sequence' | 'round'>) =>
  `${m.endpointId}.${m.sequence}.${m.round}`;
