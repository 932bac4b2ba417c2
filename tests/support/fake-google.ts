// A local Google: a real HTTP server speaking the REST wire protocol of the endpoints Relance
// uses (OAuth token refresh, Gmail send/search/get/history/threads, Calendar events), so the
// real googleapis client is pointed at it (rootUrl, oauth2TokenUrl) and nothing is mocked.
// Each account is reached through its refresh token; access tokens expire and are refreshed.
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import type { GoogleConfig } from '../../runtime/config.js';
import { FakeCalendar } from './fake-calendar.js';
import { googleError, type Reply } from './google-reply.js';
export { googleError, type Reply } from './google-reply.js';
import { FakeGmail } from './fake-gmail.js';
import { FakeService, readBody, routeOf, type FakeRequest, type RouteTable } from './fake-service.js';

export type FakeAccount = { address: string; refreshToken: string; revoked: boolean; gmail: FakeGmail; calendar: FakeCalendar };
export type { FakeRequest } from './fake-service.js';

const CLIENT_ID = 'fake-client.apps.googleusercontent.com';
const CLIENT_SECRET = 'fake-client-secret';

export class FakeGoogle extends FakeService {
  readonly accounts = new Map<string, FakeAccount>();
  /** Token refreshes answered with a new access token. */
  refreshes = 0;
  /** Lifetime of the access tokens issued from now on. */
  accessTokenLifetimeSec = 3600;
  private readonly tokens = new Map<string, { account: FakeAccount; expiresAt: number }>();
  /** What the deployment would configure (GOOGLE_CLIENT_ID, ..., GOOGLE_API_ROOT_URL, GOOGLE_OAUTH_TOKEN_URL). */
  config(): GoogleConfig {
    return { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rootUrl: this.url, tokenUrl: `${this.url}token` };
  }

  /** A Google account that granted Relance offline access: its refresh token. */
  addAccount(address: string): FakeAccount {
    const account: FakeAccount = { address, refreshToken: `1//fake-${randomBytes(12).toString('hex')}`, revoked: false, gmail: new FakeGmail(address), calendar: new FakeCalendar() };
    this.accounts.set(address, account);
    return account;
  }

  account(address: string): FakeAccount {
    const a = this.accounts.get(address);
    if (!a) throw new Error(`no fake Google account ${address}`);
    return a;
  }

  /** The user removed Relance's access: the refresh token and its access tokens stop working. */
  revoke(address: string): void {
    const account = this.account(address);
    account.revoked = true;
    for (const [token, t] of this.tokens) if (t.account === account) this.tokens.delete(token);
  }

  /** The user connected Relance again: a new refresh token. */
  regrant(address: string): string {
    const account = this.account(address);
    account.refreshToken = `1//fake-${randomBytes(12).toString('hex')}`;
    account.revoked = false;
    return account.refreshToken;
  }

  /** Every access token issued so far expires now (the next API call gets a 401). */
  expireAccessTokens(): void {
    this.tokens.clear();
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readBody(req);
    const route = routeOf(routes, req.method ?? 'GET', url.pathname);
    const request: FakeRequest = { method: req.method ?? 'GET', path: url.pathname + url.search, endpoint: route?.endpoint ?? 'unknown' };
    this.requests.push(request);
    if (!route) return send(res, googleError(404, `no route ${req.method} ${url.pathname}`, 'notFound'));
    const fault = this.takeFault(route.endpoint);
    if (fault && 'status' in fault) return send(res, googleError(fault.status, `injected ${fault.status}`, fault.status === 429 ? 'rateLimitExceeded' : 'backendError'));
    if (fault && 'cut' in fault) {
      res.socket?.destroy();
      return;
    }
    let reply: Reply;
    if (route.endpoint === 'token') reply = this.token(new URLSearchParams(body.toString('utf8')));
    else {
      const account = this.authorize(req.headers.authorization);
      request.account = account?.address;
      if (!account) reply = googleError(401, 'Request had invalid authentication credentials.', 'unauthenticated');
      else if (route.endpoint.startsWith('gmail.')) reply = account.gmail.handle(route.endpoint, route.id, url.searchParams, body);
      else reply = account.calendar.handle(route.endpoint, route.id, body);
    }
    if (fault) {
      // Carried out, but the caller never hears back (a crash or a cut between acceptance and answer).
      res.socket?.destroy();
      return;
    }
    send(res, reply);
  }

  private token(form: URLSearchParams): Reply {
    if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' } };
    }
    const account = [...this.accounts.values()].find((a) => a.refreshToken === form.get('refresh_token'));
    if (form.get('grant_type') !== 'refresh_token' || !account || account.revoked) {
      return { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
    }
    const accessToken = `ya29.fake-${randomBytes(16).toString('hex')}`;
    this.tokens.set(accessToken, { account, expiresAt: Date.now() + this.accessTokenLifetimeSec * 1000 });
    this.refreshes++;
    return { status: 200, body: { access_token: accessToken, expires_in: this.accessTokenLifetimeSec, token_type: 'Bearer', scope: 'https://www.googleapis.com/auth/gmail.send' } };
  }

  private authorize(header: string | undefined): FakeAccount | null {
    const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
    const t = token ? this.tokens.get(token) : undefined;
    if (!t || t.expiresAt <= Date.now() || t.account.revoked) return null;
    return t.account;
  }
}

const routes: RouteTable = [
  ['POST', /^\/token$/, 'token'],
  ['POST', /^\/gmail\/v1\/users\/me\/messages\/send$/, 'gmail.send'],
  ['GET', /^\/gmail\/v1\/users\/me\/messages$/, 'gmail.list'],
  ['GET', /^\/gmail\/v1\/users\/me\/messages\/([^/]+)$/, 'gmail.get'],
  ['GET', /^\/gmail\/v1\/users\/me\/threads\/([^/]+)$/, 'gmail.threads.get'],
  ['GET', /^\/gmail\/v1\/users\/me\/profile$/, 'gmail.profile'],
  ['GET', /^\/gmail\/v1\/users\/me\/history$/, 'gmail.history'],
  ['POST', /^\/calendar\/v3\/calendars\/primary\/events$/, 'calendar.insert'],
  ['GET', /^\/calendar\/v3\/calendars\/primary\/events\/([^/]+)$/, 'calendar.get'],
  ['PATCH', /^\/calendar\/v3\/calendars\/primary\/events\/([^/]+)$/, 'calendar.patch'],
  ['DELETE', /^\/calendar\/v3\/calendars\/primary\/events\/([^/]+)$/, 'calendar.delete'],
];

function send(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status).end();
    return;
  }
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply.body));
}

/** A started fake Google; close it in afterAll. */
export async function startFakeGoogle(): Promise<FakeGoogle> {
  return new FakeGoogle().start();
}
