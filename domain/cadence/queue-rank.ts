// Where a task sits in its rep's queue once it is due (PLAYBOOK §6, §1): people who asked to be
// called first, then a call whose time an email promised, then everything else by due time.
// Known when the task is created, from its step, and stored with it: the queue reads it off
// an index instead of working it out per row.
import type { Step } from '../sequences/definition.js';

export const QUEUE_RANK = { expectedCallback: 0, announcedCall: 1, other: 2 } as const;
export type QueueRank = (typeof QUEUE_RANK)[keyof typeof QUEUE_RANK];

/**
 * An inbound lead's call is a call step due within minutes of the signal (the
 * 'expected-callback' cadence); an announced call is a call step keeping an email's promise.
 */
export function queueRankOf(step: Pick<Step, 'type' | 'timing'>, announcedCallAt: string | null | undefined, kind?: string): QueueRank {
  // An escalation's or an objection's task opened at this step is not the step's own call.
  if (kind !== undefined && kind !== step.type) return QUEUE_RANK.other;
  if (step.type === 'call' && step.timing.kind === 'within_minutes') return QUEUE_RANK.expectedCallback;
  if (announcedCallAt) return QUEUE_RANK.announcedCall;
  return QUEUE_RANK.other;
}

/** Why a task is where it is in the queue. */
export type QueuePriority = 'expected_callback' | 'announced_call' | 'due' | 'upcoming';
export const QUEUE_PRIORITIES = ['expected_callback', 'announced_call', 'due', 'upcoming'] as const satisfies readonly QueuePriority[];

/**
 * How far ahead a ranked task counts as due now: an announced call tops the queue a few minutes
 * before its promised time, so the rep is on the line at the minute.
 */
export const DUE_NOW_LEAD_MS = 10 * 60_000;

/** The queue's bucket of an open task at `now`; the queue's SQL draws the same lines. */
export function queuePriority(t: { queueRank: number; dueAt: Date }, now: number): QueuePriority {
  const dueNow = t.dueAt.getTime() <= now + DUE_NOW_LEAD_MS;
  if (dueNow && t.queueRank === QUEUE_RANK.expectedCallback) return 'expected_callback';
  if (dueNow && t.queueRank === QUEUE_RANK.announcedCall) return 'announced_call';
  return t.dueAt.getTime() <= now ? 'due' : 'upcoming';
}
