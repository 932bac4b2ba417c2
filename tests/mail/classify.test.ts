// Inbound mail classification over a corpus of real-world shaped messages (tests/mail/corpus,
// English and French), parsed from raw MIME as the webhook and the Gmail poller do, then a few
// header variants, and the Message-IDs each message is matched by.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answeredMessageIds } from '../../domain/mail/answered.js';
import { classifyInboundMail } from '../../domain/mail/classify.js';
import { MailParseError, parseRawMail } from '../../domain/mail/from-mime.js';
import type { InboundMail, MailClassification } from '../../domain/mail/types.js';

const NOW = '2026-02-20T09:00:00.000Z'; // a Friday
const corpus = (name: string) => parseRawMail(readFileSync(new URL(`./corpus/${name}`, import.meta.url)), NOW);

type Row = [file: string, zone: string, expected: MailClassification, answers: string[]];
const hard = (recipient: string, status: string) => ({ kind: 'bounce', bounceKind: 'hard', recipient, status }) as const;
const soft = (recipient: string, status: string | null) => ({ kind: 'bounce', bounceKind: 'soft', recipient, status }) as const;

const CORPUS: Row[] = [
  // Bounces: RFC 3464 reports (Postfix, Gmail, Exchange in French), then text-only ones (Exim, qmail).
  ['postfix-user-unknown.eml', 'Europe/Paris', { ...hard('nobody@globex.test', '5.1.1'), detail: expect.stringContaining('User unknown') }, ['<touch.abc@relance.acme.test>']],
  ['gmail-dsn-failure.eml', 'Europe/Paris', { ...hard('marc.dupont@initech.test', '5.1.1'), detail: expect.stringContaining('does not exist') }, ['<touch.gm1@relance.acme.test>']],
  ['exchange-ndr-fr.eml', 'Europe/Paris', { ...hard('helene.martin@globex.fr', '5.1.10'), detail: expect.stringContaining('RecipientNotFound') }, ['<touch.ex1@relance.acme.test>']],
  ['mailbox-full-dsn.eml', 'Europe/Paris', { ...soft('paul@hooli.test', '5.2.2'), detail: expect.stringContaining('Mailbox full') }, []],
  ['delayed-dsn.eml', 'Europe/Paris', { ...soft('tom@vandelay.test', '4.4.1'), detail: expect.any(String) }, []],
  ['exim-text-bounce.eml', 'Europe/Paris', { ...hard('jdoe@initech.test', '5.1.1'), detail: expect.stringContaining('550 5.1.1') }, ['<touch.exim@relance.acme.test>']],
  ['qmail-mailbox-full.eml', 'Europe/Paris', { ...soft('gavin@hooli.test', '5.2.2'), detail: expect.stringContaining('mailbox is full') }, []],
  ['success-dsn.eml', 'Europe/Paris', { kind: 'ignore', reason: expect.stringContaining('without a failure') }, []],
  // Out-of-office: the return day starts at midnight in the prospect's zone.
  ['gmail-vacation-en.eml', 'America/New_York', { kind: 'auto_reply', returnAt: '2026-03-03T05:00:00.000Z' }, ['<touch.vac@relance.acme.test>']],
  // "back on Monday 9th" (the subject's "February 24" is our own subject: not read).
  ['outlook-ooo-en.eml', 'Europe/London', { kind: 'auto_reply', returnAt: '2026-03-09T00:00:00.000Z' }, ['<touch.ol1@relance.acme.test>']],
  // "absente jusqu'au 12/03 inclus" (HTML only): back on the 13th.
  ['outlook-ooo-fr.eml', 'Europe/Paris', { kind: 'auto_reply', returnAt: '2026-03-12T23:00:00.000Z' }, ['<touch.fr1@relance.acme.test>']],
  // X-Autoreply with Precedence: bulk is still an out-of-office; "de retour le 3 mars".
  ['fr-retour-le.eml', 'Europe/Paris', { kind: 'auto_reply', returnAt: '2026-03-02T23:00:00.000Z' }, []],
  ['ooo-no-date.eml', 'Europe/Paris', { kind: 'auto_reply', returnAt: null }, []],
  // The dates are in the quoted email only.
  ['ooo-quoted-date.eml', 'Europe/Paris', { kind: 'auto_reply', returnAt: null }, []],
  ['german-abwesenheit.eml', 'Europe/Berlin', { kind: 'auto_reply', returnAt: null }, []],
  // People: a reply mentioning an absence is still a reply.
  ['human-reply-en.eml', 'Europe/Paris', { kind: 'reply' }, ['<touch.hr2@relance.acme.test>', '<touch.hr1@relance.acme.test>']],
  ['human-reply-fr.eml', 'Europe/Paris', { kind: 'reply' }, ['<touch.fr9@relance.acme.test>']],
  ['html-only-reply.eml', 'America/Sao_Paulo', { kind: 'reply' }, ['<touch.html@relance.acme.test>']],
  // Not about a cadence.
  ['newsletter.eml', 'Europe/Paris', { kind: 'ignore', reason: 'list or bulk mail' }, []],
  ['calendar-accept.eml', 'Europe/Paris', { kind: 'ignore', reason: 'a calendar notice' }, []],
  ['ticket-autogen.eml', 'Europe/Paris', { kind: 'ignore', reason: 'an automatic message' }, []],
  ['read-receipt.eml', 'Europe/Paris', { kind: 'ignore', reason: 'a read receipt' }, []],
  // Marked as spam: a feedback-loop report (RFC 5965) about our email.
  ['arf-complaint.eml', 'Europe/Paris', { kind: 'complaint', recipient: 'jane.roe@hooli.test' }, ['<touch.arf1@relance.acme.test>']],
];

