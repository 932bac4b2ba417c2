// The Graph client of one Microsoft 365 mailbox, on its refresh token (sealed at rest, opened
// here only). The access token lives in the token source, so one client per mailbox is kept and
// reused. A refresh token Microsoft rotated is sealed and stored in place of the one it replaces
// (only if that one is still the stored one: new credentials given meanwhile win).
import type { Client } from '@microsoft/microsoft-graph-client';
import { and, eq } from 'drizzle-orm';
import type { MicrosoftConfig } from '../config.js';
import type { Database } from '../../db/client.js';
import { mailboxes } from '../../db/schema.js';
import { log } from '../../logging/log.js';
import type { SecretBox } from '../../security/secrets.js';
import { perMailbox, refreshTokenOf } from '../provider-access.js';
import type { MailboxRow } from '../types.js';
import { createGraphClient } from './graph.js';
import { createMicrosoftTokens } from './tokens.js';

/** The client of a mailbox, or why there is none (shown to the rep: no secrets in it). */
export type MicrosoftAccess = { ok: true; graph: Client } | { ok: false; detail: string };

/** Where rotated refresh tokens are kept; absent: only in memory (the stored one still works until it expires). */
export type TokenStore = { db: Database };

export async function microsoftAccountOf(mailbox: MailboxRow, secrets: SecretBox, config: MicrosoftConfig, store?: TokenStore): Promise<MicrosoftAccess> {
  if (mailbox.provider !== 'microsoft') return { ok: false, detail: 'not a Microsoft 365 mailbox' };
  const { clientId, clientSecret } = config;
  if (!clientId || !clientSecret) return { ok: false, detail: 'Microsoft 365 is not configured on this server (MICROSOFT_CLIENT_ID, MICROSOFT_CLIENT_SECRET)' };
  const token = refreshTokenOf(mailbox, secrets, 'Microsoft 365');
  if (!token.ok) return token;
  const { refreshToken } = token;
  let stored = mailbox.sealedSecret!;
  const onRotated = store
    ? async (rotated: string) => {
        const sealed = secrets.seal(rotated);
        try {
          // Not updated_at: the mailbox's settings did not change, its clients stay as they are.
          const [row] = await store.db
            .update(mailboxes)
            .set({ sealedSecret: sealed })
            .where(and(eq(mailboxes.id, mailbox.id), eq(mailboxes.workspaceId, mailbox.workspaceId), eq(mailboxes.sealedSecret, stored)))
            .returning({ id: mailboxes.id });
          if (row) stored = sealed;
        } catch (err) {
          // The token in hand works and the stored one too (until it lapses): the next rotation stores it.
          log.warn({ err, mailboxId: mailbox.id }, 'microsoft: the rotated refresh token could not be stored; kept in memory');
        }
      }
    : undefined;
  const tokens = createMicrosoftTokens({ ...config, clientId, clientSecret }, refreshToken, onRotated);
  return { ok: true, graph: await createGraphClient(config.graphUrl, tokens) };
}

/** One client per mailbox for a background service, rebuilt when the mailbox row changes. */
export function createMicrosoftAccounts(config: MicrosoftConfig, secrets: SecretBox, store?: TokenStore) {
  return perMailbox<MicrosoftAccess>((mailbox) => microsoftAccountOf(mailbox, secrets, config, store));
}
export type MicrosoftAccounts = ReturnType<typeof createMicrosoftAccounts>;
