// Timing errors (unknown zone, country without zone data...) name the field they came from;
// routes prefix it with where it sits in the request so the 422 points at it.
import { TimingError } from '../../domain/timing/index.js';
import { ProblemError } from '../problem.js';

/** 422 for a body; a query parameter is a 400, as every route answers a bad query. */
export function timing<T>(prefix: string, fn: () => T, status: 400 | 422 = 422): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof TimingError)) throw err;
    const field = `${prefix}.${err.field}`;
    throw new ProblemError('validation-failed', status, `${field}: ${err.message}`, { errors: [{ field, message: err.message }] });
  }
}
