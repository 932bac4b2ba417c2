// The process's channel registry, from the environment (runtime/config.ts: mail).
import { createChannelRegistry } from '../channels/registry.js';
import type { ChannelRegistry } from '../channels/types.js';
import { secretBoxFromEnv, type SecretBox } from '../security/secrets.js';
import type { MailConfig } from './config.js';

export function channelRegistryFor(mail: MailConfig, secrets: SecretBox = secretBoxFromEnv()): ChannelRegistry {
  return createChannelRegistry({ secrets, google: mail.google, localOutboxDir: mail.localOutboxDir, publicUrl: mail.publicUrl });
}
