// One fake Microsoft 365 mailbox (/me of an account of the fake Graph): messages in well-known
// folders, drafts created from base64 MIME and sent, conversations threaded as Exchange does (by
// In-Reply-To and References), internetMessageId filters, per-folder delta queries with
// @odata.nextLink pages and an @odata.deltaLink to resume from, and the calendar's events
// (created with an optional transactionId that makes a retried create return the same event).
import { randomBytes } from 'node:crypto';
import { parseHeaders } from './fake-gmail.js';
import { jsonObjectOf } from './fake-service.js';

export type Reply = { status: number; body?: unknown; raw?: Buffer; headers?: Record<string, string> };

export type OutlookMessage = {
  id: string;
  conversationId: string;
  folder: string;
  isDraft: boolean;
  raw: Buffer;
  receivedAt: Date;
  headers: Record<string, string>;
};

export type OutlookEvent = {
  id: string;
  transactionId?: string;
  subject?: string;
  body?: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  showAs?: string;
  isReminderOn?: boolean;
  attendees?: unknown[];
  deleted?: boolean;
  [field: string]: unknown;
};

export const graphError = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomBytes(8).toString('hex') } } } });

const newId = () => `AAMk${randomBytes(12).toString('base64url')}`;
const bare = (id: string) => id.trim().replace(/^<|>$/g, '');
const FOLDERS = new Set(['inbox', 'junkemail', 'drafts', 'sentitems', 'deleteditems']);

export class FakeOutlook {
  readonly messages: OutlookMessage[] = [];
  readonly events = new Map<string, OutlookEvent>();
  /** Changes per folder, in order: a message that arrived in (or left) the folder. */
  private readonly changes: Array<{ seq: number; folder: string; message: OutlookMessage; removed: boolean }> = [];
  private seq = 0;
  /** Delta tokens below this answer 410 (sync state expired). */
  private oldestToken = 0;
  /** Delta pages hold at most this many messages (odata.maxpagesize). */
  pageSize = 10;

  constructor(readonly address: string) {}

  /** Mail arriving from outside into a folder (inbox by default), in the conversation of the message it answers. */
  deliver(raw: string | Buffer, folder = 'inbox'): OutlookMessage {
    const buf = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    return this.add(buf, folder, false);
  }

  sent(): OutlookMessage[] {
    return this.messages.filter((m) => m.folder === 'sentitems');
  }

  live(): OutlookEvent[] {
    return [...this.events.values()].filter((e) => !e.deleted);
  }

  /** The sync states handed out so far expire (a delta link answers 410). */
  forgetDeltas(): void {
    this.oldestToken = this.seq + 1;
  }

  // --- mail -------------------------------------------------------------------------------

  createDraft(body: Buffer, contentType: string | undefined): Reply {
    if (!contentType?.startsWith('text/plain')) return graphError(415, 'UnsupportedMediaType', 'MIME content must be posted as text/plain, base64 encoded.');
    const raw = Buffer.from(body.toString('utf8'), 'base64');
    const headers = parseHeaders(raw);
    if (!headers['message-id'] && !headers.subject && !headers.to) return graphError(400, 'ErrorMimeContentInvalidBase64String', 'Invalid base64 string for MIME content.');
    if (!/@/.test(headers.to ?? '')) return graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    const m = this.add(raw, 'drafts', true);
    return { status: 201, body: this.view(m) };
  }

  sendDraft(id: string): Reply {
    const m = this.messages.find((x) => x.id === id);
    if (!m) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    if (!m.isDraft) return graphError(400, 'ErrorInvalidOperation', 'The item has already been sent.');
    m.isDraft = false;
    this.move(m, 'sentitems');
    return { status: 202 };
  }

