// A local OpenID Connect provider (the `oidc-provider` package) for single sign-on tests: one
// client, any login accepted by its development interactions, the login as the verified email.
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from '../../scripts/lib/ports.js';

export type LocalProvider = { issuer: string; clientId: string; clientSecret: string; stop: () => Promise<void> };

export async function startOidcProvider(redirectUri: string, opts: { emailVerified?: boolean } = {}): Promise<LocalProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'relance-console';
  const clientSecret = 'a-test-client-secret-of-some-length';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, email: id, email_verified: opts.emailVerified ?? true }) }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // The email in the ID token itself, which is what Relance reads.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-only-cookie-key'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s));
  });
  return { issuer, clientId, clientSecret, stop: () => new Promise((r) => server.close(() => r())) };
}
