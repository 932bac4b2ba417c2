// Drizzle's queries go as named statements (one round trip, parsed once per connection), inside
// transactions too; bulk statements stay unnamed; the switch turns it all off.
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { workspaces } from '../../db/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** The statements this session prepared, by their text. */
async function preparedTexts(db: DatabaseHandle['db']): Promise<string[]> {
  const rows = (await db.execute(sql`select statement from pg_prepared_statements`)) as unknown as { statement: string }[];
  return rows.map((r) => r.statement);
}

async function withSingleConnection(preparedStatements: boolean, fn: (db: DatabaseHandle['db']) => Promise<void>) {
  const handle = await openDatabase({ databaseUrl: t.url, maxConnections: 1, preparedStatements });
  try {
    await fn(handle.db);
  } finally {
    await handle.close();
  }
}

describe('prepared statements', () => {
  it('prepares parameterized queries, in and out of transactions, and answers the same rows', async () => {
    await withSingleConnection(true, async (db) => {
      const [ws] = await db.insert(workspaces).values({ name: 'Prepared', timeZone: 'Europe/Paris' }).returning();
      const first = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, ws!.id));
      const again = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, ws!.id));
      const inTx = await db.transaction((tx) => tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, ws!.id)));
      expect([first, again, inTx]).toEqual([[{ name: 'Prepared' }], [{ name: 'Prepared' }], [{ name: 'Prepared' }]]);
      const texts = await preparedTexts(db);
      const selects = texts.filter((s) => s.startsWith('select "name" from "workspaces" where "workspaces"."id" = $1'));
      // One statement for the three executions: parsed once on this connection.
      expect(selects).toHaveLength(1);
      expect(texts.some((s) => s.startsWith('insert into "workspaces"'))).toBe(true);
    });
  });

  it('leaves statements with many parameters (bulk writes) unnamed', async () => {
    await withSingleConnection(true, async (db) => {
      const ids = Array.from({ length: 150 }, () => crypto.randomUUID());
      expect(await db.select({ id: workspaces.id }).from(workspaces).where(inArray(workspaces.id, ids))).toEqual([]);
      expect((await preparedTexts(db)).some((s) => s.includes('"workspaces"."id" in ('))).toBe(false);
    });
  });

  it('prepares nothing when turned off (a pooler in transaction mode)', async () => {
    await withSingleConnection(false, async (db) => {
      await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.name, 'nobody'));
      expect(await preparedTexts(db)).toEqual([]);
    });
  });
});
