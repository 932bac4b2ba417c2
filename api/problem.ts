// RFC 9457 problem details: every 4xx/5xx of the API is application/problem+json with a
// stable type URI (relative, resolved against the API, documented at /problems/{slug}).
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from '@hono/zod-openapi';

/** Seconds a client should wait before retrying a request refused because a dependency is down. */
export const RETRY_AFTER_SECONDS = 5;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemSlugs = {
  'validation-failed': 'The request does not match the schema; `errors` names each field.',
  'malformed-request': 'The body is not valid JSON, or a header or parameter cannot be read.',
  'not-found': 'No such resource in this workspace.',
  'method-not-allowed': 'The path exists but not with this method; the `Allow` header lists the methods it has.',
  conflict: 'The request conflicts with the current state of the resource.',
  'payload-too-large': 'The request body is larger than the API accepts.',
  unauthorized: 'No API key, or an unknown or revoked one: send `Authorization: Bearer <key>`.',
  forbidden: "The API key's role does not allow this operation; `detail` names the roles that do.",
  'rate-limited': 'Too many requests for this API key; retry after the `Retry-After` header.',
  'idempotency-key-reused': 'This Idempotency-Key was already used with a different request.',
  'request-in-progress': 'A request with this Idempotency-Key is still running; retry later.',
  'csrf-refused': 'A request signed in by a session cookie must carry the X-CSRF-Token header and come from this origin.',
  'bad-signature': 'The webhook signature, its timestamp or its id is missing, stale or wrong.',
  'service-unavailable': 'A dependency (database or Temporal) is down; `checks` tells which.',
  'internal-error': 'An unexpected error. It was logged with the request id; nothing was half-applied.',
} as const;
export type ProblemSlug = keyof typeof problemSlugs;

export type FieldError = { field: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
};

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/problems/validation-failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export const problemResponse = (description: string) => ({
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
  description,
});

const titles: Record<ProblemSlug, string> = {
  'validation-failed': 'Validation failed',
  'malformed-request': 'Malformed request',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  conflict: 'Conflict',
  'payload-too-large': 'Payload too large',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  'rate-limited': 'Too many requests',
  'idempotency-key-reused': 'Idempotency key reused',
  'request-in-progress': 'Request in progress',
  'csrf-refused': 'CSRF check failed',
  'bad-signature': 'Bad signature',
  'service-unavailable': 'Service unavailable',
  'internal-error': 'Internal error',
};

export function problemBody(
  slug: ProblemSlug,
  status: number,
  extra: Omit<Partial<Problem>, 'type' | 'status'> = {},
): Problem {
  return { type: `/problems/${slug}`, title: titles[slug], status, ...extra };
}

export function problem(
  c: Context,
  slug: ProblemSlug,
  status: ContentfulStatusCode,
  extra: Omit<Partial<Problem>, 'type' | 'status'> = {},
): Response {
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
  // A dependency down (503): the client may send the same request again after Retry-After.
  if (status === 503) headers['retry-after'] = String(RETRY_AFTER_SECONDS);
  return c.body(JSON.stringify(problemBody(slug, status, { instance: c.req.path, ...extra })), status, headers);
}

/** Thrown by handlers and services; the app's error handler turns it into a problem response. */
export class ProblemError extends Error {
  constructor(
    readonly slug: ProblemSlug,
    readonly status: ContentfulStatusCode,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

/** zod issues to `{ field, message }`, the field prefixed by where it came from (body, query...). */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], prefix: string): FieldError[] {
  return issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ field: base ? `${base}.${k}` : k, message: 'unknown field' }));
    }
    return [{ field: base, message: issue.message }];
  });
}
