// The embedded default: with no mailbox configured, every email is kept as the exact MIME it
// would have sent, one `<dir>/<workspace>/<touch>.eml` per touch (a retry overwrites the same
// file, atomically), and listed on the local outbox page (api/routes/outbox-page.ts).
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import type { EmailProvider, OutboundEmail } from '../types.js';
import { buildMime } from './mime.js';
import { log } from '../../logging/log.js';

/** Lower-case UUIDs only: the file names are built from them, so nothing else may reach a path. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isOutboxId = (s: string) => UUID.test(s);

export type LocalOutbox = EmailProvider & {
  /** Resolves once every message acknowledged so far is on disk. */
  flush(): Promise<void>;
};

/**
 * Messages are acknowledged at once and written behind, one at a time: building the MIME costs
 * CPU that would otherwise delay the rest of an 08:00 burst on the same thread. close() (at
 * shutdown) writes what is left; a crash may lose the last few files, never a real email.
 */
export function createLocalOutbox(dir: string): LocalOutbox {
  const queue: OutboundEmail[] = [];
  let draining: Promise<void> | null = null;
  const drain = async () => {
    for (let email = queue.shift(); email; email = queue.shift()) {
      await keep(dir, email).catch((err: unknown) => {
        log.error({ err, touchId: email!.touchId }, 'local outbox: could not keep the email');
      });
    }
    draining = null;
  };
  const flush = async () => {
    while (draining) await draining;
  };
  return {
    id: 'local-outbox',
    async send(email) {
      if (!isOutboxId(email.workspaceId) || !isOutboxId(email.touchId)) return { status: 'failed', detail: 'the touch has no valid id for the local outbox' };
      queue.push(email);
      draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
      return { status: 'sent', providerMessageId: `${email.workspaceId}/${email.touchId}.eml` };
    },
    flush,
    close: flush,
  };
}

async function keep(dir: string, email: OutboundEmail): Promise<void> {
  const folder = join(dir, email.workspaceId);
  await mkdir(folder, { recursive: true });
  const file = join(folder, `${email.touchId}.eml`);
  // Written aside, then renamed: a reader never sees half a message, a retry replaces it whole.
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, await buildMime(email));
  await rename(temp, file);
}

export type OutboxEntry = {
  workspaceId: string;
  touchId: string;
  /** `<workspace>/<touch>.eml`, as recorded in touches.provider_message_id. */
  file: string;
  savedAt: Date;
  date: Date | null;
  from: string;
  to: string;
  subject: string;
  messageId: string | null;
};

/** Newest first (by when the message was kept), at most `limit`, optionally one workspace's. */
export async function listOutbox(dir: string, o: { workspaceId?: string | undefined; limit?: number } = {}): Promise<OutboxEntry[]> {
  const limit = o.limit ?? 500;
  const workspaces = o.workspaceId ? [o.workspaceId] : await names(dir);
  const files: Array<{ workspaceId: string; touchId: string; path: string; savedAt: Date }> = [];
  for (const workspaceId of workspaces.filter(isOutboxId)) {
    for (const name of await names(join(dir, workspaceId))) {
      const touchId = name.replace(/\.eml$/, '');
      if (!name.endsWith('.eml') || !isOutboxId(touchId)) continue;
      const path = join(dir, workspaceId, name);
      const s = await stat(path).catch(() => null);
      if (s) files.push({ workspaceId, touchId, path, savedAt: s.mtime });
    }
  }
  files.sort((a, b) => b.savedAt.getTime() - a.savedAt.getTime());
  const entries: OutboxEntry[] = [];
  // A few files open at a time, not `limit` of them.
  for (let i = 0; i < Math.min(files.length, limit); i += 32) {
    entries.push(...(await Promise.all(files.slice(i, Math.min(i + 32, limit)).map(entryOf))));
  }
  return entries;
}

async function entryOf(f: { workspaceId: string; touchId: string; path: string; savedAt: Date }): Promise<OutboxEntry> {
  const head = await simpleParser(await headerOf(f.path));
  return {
    workspaceId: f.workspaceId,
    touchId: f.touchId,
    file: `${f.workspaceId}/${f.touchId}.eml`,
    savedAt: f.savedAt,
    date: head.date ?? null,
    from: addressText(head.from),
    to: addressText(head.to),
    subject: head.subject ?? '',
    messageId: head.messageId ?? null,
  };
}

/** The kept message of a touch, or null (unknown, or ids that are not UUIDs). */
export async function readOutboxMessage(dir: string, workspaceId: string, touchId: string): Promise<Buffer | null> {
  if (!isOutboxId(workspaceId) || !isOutboxId(touchId)) return null;
  return readFile(join(dir, workspaceId, `${touchId}.eml`)).catch(() => null);
}

/** "Name <address>, ..." as a person reads it (mailparser's text quotes every name). */
export function addressText(a: AddressObject | AddressObject[] | undefined): string {
  return [a ?? []]
    .flat()
    .flatMap((o) => o.value)
    .map((v) => (v.name ? `${v.name} <${v.address ?? ''}>` : (v.address ?? '')))
    .join(', ');
}

async function names(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => []);
}

/** Only the header block of a file (a listing must not read every body). */
async function headerOf(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    const end = head.indexOf('\r\n\r\n');
    return end >= 0 ? head.subarray(0, end + 4) : head;
  } finally {
    await handle.close();
  }
}
