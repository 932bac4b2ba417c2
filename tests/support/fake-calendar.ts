// The primary calendar of an account of the fake Google, as events.insert/get/patch/delete
// behave: client-supplied base32hex ids, 409 on a duplicate id (a deleted event keeps its id),
// 404 for an unknown event, 410 for a deleted one.
import { randomBytes } from 'node:crypto';
import { googleError, type Reply } from './google-reply.js';
import { jsonObjectOf } from './fake-service.js';

export type FakeEvent = {
  id: string;
  status: 'confirmed' | 'cancelled';
  summary?: string;
  description?: string;
  start: { dateTime: string; timeZone?: string };
  end: { dateTime: string; timeZone?: string };
  attendees?: Array<{ email: string; displayName?: string }>;
  [field: string]: unknown;
};

export class FakeCalendar {
  readonly events = new Map<string, FakeEvent>();

  /** Events on the calendar (deleted ones excluded). */
  live(): FakeEvent[] {
    return [...this.events.values()].filter((e) => e.status !== 'cancelled');
  }

  handle(endpoint: string, id: string | undefined, body: Buffer): Reply {
    const existing = id ? this.events.get(id) : undefined;
    switch (endpoint) {
      case 'calendar.insert':
        return this.insert(body);
      case 'calendar.get':
        return existing ? { status: 200, body: existing } : notFound();
      case 'calendar.patch': {
        if (!existing) return notFound();
        const patch = jsonObjectOf(body);
        if (!patch) return googleError(400, 'Parse Error', 'parseError');
        const next = { ...existing, ...patch, id: existing.id, updated: new Date().toISOString() } as FakeEvent;
        this.events.set(existing.id, next);
        return { status: 200, body: next };
      }
      case 'calendar.delete':
        if (!existing) return notFound();
        if (existing.status === 'cancelled') return googleError(410, 'Resource has been deleted', 'deleted');
        this.events.set(existing.id, { ...existing, status: 'cancelled' });
        return { status: 204 };
      default:
        return notFound();
    }
  }

  private insert(body: Buffer): Reply {
    const e = jsonObjectOf(body);
    if (!e) return googleError(400, 'Parse Error', 'parseError');
    const id = typeof e.id === 'string' ? e.id : randomBytes(13).toString('hex');
    if (!/^[a-v0-9]{5,1024}$/.test(id)) return googleError(400, 'Invalid resource id value.', 'invalid');
    if (this.events.has(id)) return googleError(409, 'The requested identifier already exists.', 'duplicate');
    const start = e.start as FakeEvent['start'] | undefined;
    const end = e.end as FakeEvent['end'] | undefined;
    if (!start?.dateTime) return googleError(400, 'Missing start time.', 'required');
    if (!end?.dateTime) return googleError(400, 'Missing end time.', 'required');
    const event = { status: 'confirmed', ...e, id, start, end, created: new Date().toISOString(), updated: new Date().toISOString() } as FakeEvent;
    this.events.set(id, event);
    return { status: 200, body: event };
  }
}

const notFound = () => googleError(404, 'Not Found', 'notFound');
