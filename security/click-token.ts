// Tracked links (click tracking, off by default per workspace): a link of a sent email becomes
// /v1/clicks/{token}, the token an HMAC-SHA256 over the workspace, the touch and the target URL,
// keyed by a key derived from the process's secret key. The redirect goes only to the signed
// target (no open redirect) and the signature is checked in constant time.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export type ClickClaims = { workspaceId: string; touchId: string; url: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A token carries its URL: longer links are left untracked rather than made unwieldy. The token's
 * bound keeps any request for it under Node's 16 KB header limit, even percent-encoded (the fuzzer's).
 */
export const MAX_TRACKED_URL = 600;
export const MAX_CLICK_TOKEN = 1000;

export function createClickSigner(secretKey: Buffer) {
  const key = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'relance click v1', 32));
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    sign(c: ClickClaims): string {
      const payload = `${c.workspaceId}\n${c.touchId}\n${c.url}`;
      return `${Buffer.from(payload).toString('base64url')}.${mac(payload).toString('base64url')}`;
    },
    /** The claims of a genuine token, else null. */
    verify(token: string): ClickClaims | null {
      const [body, sig, extra] = token.split('.');
      if (!body || !sig || extra !== undefined || token.length > MAX_CLICK_TOKEN) return null;
      const payload = Buffer.from(body, 'base64url').toString('utf8');
      const expected = mac(payload);
      const given = Buffer.from(sig, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const [workspaceId, touchId, url] = payload.split('\n');
      if (!workspaceId || !touchId || !url || !UUID.test(workspaceId) || !UUID.test(touchId) || !/^https?:\/\//i.test(url)) return null;
      return { workspaceId, touchId, url };
    },
  };
}

export type ClickSigner = ReturnType<typeof createClickSigner>;
