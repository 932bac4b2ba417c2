// Writing an outcome that is already known (the SMTP server accepted the email) across a
// database restart: the write is retried while the server is unreachable, rather than lost, which
// would leave the touch `sending` and, later, `uncertain` although it certainly left.

/** postgres.js and Node socket codes, and PostgreSQL's connection (08) and shutdown (57P01-57P03) classes. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

/** True when the error (or one it wraps: Drizzle wraps the driver's) says the server could not be reached. */
export function isConnectionError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^08|^57P0[123]$/.test(code))) return true;
  }
  return false;
}

/** The class and code of an error, never its message (a failed query's message holds its parameters). */
export function errorClass(err: unknown): string {
  const e = err as { name?: unknown; code?: unknown; cause?: { name?: unknown; code?: unknown } } | null;
  const inner = e?.cause ?? e;
  return [inner?.name, inner?.code].filter((x) => typeof x === 'string').join(' ') || 'unknown error';
}

export type RetryOptions = {
  /** What is being written, for the log. */
  what: string;
  /** Told once when the first attempt finds the database unreachable (the caller logs it). */
  onUnreachable?: (what: string) => void;
  /** Give up (and rethrow) after this long; default 10 minutes. */
  forMs?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
};

/** Runs `write`, again and again with a growing pause while the database cannot be reached. */
export async function retryWhileUnreachable<T>(write: () => Promise<T>, o: RetryOptions): Promise<T> {
  const deadline = Date.now() + (o.forMs ?? 600_000);
  let delay = o.firstDelayMs ?? 200;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (!isConnectionError(err) || Date.now() + delay > deadline) throw err;
      if (attempt === 1) o.onUnreachable?.(o.what);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, o.maxDelayMs ?? 2_000);
    }
  }
}
