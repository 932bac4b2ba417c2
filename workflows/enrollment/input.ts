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

/**
 * The sequence version by reference: the start request stays small (a definition is about
 * 5 KB) and the worker loads the published version, which never changes, once per process.
 * Continue-as-new carries the loaded definition forward.
 */
export type EnrollmentInputV3 = Omit<EnrollmentInputV2, 'version' | 'sequence'> & {
  version: 3;
  sequence: { id: string; version: number; definition?: SequenceDefinition };
};

export type EnrollmentInput = EnrollmentInputV2 | EnrollmentInputV3;

export type EnrollmentResult = {
  enrollmentId: string;
  status: 'completed' | 'stopped';
  reason: string;
  stepsRun: number;
  finishedAt: string;
};
