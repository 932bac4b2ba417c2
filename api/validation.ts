// How validated input becomes a 4xx. Every route's validators (body, query, path, headers) end
// in `validationHook`: the schema's errors, and any string of the input PostgreSQL cannot store
// (db/storable.ts), each named by field. Being the app's default hook, it covers a new route
// without the route doing anything. Payloads parsed by the route itself (signed inbound
// webhooks, CSV imports, raw MIME) go through `unstorableErrors` the same way.
import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { findUnstorable, unstorableReason } from '../db/storable.js';
import { fieldErrors, problem, ProblemError, type FieldError } from './problem.js';

type ValidationResult = { success: boolean; data?: unknown; error?: { issues: readonly unknown[] }; target: string };

/** Fields of `value` holding text PostgreSQL cannot store, named under `prefix` (body, query...). */
export function unstorableErrors(value: unknown, prefix: string): FieldError[] {
  return findUnstorable(value).map((u) => ({ field: [prefix, ...u.path.map(String)].filter(Boolean).join('.'), message: u.message }));
}

const detailOf = (errors: FieldError[]) => errors.map((e) => `${e.field}: ${e.message}`).join('; ');

/** A body the route parsed itself that does not validate: 422 naming each field. */
export function invalidBody(errors: FieldError[]): ProblemError {
  return new ProblemError('validation-failed', 422, detailOf(errors), { errors });
}

/** The schema's errors, then the unstorable strings it did not already name. */
function inputErrors(result: ValidationResult, prefix: string, checkStorable: boolean): FieldError[] {
  const schemaErrors = result.success || !result.error ? [] : fieldErrors(result.error.issues as never, prefix);
  // On failure `data` is the input as received, on success what the schema made of it.
  const textErrors = checkStorable ? unstorableErrors(result.data, prefix).filter((t) => !schemaErrors.some((e) => e.field === t.field)) : [];
  return [...schemaErrors, ...textErrors];
}

function hook(checkStorable: boolean) {
  return (result: ValidationResult, c: Context) => {
    const errors = inputErrors(result, result.target === 'json' ? 'body' : result.target, checkStorable);
    if (errors.length === 0) return;
    return problem(c, 'validation-failed', result.target === 'json' ? 422 : 400, { detail: detailOf(errors), errors });
  };
}

/** One value the route validates itself (an item of a batch, a signed body): the hook's checks. */
export function validateInput<T extends z.ZodType>(schema: T, input: unknown, prefix: string): { ok: true; data: z.output<T> } | { ok: false; errors: FieldError[] } {
  const parsed = schema.safeParse(input);
  const errors = inputErrors({ ...parsed, data: parsed.success ? parsed.data : input, target: 'json' }, prefix, true);
  return errors.length === 0 ? { ok: true, data: parsed.data as z.output<T> } : { ok: false, errors };
}

/** A JSON body the route parsed itself (after checking its signature): 422 naming each field. */
export function parseBody<T extends z.ZodType>(schema: T, json: unknown): z.output<T> {
  const r = validateInput(schema, json, 'body');
  if (!r.ok) throw invalidBody(r.errors);
  return r.data;
}

/** The app's default hook: schema errors and unstorable text, for every validated part of a request. */
export const validationHook = hook(true);

/**
 * For a route that validates its items one by one (bulk enrollment, prospect import: a bad item
 * is reported, the others land) with `validateInput` or `storableText`.
 */
export function schemaOnlyHook<R>(result: ValidationResult, c: Context): R {
  // Typed as the route's answer, as app.openapi wants of a route's own hook.
  return hook(false)(result, c) as R;
}

/** A string refused, with the reason, when PostgreSQL cannot store it. */
export const storableText = (schema: z.ZodString = z.string()) =>
  schema.superRefine((s, ctx) => {
    const reason = unstorableReason(s);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });
