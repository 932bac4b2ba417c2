// "Nothing was written": a digest of every row of a workspace, in every table that has a
// workspace_id (found in the catalog, so a new table is covered), on PostgreSQL and PGlite alike.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';


export async function workspaceDigest(db: Database, workspaceId: string): Promise<Record<string, string>> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'workspace_id' order by table_name`),
  ).map((r) => r.table_name);
  if (tables.length < 20) throw new Error(`only ${tables.length} workspace tables found`);
  const out: Record<string, string> = {};
  for (const t of tables) {
    // An API key's last use moves with every request it makes; everything else must stay put.
    const [row] = rowsOf<{ d: string }>(
      await db.execute(sql`select count(*) || ':' || md5(coalesce(string_agg((to_jsonb(x) - 'last_used_at')::text, ',' order by (to_jsonb(x) - 'last_used_at')::text), '')) as d from ${sql.identifier(t)} x where workspace_id = ${workspaceId}`),
    );
    out[t] = String(row?.d);
  }
  const [ws] = rowsOf<{ n: number | string; d: string }>(await db.execute(sql`select count(*) as n, md5(coalesce(string_agg(case when id = ${workspaceId} then to_jsonb(w)::text end, ''), '')) as d from workspaces w`));
  out['workspaces (all)'] = String(ws?.n);
  out['the workspace'] = String(ws?.d);
  return out;
}
