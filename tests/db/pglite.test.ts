// The embedded default of `npm start`: the same migrations apply on PGlite, and the same
// Drizzle code reads and writes it. Re-applying migrations is a no-op.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { events, workspaces } from '../../db/schema.js';
import { appendEvent } from '../../application/timeline.js';

describe('PGlite embedded database', () => {
  it('applies the migrations, persists across reopen, and dedupes timeline events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relance-pglite-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      expect(first.kind).toBe('pglite');
      await migrateDatabase(first);
      const [ws] = await first.db.insert(workspaces).values({ name: 'Embedded' }).returning();
      const e = { workspaceId: ws!.id, type: 'note', dedupeKey: 'note:1', payload: { text: 'hello' } };
      expect(await appendEvent(first.db, e)).toBe(true);
      expect(await appendEvent(first.db, e)).toBe(false);
      await first.close();

      const second = await openDatabase({ dataDir: dir });
      await migrateDatabase(second);
      const rows = await second.db.select().from(events).where(eq(events.workspaceId, ws!.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.payload).toEqual({ text: 'hello' });
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
