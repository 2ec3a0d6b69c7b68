/**
 * Refusing to connect to addresses inside our own network. Source URLs come from users (OPML imports,
 * the admin page) and from redirects chosen by remote servers, so without this a feed URL could make
 * the crawler read a router's admin page or a cloud metadata endpoint. The check runs in the socket's
 * DNS lookup, i.e. on the address actually dialled, so a redirect or a DNS answer that changes between
 * check and connect (DNS rebinding) cannot slip past it.
 */
import dns from 'node:dns';
import net from 'node:net';
import { buildConnector } from 'undici';
import { FetchError } from './errors.ts';

/** Ranges a public news site never lives in (IANA special-purpose registries, RFC 6890). */
const BLOCKED = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this network", includes the unspecified address
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, where cloud metadata services answer
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  BLOCKED.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED.addSubnet(prefix, bits, 'ipv6');
}

/** True for an IP literal we refuse to dial. Node's BlockList also matches IPv4-mapped IPv6 (::ffff:a.b.c.d). */
export function isBlockedAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function blockedError(hostname: string, address: string): FetchError {
  return new FetchError(
    'blocked-address',
    hostname,
    `${hostname} resolves to ${address}, a private or local address; Marsad only fetches public hosts ` +
      `(set allowPrivateAddresses to crawl a local network)`,
  );
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A drop-in for dns.lookup that fails when any resolved address is blocked. Refusing on any (not all)
 * bad answer matters: with Happy Eyeballs the socket may try every address it was given.
 */
function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.find((a) => isBlockedAddress(a.address));
    if (bad) return callback(blockedError(hostname, bad.address) as unknown as NodeJS.ErrnoException, []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

export interface ConnectorOptions {
  connectTimeoutMs: number;
  allowPrivateAddresses: boolean;
}

/** An undici connector that dials only public addresses (or anything, when private ones are allowed). */
export function buildGuardedConnector(opts: ConnectorOptions): buildConnector.connector {
  if (opts.allowPrivateAddresses) return buildConnector({ timeout: opts.connectTimeoutMs });
  const connect = buildConnector({ timeout: opts.connectTimeoutMs, lookup: guardedLookup });
  return (options, callback) => {
    // An IP literal never reaches the lookup function, so it is checked here. URL keeps IPv6 in brackets.
    const literal = options.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isBlockedAddress(literal)) return callback(blockedError(options.hostname, literal), null);
    connect(options, callback);
  };
}
