// Bulk prospect import. Rows are validated one by one (a bad row is reported, the others land),
// deduplicated by lower-cased email, then written in multi-row statements of BATCH_SIZE rows.
//
// Policy for an email already in the workspace: the prospect is UPDATED with the fields the row
// gives (blank cells keep the stored value), and counted as skipped when nothing changes.
// Within one import the first row of an email wins; later ones are counted as skipped.
// Accounts are found or created by domain (companyDomain); a company without a domain is
// matched by name among the workspace's accounts that have no domain.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import type { Database, DbOrTx } from '../../db/client.js';
import { accounts, prospects } from '../../db/schema.js';
import { resolvePlace, TimingError } from '../../domain/timing/index.js';
import { storableText } from '../validation.js';

export const IMPORT_COLUMNS = ['email', 'firstName', 'lastName', 'title', 'phone', 'country', 'region', 'timeZone', 'company', 'companyDomain'] as const;
export const MAX_IMPORT_ROWS = 10_000;
const BATCH_SIZE = 1_000;

export type ImportRowError = { row: number; field: string; message: string };
export type ImportResult = { created: number; updated: number; skipped: number; errors: ImportRowError[] };

/** CSV cells and JSON values alike: trimmed, and blank or null means "not given". */
const blank = (v: unknown) => (v === null ? undefined : typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v);
// Text PostgreSQL cannot store (NUL, an unpaired surrogate) is a row error, not a 500.
const text = (max: number) => z.preprocess(blank, storableText(z.string().max(max)).optional());
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

const RowSchema = z.strictObject({
  email: z.preprocess(blank, z.email({ error: (iss) => (iss.input === undefined ? 'required' : 'not an email address') }).transform((e) => e.toLowerCase())),
  firstName: text(100),
  lastName: text(100),
  title: text(200),
  phone: text(50),
  country: text(100),
  region: text(100),
  timeZone: text(100),
  company: text(200),
  companyDomain: z.preprocess(
    (v) => (typeof blank(v) === 'string' ? (blank(v) as string).toLowerCase().replace(/^www\./, '') : blank(v)),
    z.string().regex(DOMAIN, 'a domain name such as example.com').optional(),
  ),
});
type Row = z.infer<typeof RowSchema>;

type Ready = {
  row: number;
  email: string;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  phone: string | null;
  country: string | null;
  region: string | null;
  timeZone: string | null;
  company: string | null;
  companyDomain: string | null;
};

/** One row to what is stored, or its errors. `row` is 1-based (CSV: the first line after the header). */
function prepare(input: unknown, row: number): Ready | ImportRowError[] {
  const parsed = RowSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys' ? i.keys.map((k) => ({ row, field: k, message: 'unknown field' })) : [{ row, field: i.path.map(String).join('.') || 'row', message: i.message }],
    );
  }
  const r: Row = parsed.data;
  let place: { country: string | null; region: string | null; timeZone: string | null } = { country: null, region: null, timeZone: null };
  if (r.timeZone || r.country || r.region) {
    try {
      const p = resolvePlace({ timeZone: r.timeZone ?? null, country: r.country ?? null, region: r.region ?? null });
      place = { country: p.country ?? null, region: p.region ?? null, timeZone: r.timeZone ? p.timeZone : null };
    } catch (err) {
      if (!(err instanceof TimingError)) throw err;
      return [{ row, field: err.field, message: err.message }];
    }
  }
  return {
    row,
    email: r.email,
    firstName: r.firstName ?? null,
    lastName: r.lastName ?? null,
    title: r.title ?? null,
    phone: r.phone ?? null,
    ...place,
    company: r.company ?? null,
    companyDomain: r.companyDomain ?? null,
  };
}

const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Account id per domain and per (domainless) company name, creating what is missing. */
async function resolveAccounts(tx: DbOrTx, workspaceId: string, rows: Ready[]) {
  const byDomain = new Map<string, string>();
  const byName = new Map<string, string>();
  const domains = new Map<string, string>();
  const names = new Map<string, string>();
  for (const r of rows) {
    if (r.companyDomain) {
      if (!domains.has(r.companyDomain)) domains.set(r.companyDomain, r.company ?? r.companyDomain);
    } else if (r.company && !names.has(r.company.toLowerCase())) names.set(r.company.toLowerCase(), r.company);
  }
  for (const part of chunks([...domains], BATCH_SIZE)) {
    await tx
      .insert(accounts)
      .values(part.map(([domain, name]) => ({ workspaceId, domain, name })))
      .onConflictDoNothing({ target: [accounts.workspaceId, accounts.domain] });
    const found = await tx.select({ id: accounts.id, domain: accounts.domain }).from(accounts).where(and(eq(accounts.workspaceId, workspaceId), inArray(accounts.domain, part.map(([d]) => d))));
    for (const a of found) byDomain.set(a.domain!, a.id);
  }
  for (const part of chunks([...names], BATCH_SIZE)) {
    const found = await tx
      .select({ id: accounts.id, name: accounts.name })
      .from(accounts)
      .where(and(eq(accounts.workspaceId, workspaceId), isNull(accounts.domain), inArray(sql`lower(${accounts.name})`, part.map(([k]) => k))));
    for (const a of found) if (!byName.has(a.name.toLowerCase())) byName.set(a.name.toLowerCase(), a.id);
    const missing = part.filter(([k]) => !byName.has(k));
    if (missing.length === 0) continue;
    const created = await tx.insert(accounts).values(missing.map(([, name]) => ({ workspaceId, name }))).returning({ id: accounts.id, name: accounts.name });
    for (const a of created) byName.set(a.name.toLowerCase(), a.id);
  }
  return (r: Ready) => (r.companyDomain ? byDomain.get(r.companyDomain) : r.company ? byName.get(r.company.toLowerCase()) : undefined) ?? null;
}

