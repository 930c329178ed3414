import * as z from 'zod';
import { CHANGE_TYPES } from '../src/domain/partner-feed';
import { MAX_URL_LENGTH } from '../src/domain/webhooks/endpoint-url';
import { MAX_ROTATION_OVERLAP_HOURS } from '../src/domain/webhooks/webhook-endpoint';
import { lazySchema } from '../src/validation/lazy-schema';
import { parseGlobalId } from './global-id';
import { optional } from './input-fields';

/** A webhook global id of `type`: its decoded reference and the id as given (for NOT_FOUND). */
const webhookIdOf = (type: 'WebhookEndpoint' | 'WebhookDelivery') =>
  z.string().transform((value, ctx) => {
    const parsed = parseGlobalId(value);
    if (!parsed || parsed.type !== type) {
      ctx.addIssue({ code: 'custom', message: `is not a valid ${type} id` });
      return z.NEVER;
    }
    return { ref: parsed.ref, globalId: value };
  });
/** A webhook endpoint's global id. */
export const webhookEndpointId = lazySchema(() => webhookIdOf('WebhookEndpoint'));
const webhookDeliveryId = lazySchema(() => webhookIdOf('WebhookDelivery'));

const url = lazySchema(() =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_URL_LENGTH, `must have at most ${MAX_URL_LENGTH} characters`),
);
const changeTypes = lazySchema(() =>
  z
    .array(z.enum(CHANGE_TYPES))
    .min(1, 'must name at least one change type')
    .transform((types) => CHANGE_TYPES.filter((t) => types.includes(t))),
);
const description = lazySchema(() => z.string().trim().max(500, 'must have at most 500 characters'));
const version = lazySchema(() => z.number().int().min(1, 'must be a version read from the endpoint'));

/** createWebhookEndpoint: every change type unless some are named. */
export const CreateWebhookEndpointInput = lazySchema(() =>
  z.object({
    url: url(),
    changeTypes: optional(changeTypes()).transform((v) => v ?? [...CHANGE_TYPES]),
    description: optional(description()),
    partnerCode: optional(z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'is not a partner code')),
  }),
);

/** updateWebhookEndpoint: omitted fields unchanged. */
export const UpdateWebhookEndpointInput = lazySchema(() =>
  z.object({
    id: webhookEndpointId(),
    version: version(),
    url: optional(url()),
    changeTypes: optional(changeTypes()),
    description: optional(description()),
    enabled: optional(z.boolean()),
  }),
);

/** rotateWebhookSecret. */
export const RotateWebhookSecretInput = lazySchema(() =>
  z.object({
    id: webhookEndpointId(),
    version: version(),
    overlapHours: optional(
      z
        .number()
        .int()
        .min(0, 'must be 0–168')
        .max(MAX_ROTATION_OVERLAP_HOURS, `must be 0–${MAX_ROTATION_OVERLAP_HOURS}`),
    ),
  }),
);

/** deleteWebhookEndpoint. */
export const DeleteWebhookEndpointInput = lazySchema(() =>
  z.object({ id: webhookEndpointId(), version: version() }),
);

/** redeliverWebhook. */
export const RedeliverWebhookInput = lazySchema(() => z.object({ deliveryId: webhookDeliveryId() }));

/** replayWebhooks. */
export const ReplayWebhooksInput = lazySchema(() =>
  z.object({
    endpointId: webhookEndpointId(),
    fromSequence: z.number().int().min(1, 'must be 1 or more').max(999_999_999_999, 'is too large'),
    parkedOnly: optional(z.boolean()).transform((v) => v ?? false),
  }),
);
