// A raw RFC 822 message (an inbound webhook's `raw`, a Gmail message fetched with format=raw)
// reduced to an InboundMail with mailparser: headers as sent, the plain text (or the HTML's
// text), and for delivery reports the delivery-status part and the returned message's headers.
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { InboundMail } from './types.js';

export const MAX_RAW_MAIL_BYTES = 1024 * 1024;
const MAX_TEXT = 100_000;

export class MailParseError extends Error {}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value).flatMap((v) => (v.group ? v.group : [v])).map((v) => v.address?.toLowerCase() ?? '').filter(Boolean);

/** Header names lower-cased, folded lines joined, the first value of each. */
function headerMap(parsed: ParsedMail): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    if (key in out) continue;
    out[key] = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim().slice(0, 2000);
  }
  return out;
}

const idList = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? v.split(/\s+/) : []).filter(Boolean);

/** The header block of a returned message (text/rfc822-headers, or message/rfc822 whole). */
const headerBlock = (raw: string) => raw.replace(/\r\n?/g, '\n').split(/\n\n/)[0]!.slice(0, 20_000);

export async function parseRawMail(raw: Buffer, receivedAt: string): Promise<InboundMail> {
  if (raw.length > MAX_RAW_MAIL_BYTES) throw new MailParseError(`the message exceeds ${MAX_RAW_MAIL_BYTES} bytes`);
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { keepDeliveryStatus: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true, maxHtmlLengthToParse: 2 * MAX_TEXT });
  } catch {
    throw new MailParseError('not a readable RFC 822 message');
  }
  const headers = headerMap(parsed);
  const from = addresses(parsed.from)[0];
  if (!from) throw new MailParseError('the message has no From address');
  const part = (...types: string[]) => parsed.attachments.find((a) => types.includes(a.contentType.toLowerCase()))?.content.toString('utf8');
  const deliveryStatus = part('message/delivery-status', 'message/global-delivery-status');
  const returned = part('text/rfc822-headers', 'message/rfc822', 'message/global', 'message/global-headers');
  const feedback = part('message/feedback-report');
  return {
    from,
    to: addresses(parsed.to),
    subject: parsed.subject ?? '',
    messageId: parsed.messageId ?? null,
    inReplyTo: idList(parsed.inReplyTo)[0] ?? null,
    references: idList(parsed.references),
    headers,
    text: (parsed.text ?? '').slice(0, MAX_TEXT),
    receivedAt,
    ...(deliveryStatus ? { deliveryStatus: deliveryStatus.slice(0, 20_000) } : {}),
    ...(returned ? { returnedHeaders: headerBlock(returned) } : {}),
    ...(feedback ? { feedbackReport: feedback.slice(0, 20_000) } : {}),
  };
}
