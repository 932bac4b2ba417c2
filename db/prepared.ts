// Drizzle sends every query unnamed (`prepare: false`). postgres.js then asks the server for the
// parameter types first: two round trips per query, and a parse and plan at every execution.
// Named statements take one round trip and are parsed once per connection; postgres.js caches
// them by text. Large statements (bulk inserts of an import) vary in shape from one call to the
// next, so they stay unnamed rather than fill each connection's cache.
import type { Sql } from 'postgres';

const MAX_PREPARED_PARAMETERS = 100;

type Callback = (sql: Sql) => unknown;

/** The same client, with drizzle's queries (and those of its transactions) sent as named statements. */
export function preparedByDefault(sql: Sql): Sql {
  // Transactions and savepoints hand their callback a client of their own: wrap it too.
  const wrapLast = (args: unknown[]) => {
    const fn = args.at(-1) as Callback;
    return [...args.slice(0, -1), (inner: Sql) => fn(preparedByDefault(inner))];
  };
  return new Proxy(sql, {
    get(target, prop, receiver) {
      switch (prop) {
        case 'unsafe':
          return (query: string, params: unknown[] = [], options: Record<string, unknown> = {}) =>
            target.unsafe(query, params as never, { ...options, prepare: params.length <= MAX_PREPARED_PARAMETERS });
        case 'begin':
        case 'savepoint': {
          const method = Reflect.get(target, prop, receiver) as (...a: unknown[]) => unknown;
          return (...args: unknown[]) => method.apply(target, wrapLast(args));
        }
        default:
          return Reflect.get(target, prop, receiver);
      }
    },
  });
}
