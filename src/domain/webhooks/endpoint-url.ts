import { isIP } from 'node:net';
import { isForbiddenAddress } from './forbidden-addresses';

/** Longest URL accepted (browsers and proxies agree on about 2 KB). */
export const MAX_URL_LENGTH = 2048;

/** What a stage allows: prod takes only https to public hosts; dev also plain http and loopback receivers. */
export interface UrlPolicy {
  allowHttp: boolean;
  allowPrivateAddresses: boolean;
}

/**
 * The reason a webhook URL is refused, or undefined when it is acceptable. Host names are
 * checked again at every delivery (after resolving them), so a name that later points inside
 * the network is still refused; an address written into the URL is refused here already.
 */
export function urlProblem(raw: string, policy: UrlPolicy): string | undefined {
  if (raw.length > MAX_URL_LENGTH) return `must have at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:'))
    return policy.allowHttp ? 'must use https or http' : 'must use https';
  // Credentials in a URL end up in logs; the signature authenticates the sender instead.
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.hash) return 'must not have a fragment';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) return 'must name a host';
  if (!policy.allowPrivateAddresses) {
    if (isIP(host) !== 0 && isForbiddenAddress(host))
      return 'must not point to a private, loopback, link-local or reserved address';
    if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.'))
      return 'must name a public host';
  }
  return undefined;
}
