// Timing errors (unknown zone, country without zone data...) name the field they came from;
// routes prefix it with where it sits in the request so the 422 points at it.
import { TimingError } from '../../domain/timing/index.js';
import { ProblemError } from '../problem.js';

export function timing<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof TimingError)) throw err;
    const field = `${prefix}.${err.field}`;
    throw new ProblemError('validation-failed', 422, `${field}: ${err.message}`, { errors: [{ field, message: err.message }] });
  }
}
