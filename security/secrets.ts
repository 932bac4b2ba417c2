// Secrets at rest (webhook signing secrets, inbound source secrets, mailbox tokens) are sealed
// with AES-256-GCM under a key from the environment (RELANCE_SECRET_KEY: 32 bytes, base64 or
// hex). Sealed form: `v1.<iv>.<tag>.<ciphertext>`, base64url parts; the version leaves room
// for key rotation.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { log } from '../logging/log.js';

export type SecretBox = { seal(plain: string): string; open(sealed: string): string };

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
    },
    open(sealed) {
      const [v, iv, tag, ct] = sealed.split('.');
      if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

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
