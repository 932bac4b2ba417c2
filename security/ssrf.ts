// Outbound requests to addresses a customer chooses (webhooks) must not reach our own network:
// every address the host resolves to must be public unicast, unless an operator allow-list
// (WEBHOOK_ALLOWED_HOSTS: host names and CIDRs) permits it. The caller then connects to the
// vetted address itself, so a second DNS answer (rebinding) cannot redirect the request.
import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export type AllowList = { hosts: Set<string>; cidrs: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> };
export type VettedTarget = { url: URL; address: string; family: 4 | 6 };
export type LookupAll = (host: string) => Promise<Array<{ address: string; family: number }>>;

export class UnsafeUrlError extends Error {
  override name = 'UnsafeUrlError';
}

export const EMPTY_ALLOW_LIST: AllowList = { hosts: new Set(), cidrs: [] };

/** "127.0.0.1/32,localhost,::1": CIDRs (a bare address is a /32 or /128) and host names. */
export function parseAllowList(raw: string | undefined): AllowList {
  const list: AllowList = { hosts: new Set(), cidrs: [] };
  for (const item of (raw ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (ipaddr.isValidCIDR(item)) list.cidrs.push(ipaddr.parseCIDR(item));
    else if (ipaddr.isValid(item)) {
      const a = ipaddr.parse(item);
      list.cidrs.push([a, a.kind() === 'ipv4' ? 32 : 128]);
    } else list.hosts.add(item);
  }
  return list;
}

const defaultLookup: LookupAll = (host) => dnsLookup(host, { all: true, verbatim: true });

/** The IPv4 addresses a NAT64, 6to4 or Teredo address carries, which decide where it leads. */
function embeddedIPv4(addr: ipaddr.IPv6): ipaddr.IPv4[] {
  const b = addr.toByteArray();
  const v4 = (at: number, xor = 0) => new ipaddr.IPv4(b.slice(at, at + 4).map((x) => x ^ xor));
  switch (addr.range()) {
    case 'rfc6052': // 64:ff9b::/96 and 64:ff9b:1::/48 (NAT64): the last 32 bits
    case 'rfc6145':
      return [v4(12)];
    case '6to4': // 2002:AABB:CCDD::/48
      return [v4(2)];
    case 'teredo': // 2001:0:SSSS:SSSS:flags:port:CCCC:CCCC, the client's address inverted
      return [v4(4), v4(12, 0xff)];
    default:
      return [];
  }
}

/** ::/96 but :: and ::1, which have ranges of their own. */
function isIPv4Compatible(addr: ipaddr.IPv6): boolean {
  const b = addr.toByteArray();
  return b.slice(0, 12).every((x) => x === 0) && b.slice(12, 15).some((x) => x !== 0);
}

/** 2000::/3 is the only global unicast space of IPv6; everything else is special-purpose. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
const TRANSLATED = new Set(['rfc6052', 'rfc6145', '6to4', 'teredo']);

/** Why an address may not be reached, or null when it may: only global unicast addresses may. */
export function refusedRange(address: string, allow: AllowList = EMPTY_ALLOW_LIST): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  // process() turns IPv4-mapped IPv6 (::ffff:10.0.0.1) into the IPv4 address it carries.
  const addr = ipaddr.process(address);
  if (allow.cidrs.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits))) return null;
  const range = addr.range();
  // ::a.b.c.d, the deprecated IPv4-compatible form: ipaddr.js reads the dotted form as IPv4-mapped,
  // and URL parsing prints ::127.0.0.1 as ::7f00:1.
  const parsed = ipaddr.parse(address);
  if (/^::\d+\.\d+\.\d+\.\d+$/.test(address) || (parsed.kind() === 'ipv6' && isIPv4Compatible(parsed as ipaddr.IPv6))) return 'IPv4-compatible (deprecated)';
  if (addr.kind() === 'ipv4') return range === 'unicast' ? null : range;
  const v6 = addr as ipaddr.IPv6;
  if (TRANSLATED.has(range)) {
    // NAT64, 6to4 and Teredo lead to the IPv4 addresses they carry: those decide.
    for (const v4 of embeddedIPv4(v6)) {
      const inner = refusedRange(v4.toString(), allow);
      if (inner) return `${range} (carrying a ${inner} IPv4 address)`;
    }
    return null;
  }
  if (range !== 'unicast') return range;
  return v6.match(GLOBAL_UNICAST_V6) ? null : 'non-global';
}

/**
 * Secrets (a client secret, a refresh token) go to an https URL, or to a plain-http one only on a
 * host the allow-list names (a local provider in development and tests). Null when allowed.
 */
export function httpsOrAllowed(raw: string, allow: AllowList): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol === 'https:') return null;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  // Allowed explicitly: by name, or an address the guard would refuse but the allow-list lets through.
  const allowedAddress = ipaddr.isValid(host) && refusedRange(host) !== null && refusedRange(host, allow) === null;
  if (url.protocol === 'http:' && (allow.hosts.has(host) || allowedAddress)) return null;
  return 'must be an https URL';
}

/** Checks scheme and every resolved address; throws UnsafeUrlError with a reason. */
export async function vetUrl(raw: string, allow: AllowList = EMPTY_ALLOW_LIST, lookup: LookupAll = defaultLookup): Promise<VettedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UnsafeUrlError('only http and https URLs are allowed');
  if (url.username || url.password) throw new UnsafeUrlError('credentials in the URL are not allowed');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = ipaddr.isValid(host) ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv4' ? 4 : 6 }] : await lookup(host);
  } catch {
    throw new UnsafeUrlError(`the host ${host} does not resolve`);
  }
  if (addresses.length === 0) throw new UnsafeUrlError(`the host ${host} does not resolve`);
  const hostAllowed = allow.hosts.has(host);
  for (const a of addresses) {
    const refused = hostAllowed ? null : refusedRange(a.address, allow);
    if (refused) throw new UnsafeUrlError(`the host ${host} resolves to a ${refused} address (${a.address}), which webhooks may not reach`);
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
