// Webhook subscriptions of a workspace: URL vetting, secrets (sealed at rest, shown once), and
// the JSON the API returns. Every lookup is scoped to the caller's workspace.
import type { Client } from '@temporalio/client';
import { findInWorkspace } from './in-workspace.js';
import type { Database } from '../../db/client.js';
import { webhookSubscriptions } from '../../db/schema.js';
import { nudgeWebhookWorkflow } from '../../application/webhook-workflows.js';
import { UnsafeUrlError, vetUrl, type AllowList, type LookupAll } from '../../security/ssrf.js';
import { generateWebhookSecret, newStoredSecret, type StoredSecret } from '../../security/webhook-signing.js';
import type { SecretBox } from '../../security/secrets.js';
import { ProblemError } from '../problem.js';
import { log } from '../../logging/log.js';

export type Subscription = typeof webhookSubscriptions.$inferSelect;

export async function vetWebhookUrl(url: string, allowList: AllowList, lookup?: LookupAll): Promise<void> {
  try {
    await vetUrl(url, allowList, lookup);
  } catch (err) {
    if (!(err instanceof UnsafeUrlError)) throw err;
    throw new ProblemError('validation-failed', 422, `body.url: ${err.message}`, { errors: [{ field: 'body.url', message: err.message }] });
  }
}

/** A new subscription: its URL vetted against SSRF, a fresh signing secret sealed in the row and returned to show once. */
export async function createSubscription(
  deps: { db: Database; box: SecretBox; allowList: AllowList; lookup?: LookupAll | undefined },
  workspaceId: string,
  body: { url: string; description?: string | undefined; eventTypes: string[] },
): Promise<{ row: Subscription; secret: string }> {
  await vetWebhookUrl(body.url, deps.allowList, deps.lookup);
  const secret = generateWebhookSecret();
  const [row] = await deps.db
    .insert(webhookSubscriptions)
    .values({ workspaceId, url: body.url, description: body.description ?? null, eventTypes: storedEventTypes(body.eventTypes), secrets: [newStoredSecret(deps.box, secret)] })
    .returning();
  return { row: row!, secret };
}

/** `*` anywhere means every type, stored as the empty list the fan-out trigger reads as "all". */
export const storedEventTypes = (types: string[]): string[] => (types.includes('*') ? [] : [...new Set(types)]);

export const findSubscription = (db: Database, workspaceId: string, id: string): Promise<Subscription> => findInWorkspace(db, webhookSubscriptions, workspaceId, id, 'webhook subscription');

export function subscriptionJson(s: Subscription) {
  const types = s.eventTypes as string[];
  return {
    id: s.id,
    url: s.url,
    description: s.description,
    eventTypes: types.length === 0 ? ['*'] : types,
    status: s.status,
    disabledReason: s.disabledReason,
    failingSince: s.failingSince?.toISOString() ?? null,
    secrets: (s.secrets as StoredSecret[]).map((x) => ({ id: x.id, createdAt: x.createdAt, expiresAt: x.expiresAt ?? null })),
    createdAt: s.createdAt.toISOString(),
  };
}

/** Best effort: a missed start is caught up by the worker's nudger on the next event or sweep. */
export async function startDelivery(temporal: Client, taskQueue: string, subscriptionId: string): Promise<void> {
  try {
    await nudgeWebhookWorkflow(temporal, taskQueue, subscriptionId);
  } catch (err) {
    log.error({ err, subscriptionId }, 'could not start the webhook workflow');
  }
}
