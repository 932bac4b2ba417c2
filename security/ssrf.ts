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

export const allowListFromEnv = (env: NodeJS.ProcessEnv = process.env): AllowList => parseAllowList(env.WEBHOOK_ALLOWED_HOSTS);

const defaultLookup: LookupAll = (host) => dnsLookup(host, { all: true, verbatim: true });

/** Why an address may not be reached, or null when it may. */
export function refusedRange(address: string, allow: AllowList = EMPTY_ALLOW_LIST): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  // process() turns IPv4-mapped IPv6 (::ffff:10.0.0.1) into the IPv4 address it carries.
  const addr = ipaddr.process(address);
  if (allow.cidrs.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits))) return null;
  const range = addr.range();
  return range === 'unicast' ? null : range;
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
