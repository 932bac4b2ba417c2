// A local Microsoft 365: a real HTTP server speaking the wire protocol of the endpoints Relance
// uses, so the real Graph SDK and MSAL are pointed at it (MICROSOFT_GRAPH_URL,
// MICROSOFT_AUTHORITY_HOST) and nothing is mocked: the v2.0 token endpoint of a tenant
// (/{tenant}/oauth2/v2.0/token: refresh tokens rotated at each use, AADSTS errors), and Graph's
// /v1.0/me messages (drafts from MIME, send, internetMessageId filter, $value, folder deltas)
// and events. Graph answers 401 to a missing, expired or revoked access token.
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import type { MicrosoftConfig } from '../../runtime/config.js';
import { FakeOutlook, graphError, type Reply } from './fake-outlook.js';
import { FakeService, readBody, routeOf, type FakeRequest, type Route, type RouteTable } from './fake-service.js';

export type GraphAccount = { address: string; oid: string; refreshTokens: Set<string>; revoked: boolean; outlook: FakeOutlook };
export type GraphRequest = FakeRequest;

const CLIENT_ID = '00000000-fake-4000-8000-relance00001';
const CLIENT_SECRET = 'fake~client~secret';
export const FAKE_TENANT = '11111111-2222-4333-8444-555555555555';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

export class FakeGraph extends FakeService {
  readonly accounts = new Map<string, GraphAccount>();
  /** Token refreshes answered with a new access token. */
  refreshes = 0;
  accessTokenLifetimeSec = 3600;
  private readonly tokens = new Map<string, { account: GraphAccount; expiresAt: number }>();
  /** What the deployment would configure (MICROSOFT_CLIENT_ID, ..., MICROSOFT_AUTHORITY_HOST, MICROSOFT_GRAPH_URL). */
  config(): MicrosoftConfig {
    const base = this.url.replace(/\/$/, '');
    return { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tenant: FAKE_TENANT, authorityHost: base, graphUrl: base };
  }

  /** A Microsoft 365 user who consented to Relance's permissions: its first refresh token. */
  addAccount(address: string): GraphAccount & { refreshToken: string } {
    const refreshToken = newRefreshToken();
    const account: GraphAccount = { address, oid: crypto.randomUUID(), refreshTokens: new Set([refreshToken]), revoked: false, outlook: new FakeOutlook(address) };
    this.accounts.set(address, account);
    return Object.assign(account, { refreshToken });
  }

  account(address: string): GraphAccount {
    const a = this.accounts.get(address);
    if (!a) throw new Error(`no fake Microsoft 365 account ${address}`);
    return a;
  }

  /** The user (or an admin) revoked Relance's consent: every refresh and access token stops working. */
  revoke(address: string): void {
    const account = this.account(address);
    account.revoked = true;
    account.refreshTokens.clear();
    for (const [token, t] of this.tokens) if (t.account === account) this.tokens.delete(token);
  }

  /** Consent given again: a new refresh token. */
  regrant(address: string): string {
    const account = this.account(address);
    account.revoked = false;
    const token = newRefreshToken();
    account.refreshTokens.add(token);
    return token;
  }

