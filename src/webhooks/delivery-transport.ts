import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isForbiddenAddress } from '../domain/webhooks/forbidden-addresses';
import type { AttemptOutcome } from '../domain/webhooks/webhook-delivery';

/** How one POST ended; the response body is read and thrown away, never kept. */
export interface TransportResult {
  outcome: AttemptOutcome;
  statusCode?: number | undefined;
  retryAfter?: string | undefined;
  latencyMs: number;
}

/** Sends one signed webhook. */
export interface DeliveryTransport {
  post(url: string, headers: Record<string, string>, body: string): Promise<TransportResult>;
}

export interface HttpTransportOptions {
  /** Deadline of the whole attempt: DNS, connect, TLS and response headers. */
  timeoutMs: number;
  /** Private, loopback and link-local targets (local development only). */
  allowPrivateAddresses: boolean;
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
  now?: () => number;
}

/** Response bytes read before the connection is dropped (they only drain the socket). */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs webhooks safely: the host is resolved once, every address checked (in prod none may be
 * private, loopback, link-local or mapped), and the connection pinned to the checked address
 * through the socket's `lookup`, so no second DNS answer (rebinding) can redirect it; TLS still
 * verifies the certificate against the host name. Redirects are refused, not followed.
 */
export function createHttpTransport(options: HttpTransportOptions): DeliveryTransport {
  const resolve = options.resolve ?? ((host: string) => dnsLookup(host, { all: true, verbatim: true }));
  const now = options.now ?? (() => performance.now());
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 16 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 16 }),
  };

  return {
    async post(rawUrl, headers, body) {
      const started = now();
      const elapsed = () => Math.round(now() - started);
      const url = new URL(rawUrl);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const deadline = AbortSignal.timeout(options.timeoutMs);
      let addresses: { address: string; family: number }[];
      try {
        addresses = isIP(host)
          ? [{ address: host, family: isIP(host) }]
          : await raceDeadline(resolve(host), deadline);
      } catch {
        return { outcome: deadline.aborted ? 'TIMEOUT' : 'DNS_FAILED', latencyMs: elapsed() };
      }
      if (addresses.length === 0) return { outcome: 'DNS_FAILED', latencyMs: elapsed() };
      if (!options.allowPrivateAddresses && addresses.some((a) => isForbiddenAddress(a.address)))
        return { outcome: 'BLOCKED_ADDRESS', latencyMs: elapsed() };
      const [pinned] = addresses as [{ address: string; family: number }];
      const lookup: LookupFunction = (_name, opts, callback) => {
        if (opts.all) callback(null, [pinned]);
        else callback(null, pinned.address, pinned.family);
      };
      const client = url.protocol === 'https:' ? https : http;
      const agent = agents[url.protocol as 'http:' | 'https:'];
      return new Promise<TransportResult>((settle) => {
        const request = client.request(
          url,
          {
            method: 'POST',
            agent,
            lookup,
            signal: deadline,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'user-agent': 'pembinaan-asn-webhooks/1',
              ...headers,
            },
          },
          (response) => {
            const statusCode = response.statusCode ?? 0;
            const retryAfter = response.headers['retry-after'];
            let read = 0;
            response.on('data', (chunk: Buffer) => {
              read += chunk.length;
              if (read > MAX_RESPONSE_BYTES) response.destroy();
            });
            response.on('error', () => undefined);
            response.resume();
            const outcome: AttemptOutcome =
              statusCode >= 200 && statusCode < 300
                ? 'SUCCESS'
                : statusCode >= 300 && statusCode < 400
                  ? 'REDIRECT_REFUSED'
                  : 'HTTP_ERROR';
            settle({ outcome, statusCode, retryAfter, latencyMs: elapsed() });
          },
        );
        request.on('error', () =>
          settle({ outcome: deadline.aborted ? 'TIMEOUT' : 'CONNECTION_FAILED', latencyMs: elapsed() }),
        );
        request.end(body);
      });
    },
  };
}

function raceDeadline<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new Error('deadline'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
