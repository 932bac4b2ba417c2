// Every operation says who may call it, in one place: its route definition. `route()` wraps
// createRoute so that the role check runs before anything else of the operation answers (an
// Idempotency-Key replay included), the roles are published in the OpenAPI document
// (`x-relance-roles`), and the answers every operation can give (400, 413, 415, 422 of a missing
// body, 503; and when authenticated 401, 403, 409/422 of idempotency, 429) are documented on
// each. A route cannot be declared without an `access`, so a new one cannot forget its check.
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { ROLES, requireRole, type Role } from './middleware/auth.js';
import { IDEMPOTENCY_KEY_PATTERN, replayOrRecord } from './middleware/idempotency.js';
import type { MiddlewareHandler } from 'hono';
import { problem, problemResponse } from './problem.js';

/** Roles allowed besides admin (who may do everything), or how a public route is guarded. */
export type Access = readonly Exclude<Role, 'admin'>[] | 'all-roles' | { public: string };

export const ALL_ROLES = 'all-roles' as const;

type Responses = RouteConfig['responses'];

const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN)
    .optional()
    .openapi({ description: 'Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters)' }),
});

const hasJsonBody = (config: Omit<RouteConfig, 'middleware'>) => Boolean(config.request?.body?.content['application/json']);

const retryAfterHeader = {
  'Retry-After': { description: 'Seconds to wait before sending the same request again', schema: { type: 'integer' as const, minimum: 0 } },
};
const withRetryAfter = <T extends object>(response: T) => ({ ...response, headers: retryAfterHeader });

/** The answers of the platform around an operation, documented on each one; `roles` is null for a public one. */
function platformResponses(config: Omit<RouteConfig, 'middleware'>, roles: readonly Role[] | null): Responses {
  const r: Responses = {};
  const req = config.request;
  // An authenticated POST always reads the Idempotency-Key header, even one with no parameter nor body.
  const idempotent = roles !== null && config.method === 'post';
  if (req?.params || req?.query || req?.body || idempotent) {
    const what = [req?.params && 'a path parameter', req?.query && 'a query parameter', req?.body && 'a body that is not JSON', idempotent && 'the Idempotency-Key header'].filter(Boolean).join(', ');
    r[400] = problemResponse(`Malformed request: ${what}`);
  }
  if (roles) r[401] = problemResponse('No API key, or an unknown or revoked one');
  if (roles && roles.length < ROLES.length) r[403] = problemResponse(`The key's role may not do this (allowed: ${roles.join(', ')})`);
  if (roles && config.method === 'post') r[409] = problemResponse('A request with this Idempotency-Key is still running');
  if (req?.body) {
    r[413] = problemResponse('The body is larger than the API accepts');
    r[415] = problemResponse(`The body is not ${Object.keys(req.body.content).join(' or ')}`);
  }
  const unprocessable = [
    hasJsonBody(config) && req?.body?.required && 'No body, or a body that does not match the schema; `errors` names each field',
    roles && config.method === 'post' && 'This Idempotency-Key was used with another request',
  ].filter((d): d is string => typeof d === 'string');
  if (unprocessable.length > 0) r[422] = problemResponse(unprocessable.join('; or: '));
  if (roles) r[429] = withRetryAfter(problemResponse('Too many requests for this API key; see Retry-After'));
  r[503] = withRetryAfter(problemResponse('The database or Temporal is unavailable; see Retry-After'));
  return r;
}

/**
 * A required JSON body that is not sent at all is refused: the validator would read it as `{}`,
 * and a PUT of all-optional settings would reset them. A body without a Content-Type goes on to
 * the validator's 415.
 */
const requireBody: MiddlewareHandler = async (c, next) => {
  if (!c.req.header('content-type') && (await c.req.text()) === '') {
    const errors = [{ field: 'body', message: 'required: send a JSON object with Content-Type: application/json' }];
    return problem(c, 'validation-failed', 422, { detail: `body: ${errors[0]!.message}`, errors });
  }
  await next();
};

/** The route's own description of a status comes first; the platform's reason is added to it. */
function mergeResponses(platform: Responses, own: Responses): Responses {
  const merged: Responses = { ...platform, ...own };
  for (const [status, p] of Object.entries(platform)) {
    const o = own[status];
    if (!o || !('description' in o) || !('description' in p)) continue;
    // The platform's headers (Retry-After) stay documented when a route describes the status too.
    const headers = 'headers' in p && !('headers' in o) ? { headers: p.headers } : {};
    merged[status] = { ...o, ...headers, description: o.description === p.description ? o.description : `${o.description}; or: ${p.description}` };
  }
  return merged;
}

export function rolesOf(access: Exclude<Access, { public: string }>): Role[] {
  return access === ALL_ROLES ? [...ROLES] : ['admin', ...access];
}

/** createRoute with its access: `{ public: why }`, `ALL_ROLES`, or the roles besides admin. */
export function defineRoute<P extends string, R extends Omit<RouteConfig, 'path' | 'middleware'> & { path: P; access: Access }>(config: R) {
  const { access, ...rest } = config;
  const bodyCheck = hasJsonBody(rest) && rest.request?.body?.required ? [requireBody] : [];
  if (typeof access === 'object' && 'public' in access) {
    // Public unless the route names its own scheme (the operator token): the document-wide API key does not apply.
    return createRoute({
      security: [],
      ...rest,
      middleware: bodyCheck,
      'x-relance-access': access.public,
      responses: mergeResponses(platformResponses(rest, null), rest.responses),
    } as Omit<R, 'access'> & { path: P });
  }
  const roles = rolesOf(access);
  const own: NonNullable<RouteConfig['request']> = rest.request ?? {};
  const request = rest.method === 'post' && !own.headers ? { ...own, headers: idempotencyHeader } : own;
  return createRoute({
    ...rest,
    request,
    middleware: [requireRole(...roles), ...bodyCheck, replayOrRecord()],
    'x-relance-roles': roles,
    responses: mergeResponses(platformResponses(rest, roles), rest.responses),
  } as Omit<R, 'access'> & { path: P });
}
