// Bounces: the RFC 3464 delivery-status part when the report has one (Status, Final-Recipient,
// Diagnostic-Code), else what a non-standard bounce's text says ("550 5.1.1 user unknown",
// "mailbox full"). 5.x.x is hard (the address is invalid) but for a full mailbox; 4.x.x is soft.
import type { InboundMail } from './types.js';

export type BounceFacts = { bounceKind: 'hard' | 'soft'; recipient: string | null; status: string | null; detail: string };

const DAEMON = /^(mailer-daemon|mail-daemon|maildaemon|postmaster)@/i;
const BOUNCE_SUBJECT =
  /(delivery status notification|undeliver(ed|able)|returned mail|mail delivery (failed|failure)|failure notice|delivery (has )?failed|could not be delivered|not delivered|non remis|non distribuable|[ée]chec de (la )?(remise|distribution)|unzustellbar|nicht zustellbar)/i;
const REPLY_PREFIX = /^\s*(re|aw|sv|tr|fw|fwd)\s*:/i;
const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const BASIC = /(?:^|[\s:(])([245]\d\d)(?=[\s-])/m;
const FULL = /mailbox (is )?full|over ?quota|quota (exceeded|d[ée]pass[ée])|insufficient storage|bo[iî]te (aux lettres |de r[ée]ception )?(est )?pleine/i;
const HARD_WORDS =
  /user unknown|unknown user|no such (user|mailbox|recipient|address)|does ?n[o']t exist|address rejected|recipient rejected|mailbox unavailable|mailbox not found|recipient not found|invalid (recipient|mailbox|address)|account (has been )?disabled|n['’]existe pas|destinataire inconnu|adresse (inconnue|invalide|introuvable)|introuvable|unbekannt/i;
const SOFT_WORDS = /temporar|try again later|delayed|deferred|greylist|retard|will (retry|continue trying)|nouvelle tentative/i;

/** Whether the message reports a failed delivery (its kind is decided by bounceFacts). */
export function isBounce(mail: InboundMail): boolean {
  const contentType = mail.headers['content-type'] ?? '';
  if (mail.deliveryStatus || (/multipart\/report/i.test(contentType) && /report-type="?delivery-status/i.test(contentType))) return true;
  if (DAEMON.test(mail.from) || mail.headers['x-failed-recipients']) return true;
  return BOUNCE_SUBJECT.test(mail.subject) && !REPLY_PREFIX.test(mail.subject);
}

/** Per-recipient blocks of a delivery-status part, header names lower-cased, folded lines joined. */
function dsnBlocks(report: string): Array<Record<string, string>> {
  const unfolded = report.replace(/\r\n?/g, '\n').replace(/\n[ \t]+/g, ' ');
  return unfolded.split(/\n[ \t]*\n/).map((block) => {
    const fields: Record<string, string> = {};
    for (const line of block.split('\n')) {
      const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
      if (m && !(m[1]!.toLowerCase() in fields)) fields[m[1]!.toLowerCase()] = m[2]!.trim();
    }
    return fields;
  });
}

/** "rfc822; Jane@Globex.test" -> "jane@globex.test". */
const addressOf = (typed: string | undefined): string | null => {
  const m = /([^\s<>;"]+@[^\s<>;"]+)/.exec(typed ?? '');
  return m ? m[1]!.toLowerCase() : null;
};
const squash = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 500);

function kindOf(status: string | null, text: string, subject: string): 'hard' | 'soft' {
  // X.2.2 is a full mailbox: the address exists.
  if (status?.endsWith('.2.2') || FULL.test(text)) return 'soft';
  const code = status ?? BASIC.exec(text)?.[1] ?? null;
  if (code) return code.startsWith('5') ? 'hard' : 'soft';
  if (HARD_WORDS.test(text)) return 'hard';
  if (SOFT_WORDS.test(text) || /delay|retard|verz[öo]gert/i.test(subject)) return 'soft';
  return 'hard';
}

/** The line of the text that says why, for the timeline. */
function reasonLine(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const i = lines.findIndex((l) => ENHANCED.test(l) || BASIC.test(l) || HARD_WORDS.test(l) || FULL.test(l) || SOFT_WORDS.test(l));
  return i < 0 ? '' : squash(lines.slice(i, i + 2).join(' '));
}

/** The first address in the text that is not the daemon's nor the rep's (the bounce's To). */
function failedAddressInText(mail: InboundMail): string | null {
  const skip = new Set([mail.from.toLowerCase(), ...mail.to.map((t) => t.toLowerCase())]);
  for (const m of mail.text.matchAll(/<?([A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})>?/g)) {
    const a = m[1]!.toLowerCase();
    if (!skip.has(a) && !DAEMON.test(a)) return a;
  }
  return null;
}

/** The facts of a bounce; null for a delivery report that reports no failure (Action: delivered). */
export function bounceFacts(mail: InboundMail): BounceFacts | null {
  const blocks = mail.deliveryStatus ? dsnBlocks(mail.deliveryStatus) : [];
  const recipients = blocks.filter((b) => b['final-recipient'] || b['original-recipient'] || b.status);
  if (recipients.length > 0) {
    const failed = recipients.find((b) => /^failed/i.test(b.action ?? '') || b.status?.startsWith('5')) ?? recipients.find((b) => /^delayed/i.test(b.action ?? '') || b.status?.startsWith('4'));
    if (!failed) return null;
    const status = ENHANCED.exec(failed.status ?? '')?.[0] ?? ENHANCED.exec(failed['diagnostic-code'] ?? '')?.[0] ?? null;
    const diagnostic = squash((failed['diagnostic-code'] ?? '').replace(/^[a-z-]+\s*;\s*/i, ''));
    return {
      bounceKind: /^delayed/i.test(failed.action ?? '') ? 'soft' : kindOf(status, diagnostic, mail.subject),
      recipient: addressOf(failed['final-recipient']) ?? addressOf(failed['original-recipient']),
      status,
      detail: diagnostic || `${failed.action ?? 'failed'} ${status ?? ''}`.trim(),
    };
  }
  const text = mail.text.slice(0, 50_000);
  const status = ENHANCED.exec(text)?.[0] ?? null;
  return {
    bounceKind: kindOf(status, text, mail.subject),
    recipient: addressOf(mail.headers['x-failed-recipients']) ?? failedAddressInText(mail),
    status,
    detail: reasonLine(text) || squash(mail.subject),
  };
}
