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

/**
 * IPv6 forms that carry an IPv4 address a gateway may turn back into IPv4: the deprecated
 * IPv4-compatible form (::/96), SIIT's IPv4-translated form (::ffff:0:0/96), NAT64's well-known
 * prefix (64:ff9b::/96, RFC 6052) and 6to4 (2002::/16, RFC 3056). `::ffff:a.b.c.d` (IPv4-mapped) is
 * matched by Node's BlockList itself. Each names the hextets that hold the embedded address.
 */
const EMBEDDING_PREFIXES: Array<{ prefix: number[]; at: number }> = [
  { prefix: [0, 0, 0, 0, 0, 0], at: 6 },
  { prefix: [0, 0, 0, 0, 0xffff, 0], at: 6 },
  { prefix: [0x64, 0xff9b, 0, 0, 0, 0], at: 6 },
  { prefix: [0x2002], at: 1 },
];

/** The eight 16-bit groups of an IPv6 literal (zone id dropped), or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  let text = address.replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((h) => parseInt(h, 16)) : []);
  const left = part(head);
  const right = part(tail);
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/** The IPv4 address an IPv6 literal embeds in one of EMBEDDING_PREFIXES, or null. */
function embeddedIpv4(address: string): string | null {
  const groups = ipv6Groups(address);
  if (!groups) return null;
  for (const { prefix, at } of EMBEDDING_PREFIXES) {
    if (!prefix.every((g, i) => groups[i] === g)) continue;
    const hi = groups[at]!;
    const lo = groups[at + 1]!;
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  return null;
}

/**
 * True for an IP literal we refuse to dial. Node's BlockList matches IPv4-mapped IPv6 (::ffff:a.b.c.d);
 * the other IPv6 forms that embed an IPv4 address are unwrapped and judged by that address.
 */
export function isBlockedAddress(address: string): boolean {
  const family = net.isIP(address.replace(/%.*$/, ''));
  if (family === 0) return false;
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  const bare = address.replace(/%.*$/, '');
  if (BLOCKED.check(bare, 'ipv6')) return true;
  const inner = embeddedIpv4(bare);
  if (inner === null) return false;
  // The IPv4-compatible form (::a.b.c.d) is deprecated (RFC 4291 §2.5.5.1): no public host uses it.
  const groups = ipv6Groups(bare)!;
  const compatible = groups.slice(0, 6).every((g) => g === 0);
  return compatible || BLOCKED.check(inner, 'ipv4');
}

/** Addresses or CIDR ranges the operator lets us dial even though they are private ("10.0.0.5", "fd00::/8"). */
function allowList(entries: readonly string[]): net.BlockList {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = net.isIP(address);
    if (family === 0) throw new TypeError(`"${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
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

/** dns.lookup's shape, for a resolver put in its place (tests, a split-horizon resolver). */
export type LookupFunction = (hostname: string, options: dns.LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => void;

/**
 * A drop-in for dns.lookup that fails when any resolved address is refused. Refusing on any (not all)
 * bad answer matters: with Happy Eyeballs the socket may try every address it was given.
 */
function guardedLookup(resolve: LookupFunction, refused: (address: string) => boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => refused(a.address));
      if (bad) return callback(blockedError(hostname, bad.address) as unknown as NodeJS.ErrnoException, []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

export interface ConnectorOptions {
  connectTimeoutMs: number;
  allowPrivateAddresses: boolean;
  /** Private addresses or CIDR ranges to dial anyway, the rest staying refused. */
  allowedAddresses?: readonly string[];
  /** Resolver used instead of dns.lookup; its answers are checked all the same. */
  lookup?: LookupFunction | null;
}

/** An undici connector that dials only public addresses (or anything, when private ones are allowed). */
export function buildGuardedConnector(opts: ConnectorOptions): buildConnector.connector {
  const resolve: LookupFunction = opts.lookup ?? ((hostname, options, callback) => dns.lookup(hostname, options, callback));
  if (opts.allowPrivateAddresses) {
    return buildConnector({ timeout: opts.connectTimeoutMs, ...(opts.lookup ? { lookup: guardedLookup(resolve, () => false) } : {}) });
  }
  const allowed = allowList(opts.allowedAddresses ?? []);
  const refused = (address: string) => {
    const bare = address.replace(/%.*$/, '');
    return isBlockedAddress(bare) && !allowed.check(bare, net.isIP(bare) === 4 ? 'ipv4' : 'ipv6');
  };
  const connect = buildConnector({ timeout: opts.connectTimeoutMs, lookup: guardedLookup(resolve, refused) });
  return (options, callback) => {
    // An IP literal never reaches the lookup function, so it is checked here. URL keeps IPv6 in brackets.
    const literal = options.hostname.replace(/^\[(.*)\]$/, '$1');
    if (refused(literal)) return callback(blockedError(options.hostname, literal), null);
    connect(options, callback);
  };
}
