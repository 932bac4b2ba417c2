// Enrolling in one SQL statement: every check (prospect, opt-out, suppression list, rep, mailbox,
// sequence, latest published version) and the enrollment row's insert, in a single round trip.
// Enrolling is the hot path of imports and inbound leads; six statements one after the other
// cost more than the workflow start itself. The statement reports what it found, so a refusal
// still names its field without another query.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';

export type EnrollAttempt = {
  /** The new enrollment's id (time-ordered, see workflows/ids.ts), used only if it is created. */
  id: string;
  workspaceId: string;
  prospectId: string;
  sequenceId: string;
  repId: string;
  workflowId: string;
  context: string | null;
  pretext: string | null;
  mailboxId: string | null;
  startAt: Date | null;
};

/** What the statement found; `inserted` is null when a check failed or the enrollment existed. */
export type EnrollFindings = {
  prospectFound: boolean;
  prospectStatus: string | null;
  accountId: string | null;
  suppressedBy: string | null;
  repFound: boolean;
  mailboxStatus: string | null;
  sequenceStatus: string | null;
  version: number | null;
  inserted: { id: string; createdAt: Date; updatedAt: Date } | null;
};

type Row = {
  prospect_found: boolean;
  prospect_status: string | null;
  account_id: string | null;
  suppressed_by: string | null;
  rep_found: boolean;
  mailbox_status: string | null;
  sequence_status: string | null;
  version: number | null;
  enrollment_id: string | null;
  created_at: string | Date | null;
  updated_at: string | Date | null;
};

/**
 * The suppression entries that would cover a lower-cased address, as rows: the address, its
 * domain, then every parent domain down to two labels. The same list as `suppressionKeys`
 * (application/suppression.ts), which the send-time check uses; a property test keeps them equal.
 */
export const suppressionKeysSql = (address: SQL) => sql`
  select ${address}
  union all
  select array_to_string(d.labels[i:], '.')
  from (select string_to_array(substring(${address} from '@([^@]*)$'), '.') as labels) d,
       generate_series(1, cardinality(d.labels) - 1) as i`;

const asDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

export async function checkAndInsertEnrollment(db: Database, a: EnrollAttempt): Promise<EnrollFindings> {
  const ws = sql`${a.workspaceId}::uuid`;
  const rows = await db.execute<Row>(sql`
    with p as (
      select id, account_id, status, lower(trim(email)) as address
      from prospects where id = ${a.prospectId}::uuid and workspace_id = ${ws}
    ),
    sup as (
      select s.value from suppressions s, p
      where s.workspace_id = ${ws}
        and s.value in (${suppressionKeysSql(sql`p.address`)})
      order by s.kind desc, s.created_at asc -- the address itself before a domain
      limit 1
    ),
    c as (
      select
        exists (select 1 from p) as prospect_found,
        (select status from p) as prospect_status,
        (select account_id from p) as account_id,
        (select value from sup) as suppressed_by,
        exists (select 1 from users where id = ${a.repId}::uuid and workspace_id = ${ws}) as rep_found,
        (select status from mailboxes
          where id = ${a.mailboxId}::uuid and workspace_id = ${ws} and user_id = ${a.repId}::uuid) as mailbox_status,
        (select status from sequences where id = ${a.sequenceId}::uuid and workspace_id = ${ws}) as sequence_status,
        (select version from sequence_versions
          where sequence_id = ${a.sequenceId}::uuid and workspace_id = ${ws} and published_at is not null
          order by version desc limit 1) as version
    ),
    ins as (
      insert into enrollments (id, workspace_id, prospect_id, sequence_id, sequence_version, rep_id, workflow_id, context, pretext, mailbox_id, start_at)
      select ${a.id}::uuid, ${ws}, ${a.prospectId}::uuid, ${a.sequenceId}::uuid, c.version, ${a.repId}::uuid, ${a.workflowId}, ${a.context}::text, ${a.pretext}::text, ${a.mailboxId}::uuid, ${a.startAt?.toISOString() ?? null}::timestamptz
      from c
      where c.prospect_found and c.prospect_status <> 'opted_out' and c.suppressed_by is null and c.rep_found
        and (${a.mailboxId}::uuid is null or c.mailbox_status <> 'disabled')
        and c.sequence_status <> 'archived' and c.version is not null
      on conflict (workspace_id, prospect_id, sequence_id) do nothing
      returning id, created_at, updated_at
    )
    select c.*, ins.id as enrollment_id, ins.created_at, ins.updated_at from c left join ins on true
  `);
  const r = rowsOf<Row>(rows)[0]!;
  return {
    prospectFound: r.prospect_found,
    prospectStatus: r.prospect_status,
    accountId: r.account_id,
    suppressedBy: r.suppressed_by,
    repFound: r.rep_found,
    mailboxStatus: r.mailbox_status,
    sequenceStatus: r.sequence_status,
    version: r.version,
    inserted: r.enrollment_id ? { id: r.enrollment_id, createdAt: asDate(r.created_at!), updatedAt: asDate(r.updated_at!) } : null,
  };
}