  list(q: URLSearchParams): Reply {
    const filter = q.get('$filter') ?? '';
    const wanted = /^internetMessageId eq '(.*)'$/.exec(filter)?.[1]?.replace(/''/g, "'");
    if (filter && wanted === undefined) return graphError(400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.');
    const found = this.messages.filter((m) => wanted === undefined || bare(m.headers['message-id'] ?? '') === bare(wanted));
    return { status: 200, body: { value: found.slice(0, Number(q.get('$top') ?? 10)).map((m) => this.view(m)) } };
  }

  get(id: string, mime: boolean): Reply {
    const m = this.messages.find((x) => x.id === id);
    if (!m) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return mime ? { status: 200, raw: m.raw, headers: { 'content-type': 'text/plain' } } : { status: 200, body: this.view(m) };
  }

  /**
   * GET /me/mailFolders/{folder}/messages/delta: the first round lists the folder's messages (from
   * `$filter=receivedDateTime ge ...`), later rounds (`$deltatoken`) what changed since.
   */
  delta(base: string, folder: string, q: URLSearchParams): Reply {
    if (!FOLDERS.has(folder)) return graphError(404, 'ErrorInvalidIdMalformed', 'Id is malformed.');
    const link = (params: Record<string, string>) => `${base}v1.0/me/mailFolders/${folder}/messages/delta?${new URLSearchParams(params).toString()}`;
    let items: Array<Record<string, unknown>>;
    const skip = q.get('$skiptoken');
    const state = skip ? (JSON.parse(Buffer.from(skip, 'base64url').toString('utf8')) as { since: number; from: number; upTo: number; offset: number }) : null;
    const token = q.get('$deltatoken');
    if (token !== null && Number(token) < this.oldestToken) return graphError(410, 'SyncStateNotFound', 'The sync state generation is not found. Restart the sync.');
    const upTo = state?.upTo ?? this.seq;
    if (state ? state.since < 0 : token === null) {
      const from = q.get('$filter') ? filterDate(q.get('$filter')!) : (state?.from ?? 0);
      if (from === null) return graphError(400, 'ErrorInvalidUrlQueryFilter', 'Only receivedDateTime ge/gt is supported in a delta query.');
      const inFolder = this.messages.filter((m) => m.folder === folder && m.receivedAt.getTime() >= from);
      items = inFolder.map((m) => this.view(m));
      return this.page(items, state?.offset ?? 0, link, { since: -1, from, upTo });
    }
    const since = state?.since ?? Number(token);
    items = this.changes.filter((c) => c.folder === folder && c.seq > since && c.seq <= upTo).map((c) => (c.removed ? { id: c.message.id, '@removed': { reason: 'deleted' } } : this.view(c.message)));
    return this.page(items, state?.offset ?? 0, link, { since, from: 0, upTo });
  }

  private page(items: Array<Record<string, unknown>>, offset: number, link: (p: Record<string, string>) => string, state: { since: number; from: number; upTo: number }): Reply {
    const value = items.slice(offset, offset + this.pageSize);
    const more = offset + this.pageSize < items.length;
    const next = more ? { '@odata.nextLink': link({ $skiptoken: Buffer.from(JSON.stringify({ ...state, offset: offset + this.pageSize })).toString('base64url') }) } : { '@odata.deltaLink': link({ $deltatoken: String(state.upTo) }) };
    return { status: 200, body: { '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#Collection(message)", value, ...next } };
  }

  private add(raw: Buffer, folder: string, isDraft: boolean): OutlookMessage {
    const headers = parseHeaders(raw);
    const refs: string[] = `${headers['in-reply-to'] ?? ''} ${headers.references ?? ''}`.match(/<[^>]+>/g) ?? [];
    const parent = this.messages.find((m) => refs.includes(m.headers['message-id'] ?? ''));
    const m: OutlookMessage = { id: newId(), conversationId: parent?.conversationId ?? `AAQk${randomBytes(10).toString('base64url')}`, folder, isDraft, raw, receivedAt: new Date(), headers };
    this.messages.push(m);
    this.changes.push({ seq: ++this.seq, folder, message: m, removed: false });
    return m;
  }

  private move(m: OutlookMessage, folder: string) {
    this.changes.push({ seq: ++this.seq, folder: m.folder, message: m, removed: true });
    m.folder = folder;
    this.changes.push({ seq: ++this.seq, folder, message: m, removed: false });
  }

  private view(m: OutlookMessage) {
    const from = /^(?:"?([^"<]*)"?\s*)?<?([^<>\s]+@[^<>\s]+)>?$/.exec(m.headers.from ?? '');
    return {
      '@odata.type': '#microsoft.graph.message',
      id: m.id,
      conversationId: m.conversationId,
      internetMessageId: m.headers['message-id'] ?? null,
      subject: m.headers.subject ?? '',
      isDraft: m.isDraft,
      parentFolderId: m.folder,
      receivedDateTime: m.receivedAt.toISOString(),
      from: from ? { emailAddress: { name: from[1]?.trim() || from[2], address: from[2] } } : null,
    };
  }

  // --- calendar ---------------------------------------------------------------------------

  createEvent(body: Buffer): Reply {
    const e = jsonObjectOf(body);
    if (!e) return graphError(400, 'BadRequest', 'Unable to read JSON request payload.');
    const start = e.start as OutlookEvent['start'] | undefined;
    const end = e.end as OutlookEvent['end'] | undefined;
    if (!start?.dateTime || !start.timeZone || !end?.dateTime || !end.timeZone) return graphError(400, 'ErrorInvalidRequest', 'Start and end with their time zones are required.');
    const tx = typeof e.transactionId === 'string' ? e.transactionId : undefined;
    // A retried create with the same transactionId gets the event it made the first time.
    const earlier = tx ? [...this.events.values()].find((x) => x.transactionId === tx && !x.deleted) : undefined;
    if (earlier) return { status: 201, body: earlier };
    const event = { ...e, id: newId(), start, end, createdDateTime: new Date().toISOString() } as OutlookEvent;
    this.events.set(event.id, event);
    return { status: 201, body: event };
  }

  getEvent(id: string): Reply {
    const e = this.events.get(id);
    return e && !e.deleted ? { status: 200, body: e } : graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  }

  patchEvent(id: string, body: Buffer): Reply {
    const e = this.events.get(id);
    if (!e || e.deleted) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    const patch = jsonObjectOf(body);
    if (!patch) return graphError(400, 'BadRequest', 'Unable to read JSON request payload.');
    const next = { ...e, ...patch, id: e.id, lastModifiedDateTime: new Date().toISOString() } as OutlookEvent;
    this.events.set(id, next);
    return { status: 200, body: next };
  }

  deleteEvent(id: string): Reply {
    const e = this.events.get(id);
    if (!e || e.deleted) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    e.deleted = true;
    return { status: 204 };
  }
}

/** `receivedDateTime ge 2026-03-01T00:00:00Z`: the instant, or null for any other filter. */
function filterDate(filter: string): number | null {
  const m = /^receivedDateTime (ge|gt) (\S+)$/.exec(filter);
  const at = m ? Date.parse(m[2]!) : NaN;
  return Number.isNaN(at) ? null : at + (m![1] === 'gt' ? 1 : 0);
}

