import { BlockList, isIP } from 'node:net';

/**
 * Addresses a production webhook may never reach (SSRF): this network's and the cloud's own
 * (private, loopback, link-local with the instance metadata service at 169.254.169.254, carrier
 * NAT, unique local), and every IPv6 form that can carry such an IPv4 address (IPv4-mapped,
 * IPv4-compatible, NAT64, 6to4, Teredo). Special-purpose ranges from the IANA registries
 * (RFC 6890) that no partner's server lives on are refused too.
 */
const IPV4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const IPV6: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::ffff:0:0', 96], // IPv4-mapped
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b::', 96], // NAT64 well-known prefix
  ['64:ff9b:1::', 48], // NAT64 local-use
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF special purpose (Teredo 2001::/32, ORCHID, ...)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

// Two lists: node's BlockList also matches IPv4 addresses against IPv6 rules through their
// mapped form (::ffff:a.b.c.d), which would make the IPv4-mapped rule refuse every IPv4 address.
const forbiddenV4 = new BlockList();
for (const [network, prefix] of IPV4) forbiddenV4.addSubnet(network, prefix, 'ipv4');
const forbiddenV6 = new BlockList();
for (const [network, prefix] of IPV6) forbiddenV6.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address is one a production webhook must not be sent to (anything not an IP is). */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? forbiddenV4.check(address, 'ipv4') : forbiddenV6.check(address, 'ipv6');
}
