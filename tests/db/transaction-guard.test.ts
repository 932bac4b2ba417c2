// Nothing inside a transaction may use the outer handle: on PGlite (one connection) it would
// wait forever. The guarded handle (PGlite always, every test database) throws at once.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { workspaces } from '../../db/schema.js';
import { OuterHandleInTransactionError } from '../../db/transaction-guard.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let pg: TestDatabase;
let lite: DatabaseHandle;

beforeAll(async () => {
  pg = await createTestDatabase();
  lite = await openDatabase({ inMemory: true });
  await migrateDatabase(lite);
});
afterAll(async () => {
  await pg?.drop();
  await lite?.close();
});

describe.each([
  ['PostgreSQL (test database)', () => pg.db],
  ['PGlite', () => lite.db],
])('the transaction guard on %s', (_name, handle) => {
  it('throws when the outer handle is used inside its transaction, and rolls back', async () => {
    const db = handle();
    const attempt = db.transaction(async (tx) => {
      await tx.insert(workspaces).values({ name: 'inside' });
      await db.select().from(workspaces);
    });
    await expect(attempt).rejects.toBeInstanceOf(OuterHandleInTransactionError);
    expect(await db.select().from(workspaces).where(sql`${workspaces.name} = 'inside'`)).toEqual([]);
  });

  it('lets the transaction handle, nested transactions and other requests work', async () => {
    const db = handle();
    const [outside, inside] = await Promise.all([
      // Another request, in its own async context, while the transaction runs.
      db.select({ one: sql<number>`1` }).from(workspaces).limit(1),
      db.transaction(async (tx) => {
        const [w] = await tx.insert(workspaces).values({ name: 'kept' }).returning();
        await tx.transaction(async (inner) => inner.update(workspaces).set({ name: 'kept twice' }).where(sql`${workspaces.id} = ${w!.id}`));
        return w!.id;
      }),
    ]);
    expect(outside).toBeDefined();
    const [row] = await db.select().from(workspaces).where(sql`${workspaces.id} = ${inside}`);
    expect(row?.name).toBe('kept twice');
  });
});
