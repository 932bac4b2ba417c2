// Standard Webhooks signing. A subscription holds one secret, or two during a rotation: the old
// one stays valid for 24 h and every message is signed with each live secret, so a receiver
// that still knows only the old one keeps verifying (the spec allows several `v1,` entries).
import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { SecretBox } from './secrets.js';

/** As stored in webhook_subscriptions.secrets; `secret` is sealed. */
export type StoredSecret = { id: string; secret: string; createdAt: string; expiresAt?: string };

export const ROTATION_OVERLAP_MS = 24 * 3600_000;

export const generateWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

export function newStoredSecret(box: SecretBox, plain: string, now = new Date()): StoredSecret {
  return { id: randomUUID(), secret: box.seal(plain), createdAt: now.toISOString() };
}

export const liveSecrets = (secrets: StoredSecret[], now = new Date()): StoredSecret[] =>
  secrets.filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > now.getTime());

/** The secrets after a rotation: the new one, and the live old ones expiring within the overlap. */
export function rotateSecrets(box: SecretBox, current: StoredSecret[], now = new Date()): { secrets: StoredSecret[]; plain: string } {
  const plain = generateWebhookSecret();
  const until = new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString();
  const kept = liveSecrets(current, now).map((s) => ({ ...s, expiresAt: s.expiresAt && s.expiresAt < until ? s.expiresAt : until }));
  return { secrets: [newStoredSecret(box, plain, now), ...kept], plain };
}

export type SignedHeaders = { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string };

export function signMessage(box: SecretBox, secrets: StoredSecret[], msgId: string, body: string, at = new Date()): SignedHeaders {
  const live = liveSecrets(secrets, at);
  if (live.length === 0) throw new Error('the subscription has no live signing secret');
  const signature = live.map((s) => new Webhook(box.open(s.secret)).sign(msgId, at, body)).join(' ');
  return { 'webhook-id': msgId, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature };
}
