// The routes of a workspace resource (a collection and its items by id), declared once: the
// paths, the id parameter, the tags and the answers every such route gives (a page of them, the
// one asked for, "no such ... in this workspace"; a bad body's 422 is documented by defineRoute),
// so each route file states only what is its own: summary, roles, schemas, its own answers.
import type { RouteConfig } from '@hono/zod-openapi';
import { defineRoute, type Access } from './access.js';
import { PageQuery, pageSchema } from './pagination.js';
import { problemResponse } from './problem.js';
import { jsonBody, jsonResponse, pathId, z } from './scope.js';

type Responses = RouteConfig['responses'];
type Named = { summary: string; access: Access; description?: string };
type IdParams<Id extends string> = z.ZodObject<{ [K in Id]: ReturnType<typeof pathId> }>;

export type Resource<Base extends string, Id extends string> = ReturnType<typeof resourceRoutes<Base, Id>>;

export function resourceRoutes<const Base extends string, const Id extends string>(r: { base: Base; id: Id; noun: string; plural: string; tags: string[]; missing?: string }) {
  const item = `${r.base}/{${r.id}}` as `${Base}/{${Id}}`;
  const params = z.object({ [r.id]: pathId(r.id) }) as unknown as IdParams<Id>;
  const notFound = { 404: problemResponse(r.missing ?? `No such ${r.noun} in this workspace`) };
  const named = ({ summary, access, description }: Named) => ({ tags: r.tags, summary, access, ...(description ? { description } : {}) });

  return {
    params,
    /** The collection, oldest first, a page at a time; `query` extends the page parameters. */
    list: <S extends z.ZodType, Q extends z.ZodObject = typeof PageQuery>(d: Named & { item: S; query?: Q }) =>
      defineRoute({
        method: 'get',
        path: r.base,
        ...named(d),
        request: { query: (d.query ?? PageQuery) as Q },
        responses: { 200: jsonResponse(pageSchema(d.item), `A page of ${r.plural}`), 400: problemResponse('Bad query or cursor') },
      }),
    create: <B extends z.ZodType, S extends z.ZodType, X extends Responses = Record<never, never>>(d: Named & { body: B; returns: S; responses?: X }) =>
      defineRoute({ method: 'post', path: r.base, ...named(d), request: { body: jsonBody(d.body) }, responses: { 201: jsonResponse(d.returns, 'Created'), ...(d.responses as X) } }),
    get: <S extends z.ZodType, X extends Responses = Record<never, never>>(d: Named & { returns: S; responses?: X }) =>
      defineRoute({ method: 'get', path: item, ...named(d), request: { params }, responses: { 200: jsonResponse(d.returns, `The ${r.noun}`), ...notFound, ...(d.responses as X) } }),
    update: <B extends z.ZodType, S extends z.ZodType, X extends Responses = Record<never, never>>(d: Named & { body: B; returns: S; responses?: X }) =>
      defineRoute({ method: 'patch', path: item, ...named(d), request: { params, body: jsonBody(d.body) }, responses: { 200: jsonResponse(d.returns, 'Updated'), ...notFound, ...(d.responses as X) } }),
    /** A POST on one item at `item/sub` that takes no body (rotate a secret, resend). */
    action: <const Sub extends string, S extends z.ZodType>(d: Named & { sub: Sub; returns: S; done: string }) =>
      defineRoute({ method: 'post', path: `${item}/${d.sub}` as `${Base}/{${Id}}/${Sub}`, ...named(d), request: { params }, responses: { 200: jsonResponse(d.returns, d.done), ...notFound } }),
    /** Any other operation on one item at `item/sub` (record an outcome, replace a setting), with a body or none; 200 with `returns`. */
    on: <const M extends 'post' | 'put' | 'delete', const Sub extends string, S extends z.ZodType, B extends z.ZodType | undefined = undefined, X extends Responses = Record<never, never>>(
      d: Named & { method: M; sub: Sub; body?: B; returns: S; done: string; responses?: X },
    ) =>
      defineRoute({
        method: d.method,
        path: `${item}/${d.sub}` as `${Base}/{${Id}}/${Sub}`,
        ...named(d),
        request: (d.body ? { params, body: jsonBody(d.body) } : { params }) as B extends z.ZodType ? { params: IdParams<Id>; body: ReturnType<typeof jsonBody<B>> } : { params: IdParams<Id> },
        responses: { 200: jsonResponse(d.returns, d.done), ...notFound, ...(d.responses as X) },
      }),
    /** Removes the item: 204, or the item as it ends (a revoked key) when `returns` is given. */
    remove: <S extends z.ZodType | undefined = undefined, X extends Responses = Record<never, never>>(d: Named & { returns?: S; done?: string; responses?: X }) =>
      defineRoute({
        method: 'delete',
        path: item,
        ...named(d),
        request: { params },
        responses: { ...((d.returns ? { 200: jsonResponse(d.returns, d.done ?? 'Done') } : { 204: { description: 'Removed' } }) as S extends z.ZodType ? { 200: ReturnType<typeof jsonResponse<S>> } : { 204: { description: string } }), ...notFound, ...(d.responses as X) },
      }),
  };
}
