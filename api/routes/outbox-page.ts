// The local outbox page: what reps without a mailbox would have sent, kept as .eml files by the
// embedded default (channels/email/local-outbox.ts). Outside /v1 (a page for people, not the
// API) and only when the deployment keeps a local outbox; the operator token opens it, as the
// HTTP Basic password (a browser prompts for it) or as a Bearer token. Every value is escaped.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import { simpleParser } from 'mailparser';
import { addressText, isOutboxId, listOutbox, readOutboxMessage, type OutboxEntry } from '../../channels/email/local-outbox.js';
import type { ApiDeps } from '../deps.js';
import { sameSecret, type AuthEnv } from '../middleware/auth.js';
import { problem } from '../problem.js';

const LIST_LIMIT = 500;
const STYLE = 'body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}.note{background:#fff8e1;border:1px solid #f0c36d;padding:.8rem 1rem}pre{background:#f6f6f6;padding:1rem;white-space:pre-wrap}';

export function outboxPageRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const dir = deps.mail?.localOutboxDir;
  // No local outbox in this deployment: the paths stay unknown (404 problem+json).
  if (!dir) return app;

  app.use('/outbox', operatorOnly(deps.operatorToken));
  app.use('/outbox/*', operatorOnly(deps.operatorToken));

  app.get('/outbox', async (c) => {
    const workspaceId = c.req.query('workspace') || undefined;
    if (workspaceId !== undefined && !isOutboxId(workspaceId)) {
      return problem(c, 'validation-failed', 400, { detail: 'query.workspace: not a workspace id', errors: [{ field: 'query.workspace', message: 'not a workspace id' }] });
    }
    const entries = await listOutbox(dir, { workspaceId, limit: LIST_LIMIT });
    return page(c, 'Local outbox', html`
      <h1>Local outbox</h1>
      <p class="note"><strong>These messages did not leave this machine.</strong> Reps without a mailbox have their
      emails kept here, exactly as they would have been sent, one <code>.eml</code> file per touch. To send for real,
      connect the rep's mailbox (SMTP or Gmail) with <code>POST /v1/mailboxes</code>; see <a href="/docs">the API docs</a>.</p>
      <p>${entries.length === 0 ? 'No message yet.' : `The ${entries.length} most recent message(s)${entries.length === LIST_LIMIT ? ` (the latest ${LIST_LIMIT})` : ''}, newest first.`}
      ${workspaceId ? html`Workspace ${workspaceId} only: <a href="/outbox">all workspaces</a>.` : ''}</p>
      <table>
        <thead><tr><th>Kept at</th><th>From</th><th>To</th><th>Subject</th><th>Workspace</th><th></th></tr></thead>
        <tbody>${entries.map(row)}</tbody>
      </table>`);
  });

  app.get('/outbox/:workspaceId/:name', async (c) => {
    const { workspaceId, name } = c.req.param();
    const download = name.endsWith('.eml');
    const touchId = download ? name.slice(0, -4) : name;
    const raw = await readOutboxMessage(dir, workspaceId, touchId);
    if (!raw) return problem(c, 'not-found', 404, { detail: 'no such message in the local outbox' });
    if (download) {
      return c.body(new Uint8Array(raw), 200, { 'content-type': 'message/rfc822', 'content-disposition': `attachment; filename="${touchId}.eml"`, 'x-content-type-options': 'nosniff' });
    }
    const m = await simpleParser(raw);
    // Unsubscribe headers as written (unfolded); the others decoded by mailparser.
    const line = (key: string) => m.headerLines.find((h) => h.key === key)?.line.slice(key.length + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    const headers: Array<[string, string | undefined]> = [
      ['From', addressText(m.from)],
      ['To', addressText(m.to)],
      ['Subject', m.subject],
      ['Date', m.date?.toISOString()],
      ['Message-ID', m.messageId],
      ['In-Reply-To', m.inReplyTo],
      ['References', [m.references ?? []].flat().join(' ')],
      ['List-Unsubscribe', line('list-unsubscribe')],
      ['List-Unsubscribe-Post', line('list-unsubscribe-post')],
    ];
    return page(c, m.subject ?? 'Message', html`
      <p><a href="/outbox">Local outbox</a> · <a href="/outbox/${workspaceId}/${touchId}.eml">download the .eml</a></p>
      <p class="note">This message did not leave this machine.</p>
      <table>${headers.filter(([, v]) => v).map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`)}</table>
      <pre>${m.text ?? ''}</pre>`);
  });
  return app;
}

function row(e: OutboxEntry) {
  const link = `/outbox/${e.workspaceId}/${e.touchId}`;
  return html`<tr>
    <td>${e.savedAt.toISOString()}</td><td>${e.from}</td><td>${e.to}</td>
    <td><a href="${link}">${e.subject || '(no subject)'}</a></td>
    <td><a href="/outbox?workspace=${e.workspaceId}">${e.workspaceId.slice(0, 8)}</a></td>
    <td><a href="${link}.eml">.eml</a></td>
  </tr>`;
}

function page(c: Context, title: string, body: ReturnType<typeof html>) {
  // Nothing on these pages runs script: the messages are data (api/security-headers.ts).
  return c.html(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} · Relance</title><style>${STYLE}</style></head>
<body>${body}</body></html>`);
}

/** The operator token, as the Basic password (any user name) or as a Bearer token. */
function operatorOnly(token: string | undefined): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    let presented: string | null = null;
    if (header.startsWith('Bearer ')) presented = header.slice(7).trim();
    else if (header.startsWith('Basic ')) {
      const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
      presented = decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : null;
    }
    if (token && presented !== null && sameSecret(presented, token)) return next();
    c.header('WWW-Authenticate', 'Basic realm="Relance local outbox", charset="UTF-8"');
    return problem(c, 'unauthorized', 401, {
      detail: token
        ? 'the local outbox opens with the operator token (RELANCE_OPERATOR_TOKEN, or data/operator-token under npm start) as the password'
        : 'no operator token is configured (RELANCE_OPERATOR_TOKEN): the local outbox cannot be opened',
    });
  };
}
