// One fake Gmail mailbox (users/me of an account of the fake Google): messages in threads, a
// history of added messages, search by rfc822msgid, and a hook to deliver incoming mail.
import { randomBytes } from 'node:crypto';
import { googleError, type Reply } from './google-reply.js';

export type FakeMessage = {
  id: string;
  threadId: string;
  labelIds: string[];
  raw: Buffer;
  historyId: number;
  internalDate: number;
  /** Header names lower-cased, first value of each (unfolded). */
  headers: Record<string, string>;
};

/** The header block of a raw MIME message. */
export function parseHeaders(raw: Buffer): Record<string, string> {
  const text = raw.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  const block = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= line.slice(colon + 1).trim();
  }
  return headers;
}

const newId = () => randomBytes(8).toString('hex');
const bare = (id: string) => id.trim().replace(/^<|>$/g, '');

export class FakeGmail {
  readonly messages: FakeMessage[] = [];
  historyId = 1000;
  private readonly history: Array<{ id: number; message: FakeMessage }> = [];
  /** history.list from an id below this answers 404 (Gmail keeps about a week of history). */
  private oldestHistoryId = 0;

  constructor(readonly address: string) {}

  /** Mail arriving from outside (a reply, an out-of-office, a bounce), threaded like Gmail does: by References. */
  deliver(raw: string | Buffer, threadId?: string): FakeMessage {
    const buf = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    const headers = parseHeaders(buf);
    const refs: string[] = `${headers['in-reply-to'] ?? ''} ${headers.references ?? ''}`.match(/<[^>]+>/g) ?? [];
    const parent = this.messages.find((m) => refs.includes(m.headers['message-id'] ?? ''));
    return this.add(buf, threadId ?? parent?.threadId ?? newId(), ['INBOX', 'UNREAD']);
  }

  sent(): FakeMessage[] {
    return this.messages.filter((m) => m.labelIds.includes('SENT'));
  }

  /** Older history is gone: a poller starting from before now gets a 404. */
  forgetHistory(): void {
    this.oldestHistoryId = this.historyId;
  }

  handle(endpoint: string, id: string | undefined, q: URLSearchParams, body: Buffer): Reply {
    switch (endpoint) {
      case 'gmail.send':
        return this.send(body);
      case 'gmail.list': {
        const msgid = /^rfc822msgid:(.+)$/.exec(q.get('q') ?? '')?.[1];
        const found = this.messages.filter((m) => msgid === undefined || bare(m.headers['message-id'] ?? '') === bare(msgid));
        return { status: 200, body: found.length ? { messages: found.map((m) => ({ id: m.id, threadId: m.threadId })), resultSizeEstimate: found.length } : { resultSizeEstimate: 0 } };
      }
      case 'gmail.get': {
        const m = this.messages.find((x) => x.id === id);
        return m ? { status: 200, body: view(m, q.get('format') ?? 'full') } : googleError(404, 'Requested entity was not found.', 'notFound');
      }
      case 'gmail.threads.get': {
        const inThread = this.messages.filter((x) => x.threadId === id);
        if (inThread.length === 0) return googleError(404, 'Requested entity was not found.', 'notFound');
        return { status: 200, body: { id, historyId: String(inThread.at(-1)!.historyId), messages: inThread.map((m) => view(m, q.get('format') ?? 'full')) } };
      }
      case 'gmail.profile':
        return { status: 200, body: { emailAddress: this.address, messagesTotal: this.messages.length, threadsTotal: new Set(this.messages.map((m) => m.threadId)).size, historyId: String(this.historyId) } };
      case 'gmail.history':
        return this.historyFrom(Number(q.get('startHistoryId')), Number(q.get('pageToken') ?? 0), Number(q.get('maxResults') ?? 100));
      default:
        return googleError(404, `no ${endpoint}`, 'notFound');
    }
  }

  private send(body: Buffer): Reply {
    let req: { raw?: string; threadId?: string };
    try {
      req = JSON.parse(body.toString('utf8')) as typeof req;
    } catch {
      return googleError(400, 'Invalid JSON payload received.', 'invalidArgument');
    }
    if (!req.raw) return googleError(400, "'raw' RFC822 payload message string or uploading message via /upload/* URL required", 'invalidArgument');
    const raw = Buffer.from(req.raw, 'base64url');
    const headers = parseHeaders(raw);
    if (!/@/.test(headers.to ?? '')) return googleError(400, 'Invalid To header', 'invalidArgument');
    const known = req.threadId && this.messages.some((m) => m.threadId === req.threadId);
    const m = this.add(raw, known ? req.threadId! : newId(), ['SENT']);
    return { status: 200, body: { id: m.id, threadId: m.threadId, labelIds: m.labelIds } };
  }

  private add(raw: Buffer, threadId: string, labelIds: string[]): FakeMessage {
    const m: FakeMessage = { id: newId(), threadId, labelIds, raw, historyId: ++this.historyId, internalDate: Date.now(), headers: parseHeaders(raw) };
    this.messages.push(m);
    this.history.push({ id: m.historyId, message: m });
    return m;
  }

  private historyFrom(start: number, offset: number, max: number): Reply {
    if (!Number.isFinite(start) || start <= 0) return googleError(400, 'Invalid startHistoryId', 'invalidArgument');
    if (start < this.oldestHistoryId) return googleError(404, 'Requested entity was not found.', 'notFound');
    const after = this.history.filter((h) => h.id > start);
    const page = after.slice(offset, offset + max);
    const history = page.map((h) => ({ id: String(h.id), messages: [{ id: h.message.id, threadId: h.message.threadId }], messagesAdded: [{ message: { id: h.message.id, threadId: h.message.threadId, labelIds: h.message.labelIds } }] }));
    return {
      status: 200,
      body: { ...(history.length ? { history } : {}), historyId: String(this.historyId), ...(offset + max < after.length ? { nextPageToken: String(offset + max) } : {}) },
    };
  }
}

function view(m: FakeMessage, format: string) {
  const base = { id: m.id, threadId: m.threadId, labelIds: m.labelIds, historyId: String(m.historyId), internalDate: String(m.internalDate), sizeEstimate: m.raw.length };
  if (format === 'minimal') return base;
  if (format === 'raw') return { ...base, raw: m.raw.toString('base64url') };
  return { ...base, payload: { mimeType: m.headers['content-type']?.split(';')[0] ?? 'text/plain', headers: Object.entries(m.headers).map(([name, value]) => ({ name, value })) } };
}
