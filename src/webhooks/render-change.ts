import { execute, parse } from 'graphql';
import type { GraphQLContext } from '../../resolvers/context';
import { PARTNER_READ_SCOPE } from '../auth/token-claims';
import type { Deps } from '../composition/create-deps';
import { createItemLoader } from '../data/item-loader';
import { eventTypeOf } from '../domain/webhooks/webhook-delivery';
import { executableSchema } from '../server/create-server';
import { partnerFeedCursor } from '../services/partner-sync-service';
import { ENROLLMENT_CHANGE_FIELDS } from './enrollment-change-fields';

/** A webhook's JSON body (Standard Webhooks payload shape): the change exactly as `partnerEnrollments` gives it. */
export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

const DOCUMENT = parse(`query WebhookChange($after: String) {
  partnerEnrollments(first: 1, after: $after) { edges { node { ...EnrollmentChangeFields } } }
}
${ENROLLMENT_CHANGE_FIELDS}`);

/**
 * Renders one feed change by running the partners' own query through the schema, as the partner
 * (read scope only): the resolvers' mapping and the partner's visibility rules apply unchanged,
 * so a payload holds exactly what the partner may read at the moment it is sent.
 */
export function createChangeRenderer(
  deps: Pick<Deps, 'table' | 'logger' | 'services' | 'clock' | 'repositories'>,
) {
  const schema = executableSchema();
  return async (partnerId: string, sequence: number): Promise<WebhookPayload> => {
    const context: GraphQLContext = {
      caller: { kind: 'partner', partnerId, subject: 'webhook-dispatcher', scopes: [PARTNER_READ_SCOPE] },
      loader: createItemLoader(deps.table),
      logger: deps.logger,
      requestId: `webhook-${partnerId}-${sequence}`,
      services: deps.services,
      clock: deps.clock,
    };
    const result = await execute({
      schema,
      document: DOCUMENT,
      contextValue: context,
      variableValues: { after: partnerFeedCursor(deps.repositories.cursors, partnerId, sequence - 1) },
    });
    const node = (
      result.data as { partnerEnrollments?: { edges: { node: Record<string, unknown> }[] } } | null
    )?.partnerEnrollments?.edges[0]?.node;
    if (result.errors?.length || !node || node.sequence !== sequence)
      throw new Error(
        `Could not render change ${sequence} of ${partnerId}: ${result.errors?.[0]?.message ?? 'missing'}`,
      );
    return { type: eventTypeOf(node.changeType as never), timestamp: String(node.changedAt), data: node };
  };
}

export type ChangeRenderer = ReturnType<typeof createChangeRenderer>;
