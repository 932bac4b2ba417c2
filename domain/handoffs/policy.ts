// When the follow-up of a booked meeting asks, reminds and tells the manager (PLAYBOOK §5: where
// managers follow the meetings they are given, close to all of them take place).
import { z } from 'zod';
import { overrideSchema } from '../overrides.js';

export const HandoffPolicySchema = z.strictObject({
  /** The meeting's length: its outcome is asked for when it should be over. */
  meetingMinutes: z.number().int().min(5).max(8 * 60).default(60),
  /** Unanswered this long after the question: the field rep is reminded. */
  reminderAfterHours: z.number().int().min(1).max(24 * 30).default(24),
  /** Still unanswered this long after the reminder: their manager is told. */
  managerAfterHours: z.number().int().min(1).max(24 * 30).default(24),
});
export type HandoffPolicy = z.infer<typeof HandoffPolicySchema>;
export const HandoffPolicyOverrideSchema = overrideSchema(HandoffPolicySchema);
