// Deliverability of a mailbox's sending domain, against a real DNS server started here (dns2)
// and a real SMTP server: the SPF, DKIM and DMARC records are checked and shown on the mailbox
// with what is wrong in words; a DKIM key set on the mailbox (generated, sealed, never returned)
// signs what it sends, and the signature received verifies against the key the DNS serves. A
// worker pass checks again the mailboxes never checked or last checked a day ago.
import { generateKeyPairSync } from 'node:crypto';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpSender } from '../../channels/email/smtp.js';
import { checkSendingDomain, dnsResolverFor, type DnsResolve } from '../../channels/email/sender-dns.js';
import { events, mailboxes, tasks, users } from '../../db/schema.js';
import { freePort } from '../../scripts/lib/ports.js';
import { checkStaleSendingDomains } from '../../runtime/sending-domain-checks.js';
import { withTestApi, type ApiWorld, type Problem } from '../support/api.js';
import { startTestDnsServer, type TestDnsServer } from '../support/dns.js';
import { LOOPBACK_ALLOWED, testSecurity } from '../support/security.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

type RecordCheck = { status: string; name: string; record: string | null; problems: string[] };
type MailboxView = { id: string; dkim: { selector: string; domain: string; dnsRecord: { name: string; type: string; value: string } } | null; dns: { domain: string; checkedAt: string; spf: RecordCheck; dkim: RecordCheck; dmarc: RecordCheck } | null };

let dns: TestDnsServer;
let smtp: TestSmtpServer;
let resolve: DnsResolve;
let w: ApiWorld;
let repId: string;

