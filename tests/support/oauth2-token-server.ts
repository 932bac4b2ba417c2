// The tests' stand-in for a mail provider's OAuth2 server: a token endpoint answering the refresh
// token grant (client secret posted, RFC 6749 §6) and an introspection endpoint (RFC 7662) that
// Dovecot's oauth2 passdb and the test SMTP server ask whether an access token is live and whose it
// is. Grants can be revoked (invalid_grant, as when a user withdraws consent) and every access token
// issued so far expired at once (the server refuses them before the client thinks they expired).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TestTokenServer = {
  tokenUrl: string;
  introspectionUrl: string;
  clientId: string;
  clientSecret: string;
  /** A new refresh token for the user. */
  grant(username: string): string;
  revoke(refreshToken: string): void;
  /** Every access token issued so far is refused from now on. */
  expireAccessTokens(): void;
  /** Whether the access token is live and was issued for this user. */
  check(username: string, accessToken: string): boolean;
  /** Access tokens issued through the refresh grant, and refreshes refused, so far. */
  readonly issued: number;
  readonly refused: number;
  /** Introspection requests answered (Dovecot asks at each XOAUTH2 login). */
  readonly introspections: number;
  close(): Promise<void>;
};

const form = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
};
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

export async function startTestTokenServer(o: { expiresInSeconds?: number } = {}): Promise<TestTokenServer> {
  const clientId = 'relance-test-client';
  const clientSecret = randomBytes(12).toString('hex');
  const grants = new Map<string, string>(); // refresh token -> user
  const tokens = new Map<string, { username: string; refreshToken: string; live: boolean }>();
  const counts = { issued: 0, refused: 0, introspections: 0 };
  const check = (username: string, accessToken: string) => {
    const t = tokens.get(accessToken);
    return t !== undefined && t.live && t.username === username;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await form(req);
      if (req.method === 'POST' && req.url === '/token') {
        if (body.get('client_id') !== clientId || body.get('client_secret') !== clientSecret) return json(res, 401, { error: 'invalid_client' });
        const refreshToken = body.get('refresh_token') ?? '';
        const username = body.get('grant_type') === 'refresh_token' ? grants.get(refreshToken) : undefined;
        if (!username) {
          counts.refused++;
          return json(res, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
        }
        const accessToken = randomBytes(18).toString('base64url');
        tokens.set(accessToken, { username, refreshToken, live: true });
        counts.issued++;
        return json(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: o.expiresInSeconds ?? 3600 });
      }
      if (req.method === 'POST' && req.url === '/introspect') {
        counts.introspections++;
        const t = tokens.get(body.get('token') ?? '');
        return json(res, 200, t?.live ? { active: true, username: t.username, token_type: 'Bearer' } : { active: false });
      }
      json(res, 404, { error: 'not_found' });
    })().catch(() => json(res, 500, { error: 'server_error' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    tokenUrl: `${base}/token`,
    introspectionUrl: `${base}/introspect`,
    clientId,
    clientSecret,
    grant(username) {
      const refreshToken = randomBytes(18).toString('base64url');
      grants.set(refreshToken, username);
      return refreshToken;
    },
    revoke(refreshToken) {
      // Withdrawn consent: the grant and the access tokens it gave.
      grants.delete(refreshToken);
      for (const t of tokens.values()) if (t.refreshToken === refreshToken) t.live = false;
    },
    expireAccessTokens() {
      for (const t of tokens.values()) t.live = false;
    },
    check,
    get issued() {
      return counts.issued;
    },
    get refused() {
      return counts.refused;
    },
    get introspections() {
      return counts.introspections;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
