// "Nothing was written": a digest of every row of a workspace, in every table that has a
// workspace_id (found in the catalog, so a new table is covered), on PostgreSQL and PGlite alike.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];

export async function workspaceDigest(db: Database, workspaceId: string): Promise<Record<string, string>> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'workspace_id' order by table_name`),
  ).map((r) => r.table_name);
  const out: Record<string, string> = {};
  for (const t of tables) {
    // An API key's last use moves with every request it makes; everything else must stay put.
    const [row] = rowsOf<{ d: string }>(
      await db.execute(sql`select count(*) || ':' || md5(coalesce(string_agg((to_jsonb(x) - 'last_used_at')::text, ',' order by (to_jsonb(x))::text), '')) as d from ${sql.identifier(t)} x where workspace_id = ${workspaceId}`),
    );
    out[t] = String(row?.d);
  }
  const [ws] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from workspaces`));
  out['workspaces (all)'] = String(ws?.n);
  return out;
}
