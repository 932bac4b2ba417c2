// Email provider events about a prospect address. Either the provider already knows what
// happened (reply, bounce, auto_reply, opt_out: the same effects as POST /v1/prospects/{id}/events),
// or it forwards the email itself (`message`: its fields; `raw`: the whole RFC 822 message,
// base64) and Relance classifies it and finds the touch it answers (api/services/inbound-mail.ts).
import { z } from '@hono/zod-openapi';
import { normalizeMessageId } from '../../../domain/mail/answered.js';
import { MailParseError, parseRawMail } from '../../../domain/mail/from-mime.js';
import type { InboundMail } from '../../../domain/mail/types.js';
import { invalidBody, unstorableErrors } from '../../validation.js';
import { applyInboundMail } from '../inbound-mail.js';
import { applyProspectEvent, findProspectIdByEmail } from '../../../application/prospect-events.js';
import { defineMapping, type InboundContext } from './types.js';

const Detail = z.string().max(2000).optional();
const Email = z.email().max(320);
/** "jane@globex.test" or "Jane Doe <jane@globex.test>": the address, lower-cased. */
const Sender = z
  .string()
  .max(400)
  .transform((v, ctx) => {
    const address = (/<([^<>]+)>\s*$/.exec(v)?.[1] ?? v).trim().toLowerCase();
    if (Email.safeParse(address).success) return address;
    ctx.addIssue({ code: 'custom', message: 'not an email address' });
    return z.NEVER;
  })
  .openapi({ description: 'An address, or "Name <address>"' });
const MessageId = z.string().max(998).refine((v) => normalizeMessageId(v) !== null, 'not a Message-ID like <id@host>');

const Message = z
  .object({
    type: z.literal('message'),
    from: Sender,
    to: z.union([Sender, z.array(Sender).max(100)]).optional(),
    subject: z.string().max(2000).optional(),
    messageId: MessageId.optional().openapi({ description: 'The Message-ID of this email: the same email delivered twice is applied once' }),
    inReplyTo: MessageId.optional(),
    references: z.union([z.array(MessageId).max(100), z.string().max(20_000)]).optional().openapi({ description: 'Oldest first; a list or the header as sent' }),
    headers: z.record(z.string().max(200), z.string().max(2000)).refine((h) => Object.keys(h).length <= 200, 'at most 200 headers').optional().openapi({ description: 'Headers as sent (Auto-Submitted, Precedence, List-Id, X-Autoreply...); names in any case' }),
    text: z.string().max(100_000).optional().openapi({ description: 'The plain-text body (read for return dates and bounce reasons, never stored)' }),
    deliveryStatus: z.string().max(20_000).optional().openapi({ description: 'For a bounce: the message/delivery-status part (RFC 3464)' }),
    returnedHeaders: z.string().max(20_000).optional().openapi({ description: "For a bounce: the returned message's headers (its Message-ID finds the touch)" }),
  })
  .openapi({
    description: 'An email received: classified as a reply, an out-of-office (with its return date), a bounce, or ignored (list mail, calendar notices)',
    example: { type: 'message', from: 'Jane Doe <jane@globex.test>', subject: 'Re: A quick call on Tuesday?', inReplyTo: '<touch.1f2e@relance.acme.test>', messageId: '<CAF=abc@mail.gmail.com>', text: 'Happy to talk, call me at 10.' },
  });
const Raw = z
  .object({ type: z.literal('raw'), mime: z.base64().max(1_000_000).openapi({ description: 'The whole RFC 822 message, base64 (at most 1 MB encoded)' }) })
  .openapi({ description: 'An email received, as sent: parsed, then like `message`; a spam complaint (a feedback-loop report, RFC 5965) opts the person out', example: { type: 'raw', mime: 'RnJvbTogamFuZUBnbG9iZXgudGVzdA0KU3ViamVjdDogUmU6IC4uLg0KDQpZZXMu' } });

export const EmailInbound = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('reply'), email: Email, subject: z.string().max(500).optional(), detail: Detail }),
    z.object({ type: z.literal('bounce'), email: Email, bounceKind: z.enum(['hard', 'soft']).default('hard'), detail: Detail }),
    z.object({ type: z.literal('auto_reply'), email: Email, returnAt: z.iso.datetime({ offset: true }).optional(), subject: z.string().max(500).optional() }),
    z.object({ type: z.literal('opt_out'), email: Email }),
    Message,
    Raw,
  ])
  .openapi('InboundEmail', {
    description:
      'reply stops, hard bounce stops and marks the address invalid, soft bounce is recorded, auto_reply pauses, opt_out stops everything for good. ' +
      '`message` and `raw` forward the email itself: Relance classifies it and finds the touch it answers (In-Reply-To, References, a bounce\'s returned Message-ID), else the prospect by address.',
  });

type MessageBody = z.infer<typeof Message>;

function mailOf(b: MessageBody): InboundMail {
  const ids = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? v.split(/\s+/) : []).map(normalizeMessageId).filter((x): x is string => x !== null);
  return {
    from: b.from,
    to: Array.isArray(b.to) ? b.to : b.to ? [b.to] : [],
    subject: b.subject ?? '',
    messageId: b.messageId ? normalizeMessageId(b.messageId) : null,
    inReplyTo: b.inReplyTo ? normalizeMessageId(b.inReplyTo) : null,
    references: ids(b.references),
    headers: Object.fromEntries(Object.entries(b.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    text: b.text ?? '',
    receivedAt: new Date().toISOString(),
    deliveryStatus: b.deliveryStatus,
    returnedHeaders: b.returnedHeaders,
  };
}

async function rawMail(mime: string): Promise<InboundMail> {
  let mail: InboundMail;
  try {
    mail = await parseRawMail(Buffer.from(mime, 'base64'), new Date().toISOString());
  } catch (err) {
    if (err instanceof MailParseError) throw invalidBody([{ field: 'body.mime', message: err.message }]);
    throw err;
  }
  // What the MIME decodes to (an encoded-word subject, a body part) is checked like JSON input.
  const errors = unstorableErrors(mail, 'body.mime');
  if (errors.length > 0) throw invalidBody(errors);
  return mail;
}

async function applyMail(ctx: InboundContext, mail: InboundMail) {
  const dedupeKey = mail.messageId ?? `webhook:${ctx.messageId}`;
  return applyInboundMail({ db: ctx.deps.db, temporal: ctx.deps.temporal }, { workspaceId: ctx.workspaceId, mail, source: 'email', dedupeKey });
}

export const emailMapping = defineMapping({
  schema: EmailInbound,
  summary: 'Email events (reply, bounce, out-of-office, unsubscribe), or the email itself to classify',
  async apply(ctx, body) {
    if (body.type === 'message') return applyMail(ctx, mailOf(body));
    if (body.type === 'raw') return applyMail(ctx, await rawMail(body.mime));
    const prospectId = await findProspectIdByEmail(ctx.deps.db, ctx.workspaceId, body.email);
    // Mail about unknown addresses is common (replies to anything): acknowledged, not retried.
    if (!prospectId) return { applied: false, reason: 'no prospect with this email in the workspace' };
    const { email: _email, ...event } = body;
    const r = await applyProspectEvent(ctx.deps.temporal, ctx.deps.db, { workspaceId: ctx.workspaceId, prospectId, source: 'email', dedupeKey: ctx.dedupeKey }, event);
    return { applied: true, prospectId, ...r };
  },
});
