/**
 * Cognito pre-token-generation trigger (event version 3, which carries the version 2 user events
 * and the client-credentials event). It puts into access tokens the claims the API reads
 * (src/auth/token-claims.ts): `agency_id`, `unit_id`, `employee_id` for staff, from their custom
 * attributes; `partner_id` for partner machine clients, from the app client id.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { PreTokenGenerationV2TriggerEvent, PreTokenGenerationV3TriggerEvent } from 'aws-lambda';

/** The events Cognito sends this trigger: user sign-in and refresh (V2 shape) and client credentials. */
export type PreTokenGenerationEvent = PreTokenGenerationV2TriggerEvent | PreTokenGenerationV3TriggerEvent;

/** Handles one trigger event, returning it with the claims to add. */
export type PreTokenGenerationHandler = (event: PreTokenGenerationEvent) => Promise<PreTokenGenerationEvent>;

/** Custom user attributes and the access-token claim each becomes. */
export const USER_ATTRIBUTE_CLAIMS = {
  'custom:agency_id': 'agency_id',
  'custom:unit_id': 'unit_id',
  'custom:employee_id': 'employee_id',
} as const;

/** A partner code as the API and the demo data use it (`usu`). */
const PARTNER_CODE = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** What the trigger logs through; tests pass a quiet one. */
export type TriggerLogger = Pick<Logger, 'error'>;

/** Reads the `{ "<app client id>": "<partner code>" }` JSON the CDK app passes in; fails fast on bad input. */
export function parsePartnerClients(json: string | undefined): ReadonlyMap<string, string> {
  if (!json) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('Invalid configuration: PARTNER_CLIENTS is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('Invalid configuration: PARTNER_CLIENTS must map app client ids to partner codes');
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  for (const [clientId, code] of entries) {
    if (typeof code !== 'string' || !PARTNER_CODE.test(code)) {
      throw new Error(`Invalid configuration: PARTNER_CLIENTS has a bad partner code for ${clientId}`);
    }
  }
  return new Map(entries as [string, string][]);
}

/** The trigger, for a given client-to-partner mapping (tests pass their own). */
export function createPreTokenGenerationHandler(
  partnerClients: ReadonlyMap<string, string>,
  logger: TriggerLogger = new Logger({ serviceName: 'pembinaan-asn-pre-token-generation' }),
): PreTokenGenerationHandler {
  return async (event) => {
    if (event.triggerSource === 'TokenGeneration_ClientCredentials') {
      const clientId = event.callerContext.clientId;
      const partnerId = partnerClients.get(clientId);
      // Fail closed: a machine client that maps to no partner gets no token at all.
      if (!partnerId) {
        logger.error('client credentials for an app client that is not a partner', { clientId });
        throw new Error('This app client is not registered as a partner');
      }
      event.response.claimsAndScopeOverrideDetails = {
        accessTokenGeneration: { claimsToAddOrOverride: { partner_id: partnerId } },
      };
      return event;
    }
    const claims: Record<string, string> = {};
    for (const [attribute, claim] of Object.entries(USER_ATTRIBUTE_CLAIMS)) {
      const value = event.request.userAttributes[attribute];
      if (value) claims[claim] = value;
    }
    event.response.claimsAndScopeOverrideDetails = {
      accessTokenGeneration: { claimsToAddOrOverride: claims },
    };
    return event;
  };
}

/** The Lambda entry point; the mapping comes from the PARTNER_CLIENTS variable set by the CDK app. */
export const handler: PreTokenGenerationHandler = createPreTokenGenerationHandler(
  parsePartnerClients(process.env.PARTNER_CLIENTS),
);
