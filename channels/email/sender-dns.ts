// The sending domain's SPF, DKIM and DMARC records, checked the way a receiving server reads them
// (mailauth's SPF evaluation, DKIM key and DMARC policy lookups) over the resolver the process is
// configured with, and told in words: what is found, missing or wrong. The SPF check asks whether
// the mailbox's SMTP host (its addresses) may send for the domain: a relay in between is not seen.
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import getDmarcRecord from 'mailauth/lib/dmarc/get-dmarc-record.js';
import { getPublicKey } from 'mailauth/lib/tools.js';
import { spf } from 'mailauth/lib/spf/index.js';
import { z } from 'zod';
import { dkimPublicValue } from './dkim-key.js';
import type { MailboxRow } from '../types.js';

/** A DNS query as mailauth makes it (dns.resolve's shape): TXT answers are lists of strings. */
export type DnsResolve = (name: string, type: string) => Promise<string[][] | string[]>;

/** A resolver on the given servers ("127.0.0.1:5353", "[::1]:53"), else the system's; one try, a short timeout. */
export function dnsResolverFor(o: { servers?: readonly string[] | undefined; timeoutMs?: number } = {}): DnsResolve {
  const r = new Resolver({ timeout: o.timeoutMs ?? 3000, tries: 2 });
  if (o.servers?.length) r.setServers([...o.servers]);
  return (name, type) => r.resolve(name, type) as Promise<string[][] | string[]>;
}

const RecordCheckSchema = z.object({
  status: z.enum(['found', 'missing', 'invalid', 'unknown']).describe('unknown: the lookup failed (a DNS timeout); checked again with POST .../dns-check'),
  name: z.string().describe('Where the record lives'),
  record: z.string().nullable(),
  problems: z.array(z.string()).describe('What is wrong, in words; empty when nothing is'),
});
export const SendingDomainCheckSchema = z.object({ domain: z.string(), checkedAt: z.string(), spf: RecordCheckSchema, dkim: RecordCheckSchema, dmarc: RecordCheckSchema });
export type RecordCheck = z.infer<typeof RecordCheckSchema>;
export type SendingDomainCheck = z.infer<typeof SendingDomainCheckSchema>;

/** Hosted providers: the SPF include they publish for their customers and the DKIM selector they sign with. */
const HOSTED = {
  gmail: { name: 'Google', spfInclude: '_spf.google.com', selector: 'google' },
  microsoft: { name: 'Microsoft 365', spfInclude: 'spf.protection.outlook.com', selector: 'selector1' },
} as const;

export type SenderForCheck = {
  address: string;
  provider: 'smtp' | 'gmail' | 'microsoft';
  /** The SMTP host emails leave through (SMTP mailboxes). */
  smtpHost: string | null;
  /** Relance's DKIM selector and the record it expects there, when it signs. */
  dkim: { selector: string; dnsValue: string } | null;
};

/** What the check needs of a mailbox row. */
export function senderOf(m: Pick<MailboxRow, 'address' | 'provider' | 'settings' | 'dkimSelector' | 'dkimPublicKey'>): SenderForCheck {
  const host = m.provider === 'smtp' ? (m.settings as { host?: unknown }).host : null;
  return {
    address: m.address,
    provider: m.provider,
    smtpHost: typeof host === 'string' ? host : null,
    dkim: m.dkimSelector && m.dkimPublicKey ? { selector: m.dkimSelector, dnsValue: m.dkimPublicKey } : null,
  };
}

const NOT_FOUND = new Set(['ENOTFOUND', 'ENODATA', 'EBADNAME']);
const codeOf = (err: unknown) => (typeof err === 'object' && err !== null ? String((err as { code?: unknown }).code ?? '') : '');
const unknown = (name: string, err: unknown): RecordCheck => ({ status: 'unknown', name, record: null, problems: [`DNS lookup failed (${codeOf(err) || 'error'}): try again later`] });
const txt = async (resolve: DnsResolve, name: string) => ((await resolve(name, 'TXT')) as Array<string[] | string>).map((r) => (Array.isArray(r) ? r.join('') : r));

export async function checkSendingDomain(resolve: DnsResolve, s: SenderForCheck, now = new Date()): Promise<SendingDomainCheck> {
  const domain = s.address.slice(s.address.lastIndexOf('@') + 1).toLowerCase();
  // A library error on a strange name or answer is a check that could not be made, never a 500.
  const [spfCheck, dkimCheck, dmarcCheck] = await Promise.all([
    checkSpf(resolve, domain, s).catch((err: unknown) => unknown(domain, err)),
    checkDkim(resolve, domain, s).catch((err: unknown) => unknown(`${s.dkim?.selector ?? '<selector>'}._domainkey.${domain}`, err)),
    checkDmarc(resolve, domain).catch((err: unknown) => unknown(`_dmarc.${domain}`, err)),
  ]);
  return { domain, checkedAt: now.toISOString(), spf: spfCheck, dkim: dkimCheck, dmarc: dmarcCheck };
}

