// fetch for URLs a customer chooses (an SSO issuer and the endpoints its discovery names). The URL
// is vetted first (scheme, credentials, every resolved address), and the socket's own name lookup
// refuses any address the guard would refuse: a name that resolves to a public address for the
// check and to 169.254.169.254 for the connection (DNS rebinding) never reaches the second one.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { CustomFetch } from 'openid-client';
import { Agent, fetch as undiciFetch } from 'undici';
import { refusedRange, UnsafeUrlError, vetUrl, type AllowList } from './ssrf.js';

/** A name lookup that keeps only the addresses the guard lets through, or fails. */
export function guardedLookup(allow: AllowList): LookupFunction {
  return (host, options, callback) => {
    dnsLookup(host, { ...options, all: true }, (err, found: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const reachable = allow.hosts.has(host.toLowerCase()) ? found : found.filter((a) => refusedRange(a.address, allow) === null);
      if (reachable.length === 0) {
        const first = found[0]?.address ?? 'nothing';
        return callback(new UnsafeUrlError(`the host ${host} resolves to ${first}, which may not be reached`), '', 0);
      }
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, reachable);
      else callback(null, reachable[0]!.address, reachable[0]!.family);
    });
  };
}

export type GuardedFetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

/** fetch that reaches only what the guard allows, at check time and at connection time; no redirects followed. */
export function guardedFetch(allow: AllowList): GuardedFetch {
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(allow) } });
  return async (url, init = {}) => {
    await vetUrl(String(url), allow);
    const res = await undiciFetch(String(url), { ...(init as Parameters<typeof undiciFetch>[1]), redirect: 'manual', dispatcher });
    return res as unknown as Response;
  };
}

/** The same, in the shape openid-client calls (SSO discovery, OAuth2 token refreshes). */
export function guardedOAuthFetch(allow: AllowList): CustomFetch {
  const fetchGuarded = guardedFetch(allow);
  return (url, options) => fetchGuarded(url, { ...options, body: options.body as BodyInit | null | undefined });
}
