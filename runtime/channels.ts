// The process's channel registry, from the environment (runtime/config.ts: mail).
import { createChannelRegistry } from '../channels/registry.js';
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import type { MailConfig } from './config.js';
import type { ProcessSecurity } from './secret-key.js';

/** `db`: where Microsoft 365 mailboxes' rotated refresh tokens are stored. */
export function channelRegistryFor(mail: MailConfig, security: ProcessSecurity, db: Database): ChannelRegistry {
  return createChannelRegistry({ ...security, google: mail.google, microsoft: mail.microsoft, tokenStore: { db }, localOutboxDir: mail.localOutboxDir, publicUrl: mail.publicUrl });
}
