// What a rep logs when completing a task (or a telephony webhook reports), validated the same
// way by the API and by the workflow's update validator.
import { z } from 'zod';
import { BlockerKindSchema, OutcomeSchema } from '../sequences/definition.js';

export const TaskOutcomeSchema = z
  .strictObject({
    outcome: OutcomeSchema,
    note: z.string().max(5000).optional(),
    /** Objections heard on the call, reworked later by the team. */
    objections: z.array(z.string().min(1).max(500)).max(20).optional(),
    /** Best time to call back, given by the gatekeeper or the prospect. */
    callbackAt: z.iso.datetime({ offset: true }).optional(),
    /** The gatekeeper's name, to greet them by name at the callback. */
    assistantName: z.string().min(1).max(200).optional(),
    blockerKind: BlockerKindSchema.optional(),
    /** With "meeting_booked": who will hold the meeting, when and where, and the call's recording (the handoff). */
    meeting: z
      .strictObject({
        fieldRepId: z.uuid().optional(),
        startsAt: z.iso.datetime({ offset: true }).optional(),
        location: z.string().min(1).max(500).optional(),
        recordingUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
      })
      .optional(),
  })
  .superRefine((o, ctx) => {
    if (o.outcome === 'blocker' && !o.blockerKind) {
      ctx.addIssue({ code: 'custom', path: ['blockerKind'], message: 'a blocker outcome needs its kind' });
    }
    if (o.outcome !== 'blocker' && o.blockerKind) {
      ctx.addIssue({ code: 'custom', path: ['blockerKind'], message: 'only a blocker outcome has a blocker kind' });
    }
    if (o.outcome !== 'meeting_booked' && o.meeting) {
      ctx.addIssue({ code: 'custom', path: ['meeting'], message: 'only a meeting_booked outcome has a meeting' });
    }
  });
export type TaskOutcome = z.infer<typeof TaskOutcomeSchema>;
