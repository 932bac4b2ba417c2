// What a log line may say about an error. A database error is named by its class, SQLSTATE
// code and constraint (table, column): its message and detail quote the values that failed, and
// Drizzle's wrapper carries the query and every parameter (emails, key hashes, sealed secrets).
// Other errors keep their message and stack, with anything shaped like personal data or a
// secret masked, since a message may quote what it was given.

import { DrizzleQueryError } from 'drizzle-orm';
import { sqlStateFields } from '../db/errors.js';

type Fields = Record<string, unknown>;

const MASKS: Array<[RegExp, string]> = [
  // Drizzle's message: the query, then every parameter.
  [/Failed query: [\s\S]*/g, 'Failed query: [query and parameters not logged]'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi, '[email]'],
  [/\b[0-9a-f]{64}\b/gi, '[hash]'],
  [/\bv1\.[\w-]{8,}\.[\w-]{8,}\.[\w-]*/g, '[sealed]'],
  [/\b(?:rk|whsec)_[\w+/=-]{8,}/g, '[secret]'],
];
export const maskData = (s: string) => MASKS.reduce((out, [re, by]) => out.replace(re, by), s);

/** The pino serializer of `err` (and Temporal's `error`): never a value the error quotes. */
export function describeError(err: unknown, depth = 0): Fields {
  if (!(err instanceof Error)) return { type: err === null ? 'null' : typeof err };
  // The wrapper's message is the query and its parameters: only what caused it is described.
  if (err instanceof DrizzleQueryError) return { type: 'DrizzleQueryError', cause: depth < 3 ? describeError(err.cause, depth + 1) : undefined };
  const db = sqlStateFields(err);
  if (db) return { ...db };
  const x = err as Error & { code?: unknown };
  const fields: Fields = { type: err.name, message: maskData(err.message) };
  if (typeof x.code === 'string' || typeof x.code === 'number') fields.code = x.code;
  if (err.stack) fields.stack = maskData(err.stack);
  if (err.cause !== undefined && depth < 3) fields.cause = describeError(err.cause, depth + 1);
  return fields;
}
