// Rows of a raw `db.execute`: postgres.js answers an array of rows, PGlite an object holding them.
export function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}
