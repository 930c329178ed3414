import type { Logger } from '@aws-lambda-powertools/logger';
import type { Caller } from '../auth/caller';
import type { ItemLoader } from '../data/item-loader';

/** What a service needs to know about the request it serves: who asks, its loader, its logger. */
export interface RequestScope {
  caller: Caller;
  loader: ItemLoader;
  logger: Logger;
  requestId: string;
  /** The client's address (rate limits of public endpoints), when known. */
  sourceIp?: string | undefined;
}

/** A reference to a record of an agency, as decoded from a global id. */
export interface Ref {
  agencyId: string;
  id: string;
}
