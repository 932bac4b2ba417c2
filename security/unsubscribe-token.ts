// One-click unsubscribe tokens (RFC 8058 links in every email): HMAC-SHA256 over the workspace,
// prospect and touch, keyed by a key derived from the process's secret key. Nothing to store; a token
// cannot be forged or edited into another prospect's, and is checked in constant time.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export type UnsubscribeClaims = { workspaceId: string; prospectId: string; touchId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createUnsubscribeSigner(secretKey: Buffer) {
  const key = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'relance unsubscribe v1', 32));
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    sign(c: UnsubscribeClaims): string {
      const payload = `${c.workspaceId}.${c.prospectId}.${c.touchId}`;
      return `${Buffer.from(payload).toString('base64url')}.${mac(payload).toString('base64url')}`;
    },
    /** The claims of a genuine token, else null. */
    verify(token: string): UnsubscribeClaims | null {
      const [body, sig] = token.split('.');
      if (!body || !sig || token.length > 400) return null;
      const payload = Buffer.from(body, 'base64url').toString('utf8');
      const expected = mac(payload);
      const given = Buffer.from(sig, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const [workspaceId, prospectId, touchId] = payload.split('.');
      if (![workspaceId, prospectId, touchId].every((v) => v && UUID.test(v))) return null;
      return { workspaceId: workspaceId!, prospectId: prospectId!, touchId: touchId! };
    },
  };
}

export type UnsubscribeSigner = ReturnType<typeof createUnsubscribeSigner>;
