// Publishing sequences: a version is validated, then frozen; enrollments keep the version
// they started with, new enrollments take the latest.
import { and, eq, max } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { sequences, sequenceVersions } from '../../db/schema.js';
import { DEFAULT_SEQUENCES, parseSequenceDefinition, SequenceDefinitionError, type SequenceDefinition } from '../../domain/sequences/index.js';
import { ProblemError } from '../problem.js';

export function validateDefinition(input: unknown, fieldPrefix = 'body.definition'): SequenceDefinition {
  try {
    return parseSequenceDefinition(input);
  } catch (err) {
    if (!(err instanceof SequenceDefinitionError)) throw err;
    const errors = err.errors.map((e) => ({ field: e.field ? `${fieldPrefix}.${e.field}` : fieldPrefix, message: e.message }));
    throw new ProblemError('validation-failed', 422, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  }
}

export async function createSequence(db: Database, workspaceId: string, def: SequenceDefinition) {
  return db.transaction(async (tx) => {
    const [seq] = await tx
      .insert(sequences)
      .values({ workspaceId, key: def.key, name: def.name, status: 'active' })
      .onConflictDoNothing({ target: [sequences.workspaceId, sequences.key] })
      .returning();
    if (!seq) throw new ProblemError('conflict', 409, `a sequence with key "${def.key}" already exists`, { errors: [{ field: 'body.definition.key', message: 'already used in this workspace' }] });
    const [version] = await tx
      .insert(sequenceVersions)
      .values({ workspaceId, sequenceId: seq.id, version: 1, definition: def, publishedAt: new Date() })
      .returning();
    return { sequence: seq, version: version! };
  });
}

export async function publishVersion(db: Database, workspaceId: string, sequenceId: string, def: SequenceDefinition) {
  return db.transaction(async (tx) => {
    const [seq] = await tx
      .select()
      .from(sequences)
      .where(and(eq(sequences.id, sequenceId), eq(sequences.workspaceId, workspaceId)))
      .for('update');
    if (!seq) throw new ProblemError('not-found', 404, 'no such sequence in this workspace');
    if (seq.status === 'archived') throw new ProblemError('conflict', 409, 'the sequence is archived');
    if (def.key !== seq.key) {
      throw new ProblemError('validation-failed', 422, `definition.key must stay "${seq.key}"`, { errors: [{ field: 'body.definition.key', message: `must stay "${seq.key}"` }] });
    }
    const [last] = await tx.select({ v: max(sequenceVersions.version) }).from(sequenceVersions).where(eq(sequenceVersions.sequenceId, seq.id));
    const [version] = await tx
      .insert(sequenceVersions)
      .values({ workspaceId, sequenceId: seq.id, version: (last?.v ?? 0) + 1, definition: def, publishedAt: new Date() })
      .returning();
    await tx.update(sequences).set({ name: def.name }).where(eq(sequences.id, seq.id));
    return { sequence: seq, version: version! };
  });
}

/** Every new workspace starts with the playbook's cadences, published as version 1. */
export async function installDefaultSequences(db: Database, workspaceId: string): Promise<void> {
  for (const def of DEFAULT_SEQUENCES) await createSequence(db, workspaceId, def);
}