describe('classifying inbound mail: the corpus', () => {
  it.each(CORPUS)('%s', async (file, zone, expected, answers) => {
    const mail = await corpus(file);
    const c = classifyInboundMail(mail, { now: NOW, timeZone: zone });
    expect(c).toEqual(expected);
    expect(answeredMessageIds(mail, c.kind === 'bounce' || c.kind === 'complaint')).toEqual(answers);
  });

  it('keeps what matching and classification need from the raw message', async () => {
    const mail = await corpus('gmail-dsn-failure.eml');
    expect(mail).toMatchObject({ from: 'mailer-daemon@googlemail.com', to: ['sam@acme.test'], subject: 'Delivery Status Notification (Failure)', messageId: '<5f1a.gmail.dsn@mx.google.com>', inReplyTo: '<touch.gm1@relance.acme.test>' });
    expect(mail.headers['auto-submitted']).toBe('auto-replied');
    expect(mail.deliveryStatus).toMatch(/Final-Recipient: rfc822; marc.dupont@initech.test/);
    expect(mail.returnedHeaders).toMatch(/^From: Sam Rep/);
    expect(mail.returnedHeaders).not.toMatch(/Hello Marc/);
    const fr = await corpus('exchange-ndr-fr.eml');
    expect(fr.subject).toBe('Non remis\u00a0: Appel mardi ?');
  });

  it('refuses what is not a message', async () => {
    await expect(parseRawMail(Buffer.from('just some words'), NOW)).rejects.toThrow(MailParseError);
    await expect(parseRawMail(Buffer.alloc(1024 * 1024 + 1, 'a'), NOW)).rejects.toThrow(/exceeds/);
  });
});

describe('classifying inbound mail: header variants', () => {
  const base: InboundMail = { from: 'marie@globex.test', to: ['sam@acme.test'], subject: 'Re: A quick call?', messageId: null, inReplyTo: null, references: [], headers: {}, text: 'Thanks!', receivedAt: NOW };
  const kind = (m: Partial<InboundMail>) => classifyInboundMail({ ...base, ...m }, { now: NOW }).kind;

  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'auto_reply'],
    [{ 'auto-submitted': 'auto-replied; owner-email="marie@globex.test"' }, 'auto_reply'],
    [{ 'auto-submitted': 'no' }, 'reply'],
    [{ 'x-autoreply': 'yes' }, 'auto_reply'],
    [{ 'x-autorespond': 'Vacation' }, 'auto_reply'],
    [{ precedence: 'auto_reply' }, 'auto_reply'],
    [{ 'x-ms-exchange-organization-autoreply': 'OOF' }, 'auto_reply'],
    [{ 'auto-submitted': 'auto-generated' }, 'ignore'],
    [{ precedence: 'list' }, 'ignore'],
    [{ 'list-id': '<sales.globex.test>' }, 'ignore'],
  ] as const)('%o -> %s', (headers, expected) => {
    expect(kind({ headers })).toBe(expected);
  });

  it.each([
    ['Automatic reply: A quick call?', 'auto_reply'],
    ['Out of Office: A quick call?', 'auto_reply'],
    ['Réponse automatique : Appel mardi ?', 'auto_reply'],
    ['Absence du 20/02 au 27/02', 'auto_reply'],
    ['Abwesenheitsnotiz: Kurzer Anruf?', 'auto_reply'],
    ['Re: absence of data in your report', 'reply'],
    ['Undelivered Mail Returned to Sender', 'bounce'],
    ['Re: Undelivered Mail Returned to Sender', 'reply'],
    ['Invitation: Call with Sam @ Tue Feb 24', 'ignore'],
  ] as const)('subject %j -> %s', (subject, expected) => {
    expect(kind({ subject })).toBe(expected);
  });

  it('a bounce is never an out-of-office, whatever its headers and subject say', () => {
    const c = classifyInboundMail(
      { ...base, from: 'postmaster@globex.test', subject: 'Automatic reply: Undeliverable', headers: { 'auto-submitted': 'auto-replied', 'x-autoreply': 'yes' }, text: '550 5.1.1 user unknown' },
      { now: NOW },
    );
    expect(c).toMatchObject({ kind: 'bounce', bounceKind: 'hard', status: '5.1.1' });
  });

  it('infers the kind of a bounce without a report from its words', () => {
    const bounce = (text: string) => classifyInboundMail({ ...base, from: 'MAILER-DAEMON@mx.test', subject: 'failure notice', text }, { now: NOW });
    expect(bounce('<jo@globex.test>: no such user here')).toMatchObject({ bounceKind: 'hard', recipient: 'jo@globex.test' });
    expect(bounce('<jo@globex.test>: boîte aux lettres pleine')).toMatchObject({ bounceKind: 'soft' });
    expect(bounce('<jo@globex.test>: 421 try again later')).toMatchObject({ bounceKind: 'soft', status: null });
    expect(bounce("L'adresse jo@globex.test n'existe pas")).toMatchObject({ bounceKind: 'hard', recipient: 'jo@globex.test' });
  });
});
