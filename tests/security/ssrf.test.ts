// Only global unicast addresses may be reached by a URL or a host a customer chooses. Every
// special-purpose range is refused, and so are the IPv6 forms that carry an IPv4 address
// (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) when the address they carry is not global.
import { describe, expect, it } from 'vitest';
import { parseAllowList, refusedRange, UnsafeUrlError, vetUrl } from '../../security/ssrf.js';

const refused = [
  // IPv4
  '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '0.1.2.3',
  '224.0.0.1', '255.255.255.255', '192.0.2.1', '198.18.0.1', '192.0.0.8',
  // IPv6
  '::1', '::', 'fe80::1', 'fd00::1', 'fc00::1', 'ff02::1', '2001:db8::1', '100::1', '3fff::1', '4000::1',
  // IPv6 carrying an IPv4 address
  '::ffff:127.0.0.1', '::ffff:a9fe:a9fe', '::127.0.0.1', '::7f00:1', '::169.254.169.254', '::8.8.8.8',
  '64:ff9b::127.0.0.1', '64:ff9b::10.0.0.1', '64:ff9b:1::a00:1', '2002:7f00:1::', '2002:a9fe:a9fe::1',
  // Teredo: the client's address is the last 32 bits inverted (80ff:fffe is 127.0.0.1)
  '2001:0:4136:e378:8000:63bf:80ff:fffe',
];
const allowed = ['8.8.8.8', '93.184.216.34', '2606:4700::1', '2a00:1450:4007:80e::200e', '64:ff9b::808:808', '2002:808:808::1', '2001:0:4136:e378:8000:63bf:f7f7:f7f7', '::ffff:8.8.8.8'];

describe('SSRF guard', () => {
  it.each(refused)('refuses %s', (address) => {
    expect(refusedRange(address)).not.toBeNull();
  });

  it.each(allowed)('allows the global unicast %s', (address) => {
    expect(refusedRange(address)).toBeNull();
  });

  it('refuses URLs whatever way the address is written', async () => {
    for (const url of ['http://[::127.0.0.1]/hook', 'http://[::169.254.169.254]/', 'http://[64:ff9b::7f00:1]/', 'http://2130706433/', 'http://0x7f.1/', 'http://[::ffff:7f00:1]/']) {
      await expect(vetUrl(url), url).rejects.toBeInstanceOf(UnsafeUrlError);
    }
  });

  it('an operator allow-list opens a range on purpose', () => {
    expect(refusedRange('127.0.0.1', parseAllowList('127.0.0.1'))).toBeNull();
    expect(refusedRange('fd00::1', parseAllowList('fd00::/8'))).toBeNull();
  });
});

describe('guarded fetch (SSO issuers)', () => {
  it('checks every address again when the socket connects: a name that turns private after the check is refused', async () => {
    const { createServer } = await import('node:http');
    const { guardedLookup, guardedFetch } = await import('../../security/guarded-fetch.js');
    const server = createServer((_req, res) => res.end('{"ok":true}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      // The connection's own lookup: localhost is loopback, refused without the allow-list.
      const looked = await new Promise<unknown>((resolve) => guardedLookup(parseAllowList(undefined))('localhost', {}, (err) => resolve(err)));
      expect(looked).toBeInstanceOf(UnsafeUrlError);
      await expect(guardedFetch(parseAllowList(undefined))(`http://localhost:${port}/`)).rejects.toThrow(/localhost/);
      // Allowed by name (a local provider in development): reached.
      const res = await guardedFetch(parseAllowList('localhost'))(`http://localhost:${port}/`);
      expect(await res.json()).toEqual({ ok: true });
    } finally {
      server.close();
    }
  });
});