  expireAccessTokens(): void {
    this.tokens.clear();
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const route = routeOf(routes, method, url.pathname);
    const request: GraphRequest = { method, path: url.pathname + url.search, endpoint: route?.endpoint ?? 'unknown' };
    this.requests.push(request);
    if (!route) return send(res, graphError(400, 'BadRequest', `Resource not found for the segment '${url.pathname}'.`));
    const fault = this.takeFault(route.endpoint);
    if (fault && 'status' in fault) return send(res, { ...graphError(fault.status, fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', `injected ${fault.status}`), headers: { 'retry-after': '1' } });
    if (fault && 'cut' in fault) {
      res.socket?.destroy();
      return;
    }
    let reply: Reply;
    if (route.endpoint === 'token') reply = route.id === FAKE_TENANT ? this.token(new URLSearchParams(body.toString('utf8'))) : aadError(400, 'invalid_request', 90002, `Tenant '${route.id}' not found.`);
    else {
      const account = this.authorize(req.headers.authorization);
      request.account = account?.address;
      reply = account ? this.graph(account.outlook, route, url, req, body) : graphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
    }
    if (fault) {
      res.socket?.destroy();
      return;
    }
    send(res, reply);
  }

  private graph(o: FakeOutlook, route: Route, url: URL, req: IncomingMessage, body: Buffer): Reply {
    const id = route.id ?? '';
    switch (route.endpoint) {
      case 'messages.create':
        return o.createDraft(body, req.headers['content-type']);
      case 'messages.send':
        return o.sendDraft(id);
      case 'messages.list':
        return o.list(url.searchParams);
      case 'messages.get':
        return o.get(id, false);
      case 'messages.value':
        return o.get(id, true);
      case 'messages.delta':
        return o.delta(this.url, id, url.searchParams);
      case 'events.create':
        return o.createEvent(body);
      case 'events.get':
        return o.getEvent(id);
      case 'events.patch':
        return o.patchEvent(id, body);
      case 'events.delete':
        return o.deleteEvent(id);
      default:
        return graphError(400, 'BadRequest', 'unsupported');
    }
  }

  private token(form: URLSearchParams): Reply {
    if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET) {
      return aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.');
    }
    if (form.get('grant_type') !== 'refresh_token') return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    const presented = form.get('refresh_token') ?? '';
    const account = [...this.accounts.values()].find((a) => a.refreshTokens.has(presented));
    if (!account || account.revoked) {
      return aadError(400, 'invalid_grant', 70000, 'The provided value for the input parameter \'refresh_token\' or \'assertion\' is not valid. The user or admin has not consented to use the application.');
    }
    // Rotated at each use: the old refresh token stays valid (as Entra ID does) until revoked.
    const refreshToken = newRefreshToken();
    account.refreshTokens.add(refreshToken);
    const accessToken = `eyJ0eXAiOiJKV1Qi.fake-${randomBytes(16).toString('hex')}`;
    this.tokens.set(accessToken, { account, expiresAt: Date.now() + this.accessTokenLifetimeSec * 1000 });
    this.refreshes++;
    const now = Math.floor(Date.now() / 1000);
    const host = new URL(this.url).host;
    const idToken = `${b64({ typ: 'JWT', alg: 'none' })}.${b64({ aud: CLIENT_ID, iss: `https://${host}/${FAKE_TENANT}/v2.0`, iat: now, nbf: now, exp: now + 3600, name: account.address, oid: account.oid, preferred_username: account.address, sub: account.oid, tid: FAKE_TENANT, ver: '2.0' })}.`;
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: form.get('scope') ?? 'https://graph.microsoft.com/.default',
        expires_in: this.accessTokenLifetimeSec,
        ext_expires_in: this.accessTokenLifetimeSec,
        access_token: accessToken,
        refresh_token: refreshToken,
        id_token: idToken,
        client_info: b64({ uid: account.oid, utid: FAKE_TENANT }),
      },
    };
  }

  private authorize(header: string | undefined): GraphAccount | null {
    const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
    const t = token ? this.tokens.get(token) : undefined;
    if (!t || t.expiresAt <= Date.now() || t.account.revoked) return null;
    return t.account;
  }
}

const newRefreshToken = () => `0.AXoA-fake-${randomBytes(24).toString('base64url')}`;

function aadError(status: number, error: string, code: number, description: string): Reply {
  const at = new Date().toISOString();
  return { status, body: { error, error_description: `AADSTS${code}: ${description} Trace ID: ${randomBytes(8).toString('hex')} Timestamp: ${at}`, error_codes: [code], timestamp: at } };
}

const routes: RouteTable = [
  ['POST', /^\/([^/]+)\/oauth2\/v2\.0\/token$/, 'token'],
  ['POST', /^\/v1\.0\/me\/messages$/, 'messages.create'],
  ['GET', /^\/v1\.0\/me\/messages$/, 'messages.list'],
  ['POST', /^\/v1\.0\/me\/messages\/([^/]+)\/send$/, 'messages.send'],
  ['GET', /^\/v1\.0\/me\/messages\/([^/]+)\/\$value$/, 'messages.value'],
  ['GET', /^\/v1\.0\/me\/messages\/([^/]+)$/, 'messages.get'],
  ['GET', /^\/v1\.0\/me\/mailFolders\/([^/]+)\/messages\/delta$/, 'messages.delta'],
  ['POST', /^\/v1\.0\/me\/events$/, 'events.create'],
  ['GET', /^\/v1\.0\/me\/events\/([^/]+)$/, 'events.get'],
  ['PATCH', /^\/v1\.0\/me\/events\/([^/]+)$/, 'events.patch'],
  ['DELETE', /^\/v1\.0\/me\/events\/([^/]+)$/, 'events.delete'],
];

function send(res: ServerResponse, reply: Reply): void {
  const headers = { ...reply.headers };
  if (reply.raw) return void res.writeHead(reply.status, headers).end(reply.raw);
  if (reply.body === undefined) return void res.writeHead(reply.status, headers).end();
  res.writeHead(reply.status, { 'content-type': 'application/json; odata.metadata=minimal; charset=utf-8', ...headers }).end(JSON.stringify(reply.body));
}

export async function startFakeGraph(): Promise<FakeGraph> {
  return new FakeGraph().start();
}
