// The SSRF guard for the mail servers a mailbox names (SMTP to send, IMAP to read replies): every
// address the host resolves to must be public unless the allow-list permits it, and the caller
// connects to the vetted address so a second DNS answer cannot redirect the connection.
import ipaddr from 'ipaddr.js';
import { refusedRange, type AllowList, type LookupAll } from '../../security/ssrf.js';

export type VettedHost = { address: string } | { refused: 'unresolved' | 'private'; detail: string };

export async function vetMailHost(host: string, allow: AllowList, lookup: LookupAll, what: 'SMTP' | 'IMAP'): Promise<VettedHost> {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  let addresses: Array<{ address: string }>;
  try {
    addresses = ipaddr.isValid(bare) ? [{ address: bare }] : await lookup(bare);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0) return { refused: 'unresolved', detail: `the ${what} host ${bare} does not resolve` };
  for (const a of addresses) {
    const refused = allow.hosts.has(bare) ? null : refusedRange(a.address, allow);
    if (refused) return { refused: 'private', detail: `the ${what} host ${bare} resolves to a ${refused} address, which mailboxes may not reach` };
  }
  return { address: addresses[0]!.address };
}
