// The IMAP watchers of a worker process: one per SMTP mailbox with IMAP settings, at most
// `maxWatchers` (one connection each). Mailboxes are shared among the workers of a fleet through
// leases (mailbox_watch_leases): a worker renews the leases it holds every tick, takes unleased or
// expired ones up to its bound, and lets go of a mailbox whose lease it lost, whose settings
// changed (its watcher starts again with them) or that no longer has IMAP. A worker that dies
// leaves leases that expire, and another worker takes its mailboxes over.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Client } from '@temporalio/client';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { mailboxes, mailboxWatchLeases } from '../db/schema.js';
import { log } from '../logging/log.js';
import type { SecretBox } from '../security/secrets.js';
import type { AllowList } from '../security/ssrf.js';
import { startImapWatcher, type ImapWatcher, type ImapWatchOptions } from './imap-watcher.js';
import { startPeriodic } from './periodic.js';

export type ImapWatchersConfig = ImapWatchOptions & {
  /** Mailboxes this process watches at most (one IMAP connection each; default 500). */
  maxWatchers?: number;
  /** A lease not renewed for this long is taken over by another worker (default 60 s). */
  leaseMs?: number;
  /** How often leases are renewed and new mailboxes taken (default 10 s). */
  tickMs?: number;
  /** Mailboxes taken per tick at most, so a fleet starting together shares them (default 100). */
  claimBatch?: number;
};
export type ImapWatchersOptions = ImapWatchersConfig & { db: Database; temporal: Client; secrets: SecretBox; allowList: AllowList; holder?: string };
export type ImapWatchers = { stop: () => Promise<void>; watching: () => string[] };

type Running = { watcher: ImapWatcher; fingerprint: string };

/** What a watcher was started with: when it changes, the watcher starts again. */
const fingerprintSql = sql<string>`md5(coalesce(${mailboxes.imapSettings}::text, '') || coalesce(${mailboxes.imapSealedSecret}, '') || coalesce(${mailboxes.sealedSecret}, ''))`;
const watchable = sql`${mailboxes.imapSettings} is not null and ${mailboxes.status} <> 'disabled' and coalesce(${mailboxes.imapSealedSecret}, ${mailboxes.sealedSecret}) is not null`;

export function startImapWatchers(o: ImapWatchersOptions): ImapWatchers {
  const holder = o.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const max = o.maxWatchers ?? 500;
  const leaseMs = o.leaseMs ?? 60_000;
  const running = new Map<string, Running>();
  const lease = sql`now() + ${`${leaseMs} milliseconds`}::interval`;

  const letGo = async (ids: string[]) => {
    await Promise.all(ids.map((id) => running.get(id)?.watcher.stop()));
    for (const id of ids) running.delete(id);
  };

  const tick = async (stopped: () => boolean) => {
    // Renew what this process holds; what it no longer holds (expired and taken) is let go.
    const renewed = await o.db
      .update(mailboxWatchLeases)
      .set({ expiresAt: lease })
      .where(eq(mailboxWatchLeases.holder, holder))
      .returning({ id: mailboxWatchLeases.mailboxId });
    const held = new Set(renewed.map((r) => r.id));
    await letGo([...running.keys()].filter((id) => !held.has(id)));
    // Take unleased or expired mailboxes up to the bound.
    const room = Math.min(max - held.size, o.claimBatch ?? 100);
    if (room > 0 && !stopped()) {
      await o.db.execute(sql`
        insert into ${mailboxWatchLeases} (mailbox_id, workspace_id, holder, expires_at)
        select ${mailboxes.id}, ${mailboxes.workspaceId}, ${holder}, ${lease}
        from ${mailboxes} left join ${mailboxWatchLeases} on ${mailboxWatchLeases.mailboxId} = ${mailboxes.id}
        where ${watchable} and (${mailboxWatchLeases.mailboxId} is null or ${mailboxWatchLeases.expiresAt} < now())
        order by ${mailboxes.id} limit ${room}
        on conflict (mailbox_id) do update set holder = excluded.holder, expires_at = excluded.expires_at
        where ${mailboxWatchLeases.expiresAt} < now()`);
    }
    const mine = await o.db
      .select({ id: mailboxes.id, workspaceId: mailboxes.workspaceId, fingerprint: fingerprintSql, watchable: sql<boolean>`${watchable}` })
      .from(mailboxWatchLeases)
      .innerJoin(mailboxes, eq(mailboxes.id, mailboxWatchLeases.mailboxId))
      .where(eq(mailboxWatchLeases.holder, holder));
    const gone = mine.filter((m) => !m.watchable).map((m) => m.id);
    const changed = mine.filter((m) => m.watchable && running.has(m.id) && running.get(m.id)!.fingerprint !== m.fingerprint).map((m) => m.id);
    await letGo([...gone, ...changed, ...[...running.keys()].filter((id) => !mine.some((m) => m.id === id))]);
    if (gone.length > 0) await o.db.delete(mailboxWatchLeases).where(and(eq(mailboxWatchLeases.holder, holder), inArray(mailboxWatchLeases.mailboxId, gone)));
    if (stopped()) return;
    for (const m of mine) {
      if (!m.watchable || running.has(m.id)) continue;
      running.set(m.id, { fingerprint: m.fingerprint, watcher: startImapWatcher(o, m) });
    }
  };

  const loop = startPeriodic('imap watchers', o.tickMs ?? 10_000, tick);
  log.info({ holder, maxWatchers: max }, 'imap: watching mailboxes');
  return {
    watching: () => [...running.keys()],
    stop: async () => {
      await loop.stop();
      await letGo([...running.keys()]);
      await o.db.delete(mailboxWatchLeases).where(eq(mailboxWatchLeases.holder, holder));
    },
  };
}
