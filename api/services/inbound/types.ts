// What every source mapping gets: the API's dependencies (no transaction is open: see
// receipts.ts), and a timeline dedupe key unique to the delivery. Every effect is
// idempotent, so a retry after a failure applies what is missing and duplicates nothing.
import type { z } from '@hono/zod-openapi';
import type { ApiDeps } from '../../deps.js';

export const INBOUND_SOURCES = ['email', 'telephony', 'linkedin', 'crm', 'lead'] as const;
export type InboundSource = (typeof INBOUND_SOURCES)[number];

export type InboundContext = {
  deps: ApiDeps;
  workspaceId: string;
  source: InboundSource;
  messageId: string;
  dedupeKey: string;
};

/** What `apply` returns is merged into the 202 answer, next to `applied`. */
export type InboundResult = { applied: boolean } & Record<string, unknown>;

export type InboundMapping<S extends z.ZodType> = {
  schema: S;
  summary: string;
  apply: (ctx: InboundContext, body: z.infer<S>) => Promise<InboundResult>;
};

export const defineMapping = <S extends z.ZodType>(m: InboundMapping<S>) => m;

/** Any source's mapping; `apply` is a method so each mapping's narrower body still fits. */
export type AnyInboundMapping = {
  schema: z.ZodType;
  summary: string;
  apply(ctx: InboundContext, body: unknown): Promise<InboundResult>;
};
