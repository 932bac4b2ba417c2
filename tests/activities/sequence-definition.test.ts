// Workflows started with a sequence version by reference load its definition: only a published
// version, only from its own workspace.
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequenceDefinitionActivities } from '../../activities/sequence-definition.js';
import { sequenceVersions } from '../../db/schema.js';
import { ANNOUNCED_CALL_SEQUENCE } from '../../domain/sequences/defaults/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedWorkspace } from '../support/fixtures.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

describe('loadSequenceDefinition', () => {
  it('loads a published version of the workspace, and refuses a draft or another workspace', async () => {
    const a = await seedWorkspace(db.db);
    const b = await seedWorkspace(db.db);
    await db.db.insert(sequenceVersions).values([
      { workspaceId: a.workspace.id, sequenceId: a.sequence.id, version: 2, definition: ANNOUNCED_CALL_SEQUENCE, publishedAt: new Date() },
      { workspaceId: a.workspace.id, sequenceId: a.sequence.id, version: 3, definition: { ...ANNOUNCED_CALL_SEQUENCE, name: 'Draft' }, publishedAt: null },
    ]);
    const { loadSequenceDefinition } = createSequenceDefinitionActivities({ db: db.db });

    const def = await loadSequenceDefinition({ workspaceId: a.workspace.id, sequenceId: a.sequence.id, version: 2 });
    expect(def.steps.map((s) => s.id)).toEqual(ANNOUNCED_CALL_SEQUENCE.steps.map((s) => s.id));
    expect(def.name).toBe(ANNOUNCED_CALL_SEQUENCE.name);

    for (const ref of [
      { workspaceId: a.workspace.id, sequenceId: a.sequence.id, version: 3 }, // a draft
      { workspaceId: b.workspace.id, sequenceId: a.sequence.id, version: 2 }, // another workspace
    ]) {
      const failure = await loadSequenceDefinition(ref).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ type: 'NotFound', nonRetryable: true });
    }
  });
});
