/**
 * Errors of the sequences module. Both are input errors that no retry will fix: the API maps
 * them to a 400 naming each field, workflows treat them as non-retryable.
 */

/** One problem, `field` dotted from the definition root (e.g. "steps.2.timing.kind"; "" = the root). */
export type SequenceFieldError = { field: string; message: string };

const SUMMARY_LIMIT = 5;

export class SequenceDefinitionError extends Error {
  override readonly name = 'SequenceDefinitionError';
  readonly errors: SequenceFieldError[];

  constructor(errors: SequenceFieldError[], options?: ErrorOptions) {
    const shown = errors.slice(0, SUMMARY_LIMIT).map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
    const more = errors.length > SUMMARY_LIMIT ? ` (and ${errors.length - SUMMARY_LIMIT} more)` : '';
    super(`invalid sequence definition: ${shown.join('; ')}${more}`, options);
    this.errors = errors;
  }
}

/** A step id that the definition does not contain (a stale enrollment state, a caller bug). */
export class UnknownStepError extends Error {
  override readonly name = 'UnknownStepError';
  readonly stepId: string;

  constructor(stepId: string, sequenceKey: string) {
    super(`sequence "${sequenceKey}" has no step "${stepId}"`);
    this.stepId = stepId;
  }
}
