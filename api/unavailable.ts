// A dependency that does not answer (PostgreSQL refusing, dropping or timing out connections,
// Temporal unreachable) is a 503 with Retry-After on every route, not a 500: nothing is wrong
// with the request, and the client should send it again a little later.
import { isGrpcServiceError } from '@temporalio/client';
import { DrizzleQueryError } from 'drizzle-orm';
import { databaseErrorOf } from '../runtime/error-fields.js';

export type Unavailable = 'database' | 'Temporal' | 'a dependency';

// SQLSTATE: connection exceptions (08), insufficient resources (53: too many connections, out
// of memory or disk), the server shutting down or starting (57P01-57P03), a cancelled statement
// (57014, statement timeout), and the configured database refusing us (28: credentials, 3D000:
// no such database), an outage for the client as much as the others.
const UNAVAILABLE_SQLSTATE = /^(08|53|28)...$|^57P0[123]$|^57014$|^3D000$/;
// postgres.js's own connection errors, and the socket errors underneath any of them.
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
// gRPC: UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED.
const GRPC_UNAVAILABLE = new Set([14, 4, 8]);

/** Which dependency `err` says is unavailable, or null when it is another kind of failure. */
export function unavailableDependency(err: unknown): Unavailable | null {
  const db = databaseErrorOf(err);
  if (db) return UNAVAILABLE_SQLSTATE.test(db.code) ? 'database' : null;
  let viaDatabase = false;
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof DrizzleQueryError) viaDatabase = true;
    if (isGrpcServiceError(e) && GRPC_UNAVAILABLE.has(e.code)) return 'Temporal';
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && DRIVER_CODES.has(code)) return 'database';
    // postgres.js marks the errors of its queries with the (non-enumerable) query.
    if (typeof code === 'string' && SOCKET_CODES.has(code)) return viaDatabase || Object.hasOwn(e, 'query') ? 'database' : 'a dependency';
    if (e.message === 'PGlite is closed') return 'database';
  }
  return null;
}
