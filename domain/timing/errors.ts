/**
 * The single error type of the timing module. `field` names the offending input
 * (e.g. "timeZone", "region", "sendWindow.start", "previousTouches.2") so the HTTP
 * API can map it to a 400 with a precise pointer, and workflows can treat it as
 * non-retryable (a bad input will not fix itself on retry).
 */
export class TimingError extends Error {
  override readonly name = 'TimingError';
  readonly field: string;

  constructor(field: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.field = field;
  }
}
