// What every part of one enrollment's run shares: its input, its sequence, its state.
import type { SequenceDefinition } from '../../domain/sequences/definition.js';
import type { EnrollmentInput } from './input.js';
import type { EnrollmentStatusView } from './messages.js';
import type { RunState } from './state.js';

export type Run = {
  input: EnrollmentInput;
  def: SequenceDefinition;
  s: RunState;
  /** The enrollment's start, written with its first step's entry (one local activity). */
  pendingStart?: { at: string; event: { type: string; dedupeKey: string; payload?: Record<string, unknown> } } | null;
};

export function ids(run: Run) {
  return { workspaceId: run.input.workspaceId, enrollmentId: run.input.enrollmentId, prospectId: run.input.prospectId };
}

export function statusView(run: Run, finished?: { status: 'completed' | 'stopped'; reason: string }): EnrollmentStatusView {
  const { s } = run;
  const status = finished?.status ?? (s.phase === 'finished' ? 'completed' : s.requests.pause ? 'paused' : 'active');
  return {
    enrollmentId: run.input.enrollmentId,
    status,
    reason: finished?.reason ?? s.requests.exit?.reason ?? null,
    stepId: s.stepId,
    phase: s.phase,
    dueAt: s.dueAt,
    currentTask: s.task,
    announcedCallAt: s.announcedCallAt,
    pausedUntil: s.requests.pause?.until ?? null,
    upcoming: s.phase === 'finished' ? [] : s.upcoming,
    history: s.history,
    sequenceVersion: run.input.sequence.version,
  };
}