async function checkSpf(resolve: DnsResolve, domain: string, s: SenderForCheck): Promise<RecordCheck> {
  let records: string[];
  try {
    records = (await txt(resolve, domain)).filter((r) => /^v=spf1(\s|$)/i.test(r.trim()));
  } catch (err) {
    if (!NOT_FOUND.has(codeOf(err))) return unknown(domain, err);
    records = [];
  }
  const base = { name: domain, record: records[0] ?? null };
  if (records.length === 0) return { ...base, status: 'missing', problems: [`no SPF record: receivers cannot tell which servers may send for ${domain}`] };
  if (records.length > 1) return { ...base, status: 'invalid', problems: [`${records.length} SPF records: receivers treat that as an error (keep one)`] };
  if (s.provider !== 'smtp') {
    const hosted = HOSTED[s.provider];
    const included = new RegExp(`\\b(include|redirect)[:=]${hosted.spfInclude.replace(/\./g, '\\.')}\\b`, 'i').test(records[0]!);
    return included ? { ...base, status: 'found', problems: [] } : { ...base, status: 'invalid', problems: [`SPF does not include ${hosted.name} (include:${hosted.spfInclude})`] };
  }
  if (!s.smtpHost) return { ...base, status: 'found', problems: [] };
  let addresses: string[];
  try {
    addresses = isIP(s.smtpHost.replace(/^\[|\]$/g, '')) ? [s.smtpHost.replace(/^\[|\]$/g, '')] : await hostAddresses(resolve, s.smtpHost);
  } catch (err) {
    return { ...base, status: 'found', problems: [`your SMTP host ${s.smtpHost} could not be resolved (${codeOf(err) || 'error'}): whether SPF allows it is not known`] };
  }
  const problems: string[] = [];
  for (const ip of addresses.slice(0, 4)) {
    const r = await spf({ sender: `postmaster@${domain}`, ip, helo: s.smtpHost, mta: 'relance', resolver: resolve, maxElapsedTime: 10_000 });
    const result = r.status.result;
    if (result === 'pass') continue;
    if (result === 'permerror') return { ...base, status: 'invalid', problems: [`the SPF record is broken: ${r.status.comment ?? 'permanent error'}`] };
    if (result === 'temperror') return unknown(domain, { code: 'ETEMP' });
    problems.push(`SPF does not include your SMTP host ${s.smtpHost} (${ip}): receivers will see a ${result}`);
  }
  return { ...base, status: problems.length ? 'invalid' : 'found', problems };
}

async function hostAddresses(resolve: DnsResolve, host: string): Promise<string[]> {
  const settle = async (type: 'A' | 'AAAA') => {
    try {
      return (await resolve(host, type)) as string[];
    } catch (err) {
      if (NOT_FOUND.has(codeOf(err))) return [];
      throw err;
    }
  };
  const all = [...(await settle('A')), ...(await settle('AAAA'))];
  if (all.length === 0) throw Object.assign(new Error('no address'), { code: 'ENOTFOUND' });
  return all;
}

async function checkDkim(resolve: DnsResolve, domain: string, s: SenderForCheck): Promise<RecordCheck> {
  const selector = s.dkim?.selector ?? (s.provider === 'smtp' ? null : HOSTED[s.provider].selector);
  if (!selector) {
    return { status: 'missing', name: `<selector>._domainkey.${domain}`, record: null, problems: ['no DKIM selector known: have Relance sign (PUT /v1/mailboxes/{id}/dkim), or check that your SMTP provider signs for this domain'] };
  }
  const name = `${selector}._domainkey.${domain}`;
  try {
    const key = await getPublicKey('DKIM', name, 1024, resolve);
    const problems: string[] = [];
    if (s.dkim && dkimPublicValue(key.rr) !== dkimPublicValue(s.dkim.dnsValue)) problems.push(`DKIM selector ${selector} publishes another key than the one this mailbox signs with: publish the record shown under dkim`);
    if (key.testing) problems.push(`DKIM selector ${selector} is in testing mode (t=y): receivers may ignore its signatures`);
    return { status: problems.length && s.dkim ? 'invalid' : 'found', name, record: key.rr, problems };
  } catch (err) {
    const code = codeOf(err);
    const rr = (err as { rr?: string }).rr ?? null;
    if (NOT_FOUND.has(code) || (code === 'EINVALIDVAL' && !rr)) return { status: 'missing', name, record: null, problems: [`DKIM selector ${selector} not published (no TXT record at ${name})`] };
    if (code.startsWith('EINVALID') || code === 'ESHORTKEY') {
      const why = code === 'ESHORTKEY' ? 'its RSA key is shorter than 1024 bits' : !dkimPublicValue(rr ?? '') ? 'its key is empty (revoked)' : `${(err as Error).message.toLowerCase()}`;
      return { status: 'invalid', name, record: rr, problems: [`DKIM selector ${selector} is not usable: ${why}`] };
    }
    return unknown(name, err);
  }
}

async function checkDmarc(resolve: DnsResolve, domain: string): Promise<RecordCheck> {
  const name = `_dmarc.${domain}`;
  try {
    const record = await getDmarcRecord(domain, resolve);
    if (!record) {
      // mailauth discards a record that does not parse: tell "broken" from "absent".
      const raw = await txt(resolve, name).catch(() => [] as string[]);
      const broken = raw.filter((r) => /^v\s*=\s*DMARC1/i.test(r.trim()));
      if (broken.length) return { status: 'invalid', name, record: broken[0]!, problems: [broken.length > 1 ? `${broken.length} DMARC records: receivers ignore them all (keep one)` : 'the DMARC record does not parse: receivers ignore it'] };
      return { status: 'missing', name, record: null, problems: [`no DMARC policy: publish one at ${name} (for example "v=DMARC1; p=none; rua=mailto:dmarc@${domain}")`] };
    }
    const policy = getDmarcRecord.getPolicyTags(record);
    const at = record.recordDomain ?? domain;
    if (!policy) return { status: 'invalid', name: `_dmarc.${at}`, record: record.rr, problems: ['the DMARC record has no valid policy (p=none, quarantine or reject)'] };
    const problems: string[] = [];
    if (policy.p === 'none') problems.push('DMARC policy is p=none: receivers only report, mail forged in your name is still delivered');
    if (record.isOrgRecord) problems.push(`no DMARC record of its own: the policy of ${at} applies`);
    return { status: 'found', name: `_dmarc.${at}`, record: record.rr, problems };
  } catch (err) {
    return unknown(name, err);
  }
}
