/**
 * Cognito pre-token-generation trigger (event version 3, which carries the version 2 user events
 * and the client-credentials event). It puts into access tokens the claims the API reads
 * (src/auth/token-claims.ts): `agency_id`, `unit_id`, `employee_id` for staff, from their custom
 * attributes; `partner_id` for partner machine clients, from the app client id.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { PreTokenGenerationV2TriggerEvent, PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import { createProcessDeps } from '../composition/process-deps';
import { loadConfig } from '../config/load-config';

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

/** What the trigger logs through; tests pass a quiet one. */
export type TriggerLogger = Pick<Logger, 'error'>;

/** The trigger, for a given client-to-partner mapping (tests pass their own). */
export function createPreTokenGenerationHandler(
  partnerClients: ReadonlyMap<string, string>,
  logger: TriggerLogger,
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

// No data, no secrets: only the first stage of the composition root (a small, fast bundle).
const { config, logger } = createProcessDeps(loadConfig(process.env), 'pre-token-generation');

/** The Lambda entry point; the mapping comes from the PARTNER_CLIENTS variable set by the CDK app. */
export const handler: PreTokenGenerationHandler = createPreTokenGenerationHandler(
  config.partnerClients,
  logger,
);
