// One Drizzle database type for both back ends: a PostgreSQL server (postgres.js) when
// DATABASE_URL is set, else PGlite, an embedded PostgreSQL that needs no server at all.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';
import { guardTransactions } from './transaction-guard.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** An open transaction on a Database (what `db.transaction` hands its callback). */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/**
 * A database handle or a transaction: what a function that writes "in the caller's transaction,
 * if any" takes. A transaction is a Database for every query; this name says it may be one.
 */
export type DbOrTx = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Human description without credentials, for start-up logs. */
  describe: string;
  close: () => Promise<void>;
  /** Runs `fn` on one dedicated server connection (session-level locks need one). */
  withReservedConnection?: <T>(fn: (db: Database) => Promise<T>) => Promise<T>;
};

export type OpenDatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string;
  maxConnections?: number;
  /**
   * Named (prepared) statements: one round trip per query instead of two. Off for a pooler in
   * transaction mode that cannot keep them (DATABASE_PREPARED_STATEMENTS=false).
   */
  preparedStatements?: boolean;
  /** PGlite only: keep the database in memory (tests), not in dataDir. */
  inMemory?: boolean;
};

export async function openDatabase(opts: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { preparedByDefault } = await import('./prepared.js');
    const prepare = opts.preparedStatements ?? true;
    const sql = postgres(opts.databaseUrl, {
      max: opts.maxConnections ?? 10,
      onnotice: () => {},
      prepare,
      // Reconnection pause after failed attempts: postgres.js grows it to 20 s, so a server back
      // after a restart would wait that long for its clients; at most 2 s here.
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 2),
    });
    const url = new URL(opts.databaseUrl);
    return {
      db: drizzle(prepare ? preparedByDefault(sql) : sql, { schema }),
      kind: 'postgres',
      describe: `postgres://${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => sql.end({ timeout: 5 }),
      withReservedConnection: async (fn) => {
        // A short-lived client of exactly one connection: every statement shares the session.
        const single = postgres(opts.databaseUrl!, { max: 1, onnotice: () => {} });
        try {
          return await fn(drizzle(single, { schema }));
        } finally {
          await single.end({ timeout: 5 });
        }
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let dir: string | undefined;
  if (!opts.inMemory) {
    dir = resolve(join(opts.dataDir ?? './data', 'pglite'));
    mkdirSync(dir, { recursive: true });
  }
  const client = dir ? await PGlite.create(dir) : await PGlite.create();
  return {
    // One connection: a query on the outer handle inside a transaction would wait forever.
    db: guardTransactions(drizzle(client, { schema })),
    kind: 'pglite',
    describe: dir ? `PGlite (embedded) in ${dir}` : 'PGlite (embedded) in memory',
    close: () => client.close(),
  };
}
