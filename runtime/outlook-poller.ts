// Replies, out-of-office answers and bounces reaching a rep's Microsoft 365 mailbox: each connected
// Microsoft mailbox with conversations of live enrollments is read through Graph delta queries on
// its inbox and junk folders (what changed since the @odata.deltaLink kept per folder in
// mailboxes.graph_delta_links, so a restart misses nothing); a message in one of those
// conversations that is not ours is fetched as MIME, parsed and handed to applyInboundMail
// (applied once per email, whichever way and however often it arrives). A folder read for the
// first time, or whose sync state Graph no longer keeps (410), is read from 14 days back.
import type { Client as Temporal } from '@temporalio/client';
import type { Client as Graph, ResponseType } from '@microsoft/microsoft-graph-client';
import { and, eq } from 'drizzle-orm';
import { createMicrosoftAccounts, type MicrosoftAccounts } from '../channels/microsoft/clients.js';
import { microsoftFailure } from '../channels/microsoft/errors.js';
import type { MailboxRow } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { mailboxes } from '../db/schema.js';
import type { SecretBox } from '../security/secrets.js';
import type { MicrosoftConfig } from './config.js';
import { applyFetchedMail, knownThreads, clientsOf, pollMailboxes, type MailboxPoll } from './reply-polling.js';
import { startPeriodic } from './periodic.js';

type Deps = { db: Database; temporal: Temporal; turnMs?: number };
type DeltaMessage = { id: string; conversationId?: string; isDraft?: boolean; from?: { emailAddress?: { address?: string } } | null; '@removed'?: unknown };
type DeltaPage = { value?: DeltaMessage[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };

/** Where replies land: the inbox, and the junk folder a filter may put them in. */
export const WATCHED_FOLDERS = ['inbox', 'junkemail'] as const;
const FIRST_READ_DAYS = 14;
const SELECT = 'id,conversationId,isDraft,from,internetMessageId,receivedDateTime';

/** A link Graph gave (absolute, on its own host) as a path of the configured Graph: the SDK reads only https links whole. */
function onGraph(link: string): string {
  const u = new URL(link);
  return `${u.pathname.replace(/^\/v1\.0(?=\/)/, '')}${u.search}`;
}

/** The folder's messages changed since `link` (from 14 days back without one); null when Graph lost the sync state. */
async function changesSince(graph: Graph, folder: string, link: string | undefined): Promise<{ messages: DeltaMessage[]; deltaLink: string } | null> {
  const since = new Date(Date.now() - FIRST_READ_DAYS * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let url = link ? onGraph(link) : `/me/mailFolders/${folder}/messages/delta?$select=${SELECT}&$filter=${encodeURIComponent(`receivedDateTime ge ${since}`)}`;
  const messages: DeltaMessage[] = [];
  try {
    for (;;) {
      const page = (await graph.api(url).header('Prefer', 'odata.maxpagesize=50').get()) as DeltaPage;
      messages.push(...(page.value ?? []));
      if (page['@odata.deltaLink']) return { messages, deltaLink: page['@odata.deltaLink'] };
      if (!page['@odata.nextLink']) throw new Error('Graph delta page without a next or delta link');
      url = onGraph(page['@odata.nextLink']);
    }
  } catch (err) {
    const f = microsoftFailure(err);
    if (link && f.kind === 'refused' && (f.status === 410 || /SyncState/i.test(f.reason ?? ''))) return null;
    throw err;
  }
}

/** Reads one mailbox's new mail in the conversations of its live enrollments and applies it. */
export async function pollOutlookMailbox(deps: Deps, graph: Graph, m: MailboxRow): Promise<MailboxPoll> {
  const threads = await knownThreads(deps.db, m);
  const links: Record<string, string> = { ...(m.graphDeltaLinks ?? {}) };
  let applied = 0;
  let resynced = false;
  const seen = new Set<string>();
  for (const folder of WATCHED_FOLDERS) {
    let changes = await changesSince(graph, folder, links[folder]);
    if (!changes) {
      resynced = true;
      changes = (await changesSince(graph, folder, undefined))!;
    } else if (!links[folder]) resynced = true;
    for (const c of changes.messages) {
      if (c['@removed'] || c.isDraft || seen.has(c.id) || !c.conversationId || !threads.has(c.conversationId)) continue;
      if (c.from?.emailAddress?.address?.toLowerCase() === m.address.toLowerCase()) continue;
      seen.add(c.id);
      if (await applyMessage(deps, graph, m, c.id)) applied++;
    }
    // Kept per folder as soon as it is read: a failure in the next folder does not read this one again.
    links[folder] = changes.deltaLink;
    await deps.db
      .update(mailboxes)
      .set({ graphDeltaLinks: { ...links } })
      .where(and(eq(mailboxes.id, m.id), eq(mailboxes.workspaceId, m.workspaceId)));
  }
  return { seen: seen.size, applied, resynced };
}

async function applyMessage(deps: Deps, graph: Graph, m: MailboxRow, id: string): Promise<boolean> {
  let raw: ArrayBuffer;
  try {
    raw = (await graph.api(`/me/messages/${encodeURIComponent(id)}/$value`).responseType('arraybuffer' as ResponseType).get()) as ArrayBuffer;
  } catch (err) {
    const f = microsoftFailure(err);
    if (f.kind === 'refused' && f.status === 404) return false; // deleted since
    throw err;
  }
  return applyFetchedMail(deps, m, 'microsoft', id, Buffer.from(raw), new Date());
}

/** Polls every connected Microsoft 365 mailbox with conversations of live enrollments. */
export async function pollOutlookMailboxes(deps: Deps, accounts: MicrosoftAccounts): Promise<void> {
  await pollMailboxes(deps, 'microsoft', clientsOf(accounts, (a) => a.graph), (graph, m) => pollOutlookMailbox(deps, graph, m), microsoftFailure);
}

export type OutlookPollerOptions = Deps & { microsoft: MicrosoftConfig; secrets: SecretBox; intervalMs?: number };

export function startOutlookPoller(o: OutlookPollerOptions): { stop: () => Promise<void> } {
  const accounts = createMicrosoftAccounts(o.microsoft, o.secrets, { db: o.db });
  return startPeriodic('microsoft polling', o.intervalMs ?? 30_000, () => pollOutlookMailboxes({ ...o, turnMs: o.intervalMs ?? 30_000 }, accounts));
}
