// Email provider events (reply, bounce, out-of-office, unsubscribe) about a prospect address:
// the same effects as POST /v1/prospects/{id}/events.
import { z } from '@hono/zod-openapi';
import { applyProspectEvent, findProspectIdByEmail } from '../prospect-events.js';
import { defineMapping } from './types.js';

const Detail = z.string().max(2000).optional();
const Email = z.email().max(320);

export const EmailInbound = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('reply'), email: Email, subject: z.string().max(500).optional(), detail: Detail }),
    z.object({ type: z.literal('bounce'), email: Email, bounceKind: z.enum(['hard', 'soft']).default('hard'), detail: Detail }),
    z.object({ type: z.literal('auto_reply'), email: Email, returnAt: z.iso.datetime({ offset: true }).optional(), subject: z.string().max(500).optional() }),
    z.object({ type: z.literal('opt_out'), email: Email }),
  ])
  .openapi('InboundEmail', { description: 'reply stops, hard bounce stops and marks the address invalid, soft bounce is recorded, auto_reply pauses, opt_out stops everything for good.' });

export const emailMapping = defineMapping({
  schema: EmailInbound,
  summary: 'Email events: reply, bounce, out-of-office, unsubscribe',
  async apply(ctx, body) {
    const prospectId = await findProspectIdByEmail(ctx.tx, ctx.workspaceId, body.email);
    // Mail about unknown addresses is common (replies to anything): acknowledged, not retried.
    if (!prospectId) return { applied: false, reason: 'no prospect with this email in the workspace' };
    const { email: _email, ...event } = body;
    const r = await applyProspectEvent(ctx.deps.temporal, ctx.tx, { workspaceId: ctx.workspaceId, prospectId, source: 'email', dedupeKey: ctx.dedupeKey }, event);
    return { applied: true, prospectId, ...r };
  },
});
