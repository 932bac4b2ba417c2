// In-memory state of one enrollment's cadence, and the requests (pause, skip, outcomes...) that
// handlers leave for the main loop. Only the main loop acts on them.
import type { TaskOutcome } from '../../domain/cadence/outcome.js';
import type { Hold, UpcomingStep } from '../../domain/cadence/projection.js';
import type { BlockerKind } from '../../domain/sequences/definition.js';
import type { CompleteTaskResult, HistoryEntry, RescheduleView } from './messages.js';

export type CarriedState = {
  stepId: string | null;
  visits: Record<string, number>;
  touches: string[];
  history: HistoryEntry[];
  callbackAt: string | null;
  assistantName: string | null;
  announcedCallAt: string | null;
  blocker: { kind: BlockerKind; note: string | null } | null;
  stepsRun: number;
  /** When the previous step ended: the next step is planned from here. */
  lastStepEndedAt: string | null;
};

export type OpenTask = { taskId: string; stepId: string; dueAt: string; allowedOutcomes: string[] };

export type Requests = {
  /** `outOfOffice`: the prospect's auto-reply paused it (they are away), not a person. */
  pause: { until: string | null; outOfOffice?: boolean } | null;
  exit: { status: 'completed' | 'stopped'; reason: string } | null;
  skip: { reason: string } | null;
  /** `token` (absent in histories recorded before reschedules followed the timing rules) keys the answer. */
  reschedule: { at: string; reason: string; ignoreTimingRules?: boolean; token?: number } | null;
  outcome: { taskId: string; outcome: TaskOutcome; token: number } | null;
  /** The rep's days away changed: the waiting step is planned again from the same start. */
  replan?: { reason: string } | null;
};

export type RunState = CarriedState & {
  phase: 'waiting' | 'task_open' | 'executing' | 'finished';
  dueAt: string | null;
  upcoming: UpcomingStep[];
  task: OpenTask | null;
  requests: Requests;
  /** Update results by token, filled once the next step is planned. */
  results: Map<number, CompleteTaskResult>;
  /** Outcomes processed whose update still waits for the next step's plan. */
  pendingResults: Map<number, Omit<CompleteTaskResult, 'status' | 'next'>>;
  nextToken: number;
  /** Answers of reschedules by token, once applied (or refused). */
  rescheduled: Map<number, RescheduleAnswer>;
  /** Counts plans (a new step, a replan, a reschedule): a projection started before a newer plan is dropped. */
  planSeq: number;
  /** The current step's due time was forced by a reschedule that overrode the timing rules. */
  rulesOverridden: boolean;
  /** Counts the times the waiting main loop settled (waits, or holds a pause): handlers wait for it to react. */
  settled: number;
};

export type RescheduleAnswer = { ok: true; rescheduled: RescheduleView } | { ok: false; message: string };

export function initialState(carried?: CarriedState): RunState {
  return {
    stepId: null,
    visits: {},
    touches: [],
    history: [],
    callbackAt: null,
    assistantName: null,
    announcedCallAt: null,
    blocker: null,
    stepsRun: 0,
    lastStepEndedAt: null,
    ...carried,
    phase: 'waiting',
    dueAt: null,
    upcoming: [],
    task: null,
    requests: { pause: null, exit: null, skip: null, reschedule: null, outcome: null },
    results: new Map(),
    pendingResults: new Map(),
    nextToken: 1,
    rescheduled: new Map(),
    planSeq: 0,
    rulesOverridden: false,
    settled: 0,
  };
}

export function carry(s: RunState): CarriedState {
  return {
    stepId: s.stepId,
    visits: s.visits,
    touches: s.touches,
    history: s.history,
    callbackAt: s.callbackAt,
    assistantName: s.assistantName,
    announcedCallAt: s.announcedCallAt,
    blocker: s.blocker,
    stepsRun: s.stepsRun,
    lastStepEndedAt: s.lastStepEndedAt,
  };
}

export const nowIso = (): string => new Date(Date.now()).toISOString();

export function remember(s: RunState, type: string, detail?: string, stepId: string | null = s.stepId): void {
  s.history.push({ at: nowIso(), type, ...(stepId ? { stepId } : {}), ...(detail ? { detail } : {}) });
}

/** The pause the cadence is under, as projections see it. */
export const holdOf = (s: RunState): Hold | null => (s.requests.pause ? { until: s.requests.pause.until } : null);
