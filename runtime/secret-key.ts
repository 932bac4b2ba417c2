// The process's secret key and what derives from it, read from the environment once by the
// entries (RELANCE_SECRET_KEY: 32 bytes, base64 or hex) and passed to the API, the worker and the
// channels; and the operator's allow-list of private hosts (WEBHOOK_ALLOWED_HOSTS).
import { createHash } from 'node:crypto';
import { log } from '../logging/log.js';
import { createSecretBox, type SecretBox } from '../security/secrets.js';
import { parseAllowList, type AllowList } from '../security/ssrf.js';
import { createUnsubscribeSigner, type UnsubscribeSigner } from '../security/unsubscribe-token.js';
import { createClickSigner, type ClickSigner } from '../security/click-token.js';

function parseKey(raw: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('RELANCE_SECRET_KEY must be 32 bytes, base64 or hex (openssl rand -base64 32)');
  return key;
}

let warned = false;
/**
 * The process's secret box. Production (NODE_ENV=production) refuses to start without
 * RELANCE_SECRET_KEY; elsewhere a fixed development key is used, with a warning.
 */
export function secretBoxFromEnv(env: NodeJS.ProcessEnv = process.env): SecretBox {
  return createSecretBox(secretKeyFromEnv(env));
}

/** The process's 32-byte secret key (other keys, such as unsubscribe tokens', derive from it). */
export function secretKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer {
  const raw = env.RELANCE_SECRET_KEY;
  if (raw) return parseKey(raw);
  if (env.NODE_ENV === 'production') throw new Error('RELANCE_SECRET_KEY is required in production');
  if (!warned && !env.VITEST) {
    warned = true;
    log.warn('RELANCE_SECRET_KEY is not set: secrets are sealed with a development key');
  }
  return createHash('sha256').update('relance development key: not for production').digest();
}

/** The unsubscribe links' signer, keyed from the process's secret key. */
export function unsubscribeSignerFromEnv(env: NodeJS.ProcessEnv = process.env): UnsubscribeSigner {
  return createUnsubscribeSigner(secretKeyFromEnv(env));
}

/** Private hosts and networks an operator lets webhooks, action providers and SMTP mailboxes reach. */
export const allowListFromEnv = (env: NodeJS.ProcessEnv = process.env): AllowList => parseAllowList(env.WEBHOOK_ALLOWED_HOSTS);

/** What the process's secret key and allow-list give the API, the worker and the channels. */
export type ProcessSecurity = { secrets: SecretBox; unsubscribe: UnsubscribeSigner; clicks: ClickSigner; allowList: AllowList };

/** Read once by each entry (api-main, worker-main, npm start) and passed down. */
export function processSecurity(env: NodeJS.ProcessEnv = process.env): ProcessSecurity {
  return { secrets: secretBoxFromEnv(env), unsubscribe: unsubscribeSignerFromEnv(env), clicks: createClickSigner(secretKeyFromEnv(env)), allowList: allowListFromEnv(env) };
}
