// Inbound webhooks are signed per Standard Webhooks: HMAC-SHA256 over "id.timestamp.body" with
// the source's `whsec_` secret. The standardwebhooks package verifies the signature in constant
// time and refuses timestamps more than 5 minutes off.
import { randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/** The package's tolerance, stated here because the API documents it. */
export const INBOUND_TOLERANCE_SECONDS = 5 * 60;
export const MAX_WEBHOOK_ID_LENGTH = 255;

export function generateInboundSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

// Verified against when the source has no secret, so that case costs the same work.
const DECOY = new Webhook(generateInboundSecret());

export type SignatureHeaders = { 'webhook-id'?: string | undefined; 'webhook-timestamp'?: string | undefined; 'webhook-signature'?: string | undefined };

export class InboundSignatureError extends Error {}

/** The message id of a verified delivery; throws InboundSignatureError otherwise. */
export function verifyInboundSignature(secret: string | null, rawBody: string, headers: SignatureHeaders): { messageId: string } {
  const h = { 'webhook-id': headers['webhook-id'] ?? '', 'webhook-timestamp': headers['webhook-timestamp'] ?? '', 'webhook-signature': headers['webhook-signature'] ?? '' };
  try {
    (secret ? new Webhook(secret) : DECOY).verify(rawBody, h, { jsonParse: false });
  } catch (err) {
    if (err instanceof WebhookVerificationError) throw new InboundSignatureError(describe(err.message));
    throw err;
  }
  // An unknown workspace or source fails like a wrong signature: nothing tells which.
  if (!secret) throw new InboundSignatureError(describe('No matching signature found'));
  if (h['webhook-id'].length > MAX_WEBHOOK_ID_LENGTH) throw new InboundSignatureError(`webhook-id is longer than ${MAX_WEBHOOK_ID_LENGTH} characters`);
  return { messageId: h['webhook-id'] };
}

function describe(message: string): string {
  if (/missing/i.test(message)) return 'send the webhook-id, webhook-timestamp and webhook-signature headers';
  if (/too old|too new|invalid signature headers/i.test(message)) return `webhook-timestamp must be Unix seconds within ${INBOUND_TOLERANCE_SECONDS / 60} minutes of now`;
  return 'no webhook-signature matches this body with the source secret';
}