beforeAll(async () => {
  [dns, smtp] = await Promise.all([startTestDnsServer(), startTestSmtpServer({ username: 'sam@outreach.test' })]);
  resolve = dnsResolverFor({ servers: [dns.server] });
});
// The app asks the test's DNS server, as a process given DNS_SERVERS would.
withTestApi({ allowList: LOOPBACK_ALLOWED, dns: (name, type) => resolve(name, type) }, async (world) => {
  w = world;
  repId = (await w.ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam Rep' })).body.id;
});
afterAll(async () => {
  await dns?.close();
  await smtp?.close();
});

async function smtpMailbox(address: string) {
  const res = await w.ws.call<MailboxView>('POST', '/v1/mailboxes', { userId: repId, address, provider: 'smtp', smtp: { host: '127.0.0.1', port: smtp.port, username: smtp.username, password: smtp.password } });
  expect(res.status).toBe(201);
  return res.body;
}
const check = async (id: string) => {
  const res = await w.ws.call<MailboxView>('POST', `/v1/mailboxes/${id}/dns-check`);
  expect(res.status).toBe(200);
  return res.body.dns!;
};

describe('the sending domain, checked and shown on the mailbox', () => {
  it('finds SPF allowing the SMTP host, the DKIM key Relance signs with, and a DMARC policy; GET shows the check', async () => {
    const box = await smtpMailbox('sam@outreach.test');
    expect(box.dns).toBeNull();
    const dkim = await w.ws.call<MailboxView>('PUT', `/v1/mailboxes/${box.id}/dkim`, { selector: 's1' });
    expect(dkim.status).toBe(200);
    expect(dkim.body.dkim).toMatchObject({ selector: 's1', domain: 'outreach.test', dnsRecord: { name: 's1._domainkey.outreach.test', type: 'TXT', value: expect.stringMatching(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}$/) } });
    dns.set('outreach.test', 'TXT', ['google-site-verification=abc', 'v=spf1 ip4:192.0.2.10 ip4:127.0.0.1 -all']);
    dns.set('s1._domainkey.outreach.test', 'TXT', [dkim.body.dkim!.dnsRecord.value]);
    dns.set('_dmarc.outreach.test', 'TXT', ['v=DMARC1; p=quarantine; rua=mailto:dmarc@outreach.test']);

    const found = await check(box.id);
    expect(found).toMatchObject({
      domain: 'outreach.test',
      spf: { status: 'found', name: 'outreach.test', record: 'v=spf1 ip4:192.0.2.10 ip4:127.0.0.1 -all', problems: [] },
      dkim: { status: 'found', name: 's1._domainkey.outreach.test', problems: [] },
      dmarc: { status: 'found', name: '_dmarc.outreach.test', record: 'v=DMARC1; p=quarantine; rua=mailto:dmarc@outreach.test', problems: [] },
    });
    const view = await w.ws.call<MailboxView>('GET', `/v1/mailboxes/${box.id}`);
    expect(view.body.dns).toEqual(found);
  });

  it('says in words what is wrong: SPF not including the SMTP host, the DKIM selector not published, no DMARC policy', async () => {
    const box = await smtpMailbox('sam@badly.test');
    expect((await w.ws.call('PUT', `/v1/mailboxes/${box.id}/dkim`, { selector: 's1' })).status).toBe(200);
    dns.set('badly.test', 'TXT', ['v=spf1 ip4:192.0.2.10 -all']);
    const wrong = await check(box.id);
    expect(wrong.spf).toEqual({ status: 'invalid', name: 'badly.test', record: 'v=spf1 ip4:192.0.2.10 -all', problems: ['SPF does not include your SMTP host 127.0.0.1 (127.0.0.1): receivers will see a fail'] });
    expect(wrong.dkim).toEqual({ status: 'missing', name: 's1._domainkey.badly.test', record: null, problems: ['DKIM selector s1 not published (no TXT record at s1._domainkey.badly.test)'] });
    expect(wrong.dmarc).toMatchObject({ status: 'missing', record: null, problems: [expect.stringMatching(/^no DMARC policy: publish one at _dmarc\.badly\.test/)] });

    // Another key under the selector, a policy that only reports, and no SPF record at all.
    const other = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    dns.set('s1._domainkey.badly.test', 'TXT', [`v=DKIM1; k=rsa; p=${other}`]);
    dns.set('_dmarc.badly.test', 'TXT', ['v=DMARC1; p=none']);
    dns.set('badly.test', 'TXT', ['some-other=record']);
    const still = await check(box.id);
    expect(still.spf).toMatchObject({ status: 'missing', problems: ['no SPF record: receivers cannot tell which servers may send for badly.test'] });
    expect(still.dkim).toMatchObject({ status: 'invalid', problems: ['DKIM selector s1 publishes another key than the one this mailbox signs with: publish the record shown under dkim'] });
    expect(still.dmarc).toMatchObject({ status: 'found', record: 'v=DMARC1; p=none', problems: ['DMARC policy is p=none: receivers only report, mail forged in your name is still delivered'] });

    // A broken DMARC record and a mailbox Relance does not sign for.
    dns.set('_dmarc.badly.test', 'TXT', ['v=DMARC1; p=sometimes']);
    expect((await w.ws.call('DELETE', `/v1/mailboxes/${box.id}/dkim`)).status).toBe(200);
    const broken = await check(box.id);
    expect(broken.dmarc).toMatchObject({ status: 'invalid', problems: ['the DMARC record has no valid policy (p=none, quarantine or reject)'] });
    expect(broken.dkim).toMatchObject({ status: 'missing', problems: [expect.stringMatching(/^no DKIM selector known/)] });
  });

  it('a DNS server that does not answer makes each record unknown, not missing', async () => {
    const silent = dnsResolverFor({ servers: [`127.0.0.1:${await freePort()}`], timeoutMs: 300 });
    const res = await checkSendingDomain(silent, { address: 'sam@outreach.test', provider: 'smtp', smtpHost: '127.0.0.1', dkim: { selector: 's1', dnsValue: 'v=DKIM1; k=rsa; p=AAAA' } });
    for (const r of [res.spf, res.dkim, res.dmarc]) expect(r).toMatchObject({ status: 'unknown', record: null, problems: [expect.stringMatching(/^DNS lookup failed \(E[A-Z]+\): try again later$/)] });
  });

  it('a worker checks again, without being asked, the mailboxes never checked and those last checked a day ago', async () => {
    const fresh = await smtpMailbox('sam@daily.test');
    const stale = await smtpMailbox('lea@daily.test');
    const recent = await smtpMailbox('max@daily.test');
    dns.set('daily.test', 'TXT', ['v=spf1 ip4:127.0.0.1 -all']);
    await check(stale.id);
    await check(recent.id);
    const dayAgo = new Date(Date.now() - 25 * 3_600_000).toISOString();
    const [staleRow] = await w.db.db.select().from(mailboxes).where(eq(mailboxes.id, stale.id));
    await w.db.db.update(mailboxes).set({ dnsCheck: { ...(staleRow!.dnsCheck as object), checkedAt: dayAgo } }).where(eq(mailboxes.id, stale.id));
    const [recentBefore] = await w.db.db.select().from(mailboxes).where(eq(mailboxes.id, recent.id));

    dns.set('_dmarc.daily.test', 'TXT', ['v=DMARC1; p=reject']);
    expect(await checkStaleSendingDomains({ db: w.db.db, resolve, batch: 100 })).toBeGreaterThanOrEqual(2);
    const rows = await w.db.db.select().from(mailboxes).where(inArray(mailboxes.id, [fresh.id, stale.id, recent.id]));
    const dnsOf = (id: string) => rows.find((r) => r.id === id)!.dnsCheck as { checkedAt: string; dmarc: { status: string } };
    expect(dnsOf(fresh.id).dmarc.status).toBe('found');
    expect(dnsOf(stale.id).dmarc.status).toBe('found');
    expect(Date.parse(dnsOf(stale.id).checkedAt)).toBeGreaterThan(Date.parse(dayAgo));
    expect(dnsOf(recent.id)).toEqual(recentBefore!.dnsCheck);
    expect(dnsOf(recent.id).dmarc.status).toBe('missing');
  });

  it('a record that stopped passing is told to the rep (a task, a mailbox.dns_failing event) once; the task closes when it passes again', async () => {
    const box = await smtpMailbox('sam@drift.test');
    dns.set('drift.test', 'TXT', ['v=spf1 ip4:127.0.0.1 -all']);
    dns.set('_dmarc.drift.test', 'TXT', ['v=DMARC1; p=reject']);
    await check(box.id);
    const dnsTasks = () => w.db.db.select().from(tasks).where(and(eq(tasks.kind, 'mailbox_dns'), like(tasks.stepKey, `mailbox:${box.id}:dns:%`)));
    const failingEvents = () => w.db.db.select().from(events).where(and(eq(events.type, 'mailbox.dns_failing'), sql`${events.payload}->>'mailboxId' = ${box.id}`));
    expect(await dnsTasks()).toEqual([]);

    // Someone edits the zone: the SMTP host drops out of SPF and the DMARC record goes. DKIM was never set up: not a regression.
    dns.set('drift.test', 'TXT', ['v=spf1 ip4:192.0.2.10 -all']);
    dns.set('_dmarc.drift.test', 'TXT', []);
    const dayAgo = (id: string) => w.db.db.update(mailboxes).set({ dnsCheck: sql`jsonb_set(${mailboxes.dnsCheck}, '{checkedAt}', to_jsonb((now() - interval '25 hours')::text))` }).where(eq(mailboxes.id, id));
    await dayAgo(box.id);
    await checkStaleSendingDomains({ db: w.db.db, resolve, batch: 100 });
    const [task] = await dnsTasks();
    expect(task).toMatchObject({ status: 'open', repId, title: expect.stringContaining('stopped passing SPF, DMARC'), prep: { records: ['spf', 'dmarc'], domain: 'drift.test' } });
    const [event] = await failingEvents();
    expect(event!.payload).toMatchObject({ address: 'sam@drift.test', records: ['spf', 'dmarc'], problems: [expect.stringMatching(/^SPF does not include your SMTP host/), expect.stringMatching(/^no DMARC policy/)] });

    // Still failing the next day: not told again.
    await dayAgo(box.id);
    await checkStaleSendingDomains({ db: w.db.db, resolve, batch: 100 });
    expect(await dnsTasks()).toHaveLength(1);
    expect(await failingEvents()).toHaveLength(1);

    // Fixed, and checked now from the mailbox: the task closes.
    dns.set('drift.test', 'TXT', ['v=spf1 ip4:127.0.0.1 -all']);
    dns.set('_dmarc.drift.test', 'TXT', ['v=DMARC1; p=reject']);
    await check(box.id);
    expect((await dnsTasks()).map((t) => t.status)).toEqual(['done']);
  });

  it('refuses what cannot sign, naming the field', async () => {
    const box = await smtpMailbox('sam@refusals.test');
    const badKey = await w.ws.call<Problem>('PUT', `/v1/mailboxes/${box.id}/dkim`, { selector: 's1', privateKey: 'not a key' });
    expect(badKey.status).toBe(422);
    expect(badKey.headers.get('content-type')).toContain('application/problem+json');
    expect(badKey.body.errors).toEqual([{ field: 'body.privateKey', message: 'not a PEM private key' }]);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect((await w.ws.call<Problem>('PUT', `/v1/mailboxes/${box.id}/dkim`, { selector: 's1', privateKey: ec })).body.errors).toEqual([{ field: 'body.privateKey', message: 'a ec key: DKIM signs with RSA or Ed25519' }]);
    const badSelector = await w.ws.call<Problem>('PUT', `/v1/mailboxes/${box.id}/dkim`, { selector: 'no spaces; please' });
    expect(badSelector.status).toBe(422);
    expect(badSelector.body.errors.map((e) => e.field)).toEqual(['body.selector']);
    const gmail = await w.ws.call<{ id: string }>('POST', '/v1/mailboxes', { userId: repId, address: 'sam@gmail-side.test', provider: 'gmail', gmail: {} });
    const onGmail = await w.ws.call<Problem>('PUT', `/v1/mailboxes/${gmail.body.id}/dkim`, { selector: 's1' });
    expect(onGmail.status).toBe(422);
    expect(onGmail.body.errors.map((e) => e.field)).toEqual(['body.selector']);
  });
});

