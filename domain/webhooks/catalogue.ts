// The event types a webhook subscription may ask for; `*` (or an empty list) means all of them.
export const WEBHOOK_EVENT_TYPES = [
  'enrollment.started',
  'enrollment.step_executed',
  'enrollment.completed',
  'enrollment.stopped',
  'enrollment.paused',
  'enrollment.resumed',
  // A rep's cadences handed to another (the rep left, or changed territory).
  'enrollment.handed_over',
  'task.created',
  'task.completed',
  'task.missed',
  'email.sent',
  // The outbox: a touch refused, retried, held (no or a disconnected mailbox), failed, or
  // uncertain (a sender died mid-send); a provider action handed over; a mailbox disconnected, or
  // paused by itself after too many hard bounces, or whose sending domain stopped passing SPF, DKIM or DMARC.
  'touch.suppressed',
  'touch.retrying',
  'touch.held',
  'touch.cancelled',
  'touch.failed',
  'touch.uncertain',
  'touch.sent',
  'mailbox.disconnected',
  'mailbox.paused',
  'mailbox.dns_failing',
  'email.replied',
  'email.bounced',
  'call.logged',
  'meeting.booked',
  // Handoffs (PLAYBOOK §5): a booked meeting handed to a field rep, its outcome asked for, the
  // reminder, the manager told when it stays unanswered, the outcome, a new time.
  'handoff.created',
  'handoff.outcome_requested',
  'handoff.outcome_reminder',
  'handoff.outcome_overdue',
  'handoff.outcome_recorded',
  'handoff.rescheduled',
  'escalation.requested',
  'escalation.refused',
  'prospect.opted_out',
  'webhook.disabled',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const isWebhookEventType = (t: string): t is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(t);
