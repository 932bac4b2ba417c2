// The Microsoft Graph client of one mailbox (the Graph SDK), with our own request middleware in
// place of the SDK's default chain: it sets the bearer token on every request to the configured
// Graph host (the SDK's handler only does so for https hosts it knows), refreshes the token once
// when Graph answers 401, asks for immutable ids (a message keeps its id when it moves from
// Drafts to Sent Items), puts a timeout on each request, and says whether a failed request
// ever reached Graph (and why a token refresh failed, for errors.ts). The SDK is loaded only once
// a Microsoft 365 mailbox is used (about 10 MB and 60 ms at import). No retries: our callers retry on their own schedule.
import type { Client, Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { MicrosoftTokens } from './tokens.js';

const API_TIMEOUT_MS = 30_000;
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

class GraphAccess implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly tokens: MicrosoftTokens) {}

  async execute(context: Context): Promise<void> {
    await this.once(context, false);
    if (context.response?.status === 401) await this.once(context, true);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  private async once(context: Context, fresh: boolean): Promise<void> {
    let token: string;
    try {
      token = await this.tokens.accessToken(fresh);
    } catch (err) {
      // The SDK wraps whatever a middleware throws, keeping only its name: MSAL's code goes there.
      const code = (err as { errorCode?: unknown }).errorCode;
      const e = new Error((err as Error).message);
      e.name = `SignIn:${typeof code === 'string' ? code : 'failed'}`;
      throw e;
    }
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${token}`);
    const prefer = headers.get('Prefer');
    if (!prefer?.includes('IdType')) headers.set('Prefer', [prefer, 'IdType="ImmutableId"'].filter(Boolean).join(', '));
    context.options = { ...context.options, headers, signal: AbortSignal.timeout(API_TIMEOUT_MS) };
    try {
      await this.next!.execute(context);
    } catch (err) {
      const cause = (err as { cause?: { code?: unknown } }).cause;
      const code = typeof cause?.code === 'string' ? cause.code : '';
      const e = new Error(`${code || (err as Error).message}`);
      e.name = NEVER_CONNECTED.has(code) ? 'NeverConnected' : 'NoResponse';
      throw e;
    }
  }
}

let sdk: Promise<typeof import('@microsoft/microsoft-graph-client')> | undefined;

export async function createGraphClient(graphUrl: string, tokens: MicrosoftTokens): Promise<Client> {
  const { Client, HTTPMessageHandler } = await (sdk ??= import('@microsoft/microsoft-graph-client'));
  const access = new GraphAccess(tokens);
  access.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({ middleware: access, baseUrl: graphUrl, defaultVersion: 'v1.0' });
}
