// When a mailbox pauses itself: too many of its recent emails bounced hard or were marked as spam.
// Past 3% hard bounces of the last 100 emails it sent, or one spam complaint among them (1%,
// over three times the 0.3% mailbox providers ask bulk senders to stay under), counted since it
// was last connected or resumed, a mailbox that goes on sending burns its domain's reputation;
// its emails wait until a person has looked at the list. Ops may set other limits per workspace
// (PUT /v1/deliverability-policy); these are the defaults.
import { z } from 'zod';
import { overrideSchema } from '../overrides.js';

/** How many of the mailbox's latest sends are looked at. */
export const BOUNCE_WINDOW = 100;
/** Hard bounces within the window that pause the mailbox (3% of a full window). */
export const HARD_BOUNCES_TO_PAUSE = 3;
/** Spam complaints within the window that pause the mailbox. */
export const COMPLAINTS_TO_PAUSE = 1;

/** A workspace's limits: over its `window` latest sends, a mailbox pauses at this many hard bounces or complaints. */
export const DeliverabilityPolicySchema = z.strictObject({
  window: z.number().int().min(10).max(1000).default(BOUNCE_WINDOW),
  hardBouncesToPause: z.number().int().min(1).max(100).default(HARD_BOUNCES_TO_PAUSE),
  complaintsToPause: z.number().int().min(1).max(100).default(COMPLAINTS_TO_PAUSE),
});
export type DeliverabilityPolicy = z.infer<typeof DeliverabilityPolicySchema>;
export const DeliverabilityPolicyOverrideSchema = overrideSchema(DeliverabilityPolicySchema);
export const DEFAULT_DELIVERABILITY_POLICY: DeliverabilityPolicy = DeliverabilityPolicySchema.parse({});

/** The limits in force: the workspace's overrides over the defaults (a stored value that no longer parses counts as unset). */
export function deliverabilityPolicy(overrides: unknown): DeliverabilityPolicy {
  const parsed = DeliverabilityPolicySchema.safeParse(overrides ?? {});
  return parsed.success ? parsed.data : DEFAULT_DELIVERABILITY_POLICY;
}

/** A limit above the window could never be reached: the field that says so, or null. */
export function unreachableLimit(p: DeliverabilityPolicy): 'hardBouncesToPause' | 'complaintsToPause' | null {
  return p.hardBouncesToPause > p.window ? 'hardBouncesToPause' : p.complaintsToPause > p.window ? 'complaintsToPause' : null;
}

export type DeliveryCount = { sent: number; hardBounces: number; complaints: number };

export const deliveryLimitReached = (c: DeliveryCount, p: DeliverabilityPolicy = DEFAULT_DELIVERABILITY_POLICY): boolean => c.hardBounces >= p.hardBouncesToPause || c.complaints >= p.complaintsToPause;

export function pauseReason(c: DeliveryCount, p: DeliverabilityPolicy = DEFAULT_DELIVERABILITY_POLICY): string {
  const what =
    c.complaints >= p.complaintsToPause
      ? `${c.complaints} spam complaint${c.complaints > 1 ? 's' : ''} among its last ${c.sent} emails (the limit is ${p.complaintsToPause} in ${p.window})`
      : `${c.hardBounces} hard bounce${c.hardBounces > 1 ? 's' : ''} among its last ${c.sent} emails (the limit is ${p.hardBouncesToPause} in ${p.window})`;
  return `paused: ${what}; check the list, then resume it`;
}