/** Stored spelling of each email already in the workspace, by lower-cased email (older rows may be mixed-case). */
async function existingEmails(tx: DbOrTx, workspaceId: string, emails: string[]) {
  const stored = new Map<string, string>();
  for (const part of chunks(emails, 5_000)) {
    const found = await tx.select({ email: prospects.email }).from(prospects).where(and(eq(prospects.workspaceId, workspaceId), inArray(sql`lower(${prospects.email})`, part)));
    for (const f of found) stored.set(f.email!.toLowerCase(), f.email!);
  }
  return stored;
}

/** Columns an import writes, as (JSON key, column). Blank cells arrive as null. */
const WRITTEN = [['email', 'email'], ['firstName', 'first_name'], ['lastName', 'last_name'], ['title', 'title'], ['phone', 'phone'], ['country', 'country'], ['region', 'region'], ['timeZone', 'time_zone'], ['accountId', 'account_id']] as const;
const UPDATED = WRITTEN.filter(([k]) => k !== 'email').map(([, c]) => c);
// Static SQL pieces (no input in them). A given value replaces the stored one, a blank keeps it;
// the WHERE leaves rows the import would not change untouched (and out of RETURNING).
const RECORD = sql.raw(WRITTEN.map(([k, c]) => `"${k}" ${c === 'account_id' ? 'uuid' : 'text'}`).join(', '));
const SELECTED = sql.raw(WRITTEN.map(([k]) => `x."${k}"`).join(', '));
const COLUMNS = sql.raw(WRITTEN.map(([, c]) => c).join(', '));
const SET = sql.raw(UPDATED.map((c) => `${c} = coalesce(excluded.${c}, prospects.${c})`).join(', '));
const CHANGED = sql.raw(UPDATED.map((c) => `prospects.${c} is distinct from coalesce(excluded.${c}, prospects.${c})`).join(' or '));

/**
 * One statement per batch, the rows passed as a single JSON parameter: far cheaper to build,
 * send and plan than thousands of bound parameters. xmax is 0 on a freshly inserted row.
 */
async function upsertBatch(tx: DbOrTx, workspaceId: string, batch: Record<string, string | null>[]) {
  const result = (await tx.execute(sql`
    insert into prospects (workspace_id, ${COLUMNS})
    select ${workspaceId}::uuid, ${SELECTED} from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(${RECORD})
    on conflict (workspace_id, email) do update set ${SET} where ${CHANGED}
    returning (xmax = 0) as inserted`)) as unknown;
  const rows = (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as Array<{ inserted: boolean }>;
  return { inserted: rows.filter((r) => r.inserted).length, written: rows.length };
}

export async function importProspects(db: Database, workspaceId: string, input: readonly unknown[]): Promise<ImportResult> {
  const errors: ImportRowError[] = [];
  const ready: Ready[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  input.forEach((raw, i) => {
    const r = prepare(raw, i + 1);
    if (Array.isArray(r)) errors.push(...r);
    else if (seen.has(r.email)) skipped++;
    else {
      seen.add(r.email);
      ready.push(r);
    }
  });
  if (ready.length === 0) return { created: 0, updated: 0, skipped, errors };

  // One transaction: a failure (not a row error) leaves nothing half-imported.
  return db.transaction(async (t) => {
    const tx = t;
    const accountOf = await resolveAccounts(tx, workspaceId, ready);
    const stored = await existingEmails(tx, workspaceId, ready.map((r) => r.email));
    let created = 0;
    let updated = 0;
    for (const part of chunks(ready, BATCH_SIZE)) {
      const { inserted, written } = await upsertBatch(
        tx,
        workspaceId,
        part.map((r) => ({
          email: stored.get(r.email) ?? r.email,
          firstName: r.firstName,
          lastName: r.lastName,
          title: r.title,
          phone: r.phone,
          country: r.country,
          region: r.region,
          timeZone: r.timeZone,
          accountId: accountOf(r),
        })),
      );
      created += inserted;
      updated += written - inserted;
      skipped += part.length - written;
    }
    return { created, updated, skipped, errors };
  });
}
