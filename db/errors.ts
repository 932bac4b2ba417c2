// What a database error is, read from the error itself: its SQLSTATE class and constraint
// (never its message, which quotes values), and whether it says the database is unreachable.
// One place for the API's 503s, the outbox's retried writes and the log's error fields.
import { DrizzleQueryError } from 'drizzle-orm';

export type DatabaseErrorFields = { type: string; code: string; constraint?: string; table?: string; column?: string };

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** `e` itself as a PostgreSQL error (postgres.js PostgresError, PGlite's DatabaseError), else null. */
export function sqlStateFields(e: unknown): DatabaseErrorFields | null {
  if (!(e instanceof Error)) return null;
  const x = e as Error & Record<string, unknown>;
  if (typeof x.code !== 'string' || !SQLSTATE.test(x.code) || !('severity' in x)) return null;
  const named = (k1: string, k2: string) => (typeof x[k1] === 'string' ? (x[k1] as string) : typeof x[k2] === 'string' ? (x[k2] as string) : undefined);
  const fields: DatabaseErrorFields = { type: x.constructor.name, code: x.code };
  const constraint = named('constraint_name', 'constraint');
  const table = named('table_name', 'table');
  const column = named('column_name', 'column');
  if (constraint) fields.constraint = constraint;
  if (table) fields.table = table;
  if (column) fields.column = column;
  return fields;
}

/** The PostgreSQL error in `err` or its causes. */
export function databaseErrorOf(err: unknown): DatabaseErrorFields | null {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const fields = sqlStateFields(e);
    if (fields) return fields;
  }
  return null;
}

// SQLSTATE: connection exceptions (08), insufficient resources (53: too many connections, out
// of memory or disk), the server shutting down or starting (57P01-57P03), a cancelled statement
// (57014, statement timeout), and the configured database refusing us (28: credentials, 3D000:
// no such database), an outage for the client as much as the others.
const UNREACHABLE_SQLSTATE = /^(08|53|28)...$|^57P0[123]$|^57014$|^3D000$/;
// postgres.js's own connection errors, and the socket errors underneath any of them.
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
export const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);

/** True when `err` (or what it wraps) says the database cannot be reached right now. */
export function isDatabaseUnreachable(err: unknown): boolean {
  const db = databaseErrorOf(err);
  if (db) return UNREACHABLE_SQLSTATE.test(db.code);
  let viaDatabase = false;
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof DrizzleQueryError) viaDatabase = true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && DRIVER_CODES.has(code)) return true;
    // postgres.js marks the errors of its queries with the (non-enumerable) query.
    if (typeof code === 'string' && SOCKET_CODES.has(code) && (viaDatabase || Object.hasOwn(e, 'query'))) return true;
    if (e.message === 'PGlite is closed') return true;
  }
  return false;
}
