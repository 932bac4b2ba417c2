// LinkedIn automation events: an accepted invitation goes on the timeline; a reply to a message
// also stops the prospect's cadences, like an email reply.
import { z } from '@hono/zod-openapi';
import { appendEvent } from '../../../activities/timeline.js';
import { signalActiveEnrollments } from '../prospect-events.js';
import { findProspectId } from './find-prospect.js';
import { defineMapping } from './types.js';

export const LinkedinInbound = z
  .object({
    type: z.enum(['invite.accepted', 'message.replied']),
    email: z.email().max(320).optional(),
    linkedinUrl: z.url().max(500).optional(),
    detail: z.string().max(2000).optional(),
  })
  .refine((b) => b.email || b.linkedinUrl, { path: ['email'], message: 'send email or linkedinUrl' })
  .openapi('InboundLinkedin', { description: 'invite.accepted is recorded on the timeline; message.replied also stops the cadences.' });

export const linkedinMapping = defineMapping({
  schema: LinkedinInbound,
  summary: 'LinkedIn events: invitation accepted, message replied',
  async apply(ctx, body) {
    const prospectId = await findProspectId(ctx.tx, ctx.workspaceId, body);
    if (!prospectId) return { applied: false, reason: 'no prospect with this email or LinkedIn URL in the workspace' };
    const type = body.type === 'invite.accepted' ? 'linkedin.invite_accepted' : 'linkedin.replied';
    await appendEvent(ctx.tx, { workspaceId: ctx.workspaceId, prospectId, type, payload: { source: 'linkedin', detail: body.detail ?? null }, dedupeKey: ctx.dedupeKey });
    const enrollmentsSignalled =
      body.type === 'message.replied'
        ? await signalActiveEnrollments(ctx.deps.temporal, ctx.tx, ctx.workspaceId, prospectId, { type: 'reply', source: 'linkedin', ...(body.detail ? { detail: body.detail } : {}) })
        : 0;
    return { applied: true, prospectId, enrollmentsSignalled };
  },
});
