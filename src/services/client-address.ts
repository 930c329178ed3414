import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/** A client address as stored: a keyed hash, never the address itself (UU 27/2022, PDP). */
export type AddressHasher = (address: string) => string;

/** Bytes of the HMAC kept: 128 bits, no collisions between clients in practice. */
const HASH_BYTES = 16;

/** The eight 16-bit groups of an IPv6 address, `::` expanded. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}

/**
 * The part of an address that identifies one client: IPv4 as is (also when IPv4-mapped), IPv6
 * by its /64 prefix, since one subscriber gets a whole /64 and could otherwise rotate through
 * it to escape a limit.
 */
export function clientOf(address: string): string {
  const plain = address.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv6(plain) && !plain.includes('.')) return `${ipv6Groups(plain).slice(0, 4).join(':')}::/64`;
  return plain;
}

/**
 * Hashes client addresses with a key of the deployment: a plain hash of an IPv4 address is
 * reversed by trying all 2^32, a keyed one is not. The label keeps it apart from other uses.
 */
export function createAddressHasher(secret: string): AddressHasher {
  return (address) =>
    createHmac('sha256', secret)
      .update('client-address\u0000')
      .update(clientOf(address))
      .digest()
      .subarray(0, HASH_BYTES)
      .toString('base64url');
}
