// Nothing inside a transaction may query through the outer database handle. On PostgreSQL it
// reads outside the transaction (and can wait on the transaction's own locks); on PGlite, a
// single connection held by the transaction, it waits forever and takes the whole service down.
// The guarded handle throws at once instead: PGlite always runs guarded, and so does every test
// database, so a violation fails a test on PostgreSQL as well.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from './client.js';

export class OuterHandleInTransactionError extends Error {
  override name = 'OuterHandleInTransactionError';
  constructor(method: string) {
    super(`db.${method}() called inside a transaction of the same database: use the transaction's handle`);
  }
}

/** The handles whose transaction the current async context is inside. */
const insideTransactionOf = new AsyncLocalStorage<ReadonlySet<object>>();

/** The query entry points of a Drizzle database. */
const QUERY_METHODS = new Set(['select', 'selectDistinct', 'selectDistinctOn', 'insert', 'update', 'delete', 'execute', 'with', '$with', '$count', 'refreshMaterializedView', 'transaction']);

export function guardTransactions(db: Database): Database {
  const guarded: Database = new Proxy(db, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || typeof value !== 'function') {
        // db.query.<table>.findMany(): the relational API, checked when its builder is made.
        if (prop === 'query' && value && typeof value === 'object') assertOutside('query');
        return value;
      }
      if (!QUERY_METHODS.has(prop)) return value.bind(target);
      return (...args: unknown[]) => {
        assertOutside(prop);
        if (prop !== 'transaction') return (value as (...a: unknown[]) => unknown).apply(target, args);
        const [fn, ...rest] = args as [(tx: unknown) => Promise<unknown>, ...unknown[]];
        const inside = new Set(insideTransactionOf.getStore() ?? []).add(guarded);
        return (value as (...a: unknown[]) => unknown).apply(target, [(tx: unknown) => insideTransactionOf.run(inside, () => fn(tx)), ...rest]);
      };
    },
  });
  function assertOutside(method: string) {
    if (insideTransactionOf.getStore()?.has(guarded)) throw new OuterHandleInTransactionError(method);
  }
  return guarded;
}
