// The process's channel registry, from the environment (runtime/config.ts: mail).
import { createChannelRegistry } from '../channels/registry.js';
import type { ChannelRegistry } from '../channels/types.js';
import type { MailConfig } from './config.js';
import type { ProcessSecurity } from './secret-key.js';

export function channelRegistryFor(mail: MailConfig, security: ProcessSecurity): ChannelRegistry {
  return createChannelRegistry({ ...security, google: mail.google, localOutboxDir: mail.localOutboxDir, publicUrl: mail.publicUrl });
}