describe('DKIM signing of an SMTP mailbox', () => {
  it('signs with the sealed key; the signature received verifies against the key the DNS serves', async () => {
    const box = await smtpMailbox('sam@signed.test');
    const own = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const set = await w.ws.call<MailboxView>('PUT', `/v1/mailboxes/${box.id}/dkim`, { selector: 'relance2026', privateKey: own });
    expect(set.status).toBe(200);
    dns.set('relance2026._domainkey.signed.test', 'TXT', [set.body.dkim!.dnsRecord.value]);

    // The key is sealed at rest and in no answer.
    const [row] = await w.db.db.select().from(mailboxes).where(eq(mailboxes.id, box.id));
    expect(row!.dkimSealedKey).not.toContain('PRIVATE KEY');
    expect(testSecurity.secrets.open(row!.dkimSealedKey!)).toContain('PRIVATE KEY');
    const view = await w.ws.call('GET', `/v1/mailboxes/${box.id}`);
    expect(JSON.stringify(view.body)).not.toMatch(/PRIVATE KEY|dkimSealedKey|sealed/i);
    expect(JSON.stringify(set.body)).not.toContain(own.split('\n')[1]!);

    const sender = createSmtpSender(row!, testSecurity.secrets, { allowList: LOOPBACK_ALLOWED });
    const [user] = await w.db.db.select().from(users).where(eq(users.id, repId));
    const messageId = `<dkim-test.${Date.now()}@signed.test>`;
    const from = smtp.received.length;
    const outcome = await sender.send({
      workspaceId: w.ws.workspaceId, touchId: 't1', enrollmentId: 'e1', prospectId: 'p1', messageId, inReplyTo: null, references: [], threadId: null,
      from: { name: user!.name, address: 'sam@signed.test' }, to: { name: 'Marie Curie', address: 'marie@globex.test' },
      subject: 'Our call tomorrow', text: 'Bonjour Marie, I will call you tomorrow at 09:15.', unsubscribeUrl: 'https://relance.test/v1/unsubscribe/tok', date: new Date(),
    });
    await sender.close?.();
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ status: 'sent' });
    const [mail] = (await smtp.waitFor(from + 1)).slice(from);
    expect(mail!.raw.toString()).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=signed\.test;/);

    const verified = await dkimVerify(mail!.raw, { resolver: resolve });
    expect(verified.results).toHaveLength(1);
    expect(verified.results[0]).toMatchObject({ signingDomain: 'signed.test', selector: 'relance2026', status: { result: 'pass' } });

    // Tampered in transit: the same signature no longer verifies.
    const tampered = Buffer.from(mail!.raw.toString().replace('09:15', '10:15'));
    // (mailauth reports a changed body as neutral, "body hash did not verify", per RFC 6376 §6.3.)
    expect((await dkimVerify(tampered, { resolver: resolve })).results[0]).toMatchObject({ status: { result: 'neutral', comment: 'body hash did not verify' } });
  });
});
