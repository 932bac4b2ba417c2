// Versioned workflow input: a running workflow keeps the shape and the sequence version it
// started with; continue-as-new carries the state forward.
import type { SequenceDefinition } from '../../domain/sequences/definition.js';
import type { CarriedState } from './state.js';

export type EnrollmentInputV2 = {
  version: 2;
  workspaceId: string;
  enrollmentId: string;
  prospectId: string;
  accountId: string | null;
  sequence: { id: string; version: number; definition: SequenceDefinition };
  /** ISO instant; the cadence does not start before it. */
  startAt?: string;
  /** Present after continue-as-new. */
  carried?: CarriedState;
};

export type EnrollmentInput = EnrollmentInputV2;

export type EnrollmentResult = {
  enrollmentId: string;
  status: 'completed' | 'stopped';
  reason: string;
  stepsRun: number;
  finishedAt: string;
};
