// A fresh database per test file: cloned from the migrated template on PostgreSQL, or, with
// RELANCE_TEST_DATABASE=pglite (the second pass of `npm test`), a new in-memory PGlite, the
// database `npm start` gives a newcomer, migrated the same way.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { guardTransactions } from '../../db/transaction-guard.js';

export type TestDatabase = DatabaseHandle & { url: string; drop: () => Promise<void> };

export const onPglite = () => process.env.RELANCE_TEST_DATABASE === 'pglite';

export async function createTestDatabase(): Promise<TestDatabase> {
  if (onPglite()) {
    const handle = await openDatabase({ inMemory: true });
    await migrateDatabase(handle);
    return { ...handle, url: 'pglite://memory', drop: handle.close };
  }
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${inject('pgTemplate')}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), maxConnections: 5 });
  return {
    ...handle,
    // As PGlite always is: using the outer handle inside one of its transactions throws.
    db: guardTransactions(handle.db),
    url: url.toString(),
    drop: async () => {
      await handle.close();
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
