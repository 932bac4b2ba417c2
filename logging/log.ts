// The one logger of the API and the worker (pino, JSON lines on stdout). Logs carry no data:
// errors are described by `errorFields` (a database error by its class, SQLSTATE code and
// constraint, never its query, parameters or message, which quote values), and fields that
// hold personal data or secrets are redacted wherever they appear.
import { pino, type Logger } from 'pino';
import { describeError } from './error-fields.js';


/** Keys whose values are never written: personal data, secrets, and a driver's query details. */
const REDACTED_KEYS = ['email', 'to', 'from', 'address', 'password', 'secret', 'secrets', 'token', 'refreshToken', 'accessToken', 'clientSecret', 'authorization', 'secretHash', 'key', 'privateKey', 'privateKeyPem', 'query', 'params', 'parameters', 'body', 'text', 'subject'];

type Sink = { write(line: string): unknown };
let sink: Sink = process.stdout;

/** Sends every later line to `destination` (a test reading what was logged); returns the undo. */
export function logTo(destination: Sink): () => void {
  const previous = sink;
  sink = destination;
  return () => {
    sink = previous;
  };
}

export const log: Logger = pino(
  {
    // The entries set the configured level (LOG_LEVEL, runtime/config.ts) as they start.
    level: 'info',
    base: { pid: process.pid },
    serializers: { err: describeError, error: describeError },
    redact: { paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`]), censor: '[redacted]' },
  },
  { write: (line: string) => sink.write(line) },
);
