// Publishing sequences: a version is validated, then frozen; enrollments keep the version
// they started with, new enrollments take the latest. A sequence has at most one draft: the
// unpublished version row, numbered right after the last published one (renumbered when a
// version is published over it), so "latest published" never sees it.
import { and, desc, eq, isNull, max, isNotNull } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.js';
import { sequences, sequenceVersions, workspaces } from '../../db/schema.js';
import { coldCallMessage, coldCalls, DEFAULT_SEQUENCES, parseSequenceDefinition, SequenceDefinitionError, warmRuleFor, type SequenceDefinition } from '../../domain/sequences/index.js';
import type { TimingRulesInput } from '../../domain/timing/index.js';
import { ProblemError } from '../problem.js';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
type SequenceRow = typeof sequences.$inferSelect;

/** The field errors of a definition, each prefixed by where it sits in the request. */
export function definitionErrors(input: unknown, fieldPrefix = 'body.definition'): { def: SequenceDefinition | null; errors: { field: string; message: string }[] } {
  try {
    return { def: parseSequenceDefinition(input), errors: [] };
  } catch (err) {
    if (!(err instanceof SequenceDefinitionError)) throw err;
    return { def: null, errors: err.errors.map((e) => ({ field: e.field ? `${fieldPrefix}.${e.field}` : fieldPrefix, message: e.message })) };
  }
}

export function validateDefinition(input: unknown, fieldPrefix = 'body.definition'): SequenceDefinition {
  const { def, errors } = definitionErrors(input, fieldPrefix);
  if (!def) throw new ProblemError('validation-failed', 422, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  return def;
}

/** Warm before calling (PLAYBOOK §3): the call steps the workspace's rule refuses, as field errors. */
export async function coldCallErrors(db: Database, workspaceId: string, def: SequenceDefinition, fieldPrefix = 'body.definition') {
  const [ws] = await db.select({ timingRules: workspaces.timingRules }).from(workspaces).where(eq(workspaces.id, workspaceId));
  const rule = warmRuleFor(def, (ws?.timingRules as TimingRulesInput | undefined)?.warmBeforeCall);
  return coldCalls(def, rule).map((c) => ({ field: `${fieldPrefix}.steps.${c.stepIndex}`, message: `step "${c.stepId}": ${coldCallMessage(c)}` }));
}

/** Publishing a sequence that calls too cold is refused, naming the step. */
async function assertWarmBeforeCall(db: Database, workspaceId: string, def: SequenceDefinition, fieldPrefix = 'body.definition') {
  const errors = await coldCallErrors(db, workspaceId, def, fieldPrefix);
  if (errors.length > 0) throw new ProblemError('validation-failed', 422, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}

/** Creates the sequence with version 1, published unless `publish` is false (then a draft). */
export async function createSequence(db: Database, workspaceId: string, def: SequenceDefinition, opts: { publish?: boolean } = {}) {
  const publish = opts.publish ?? true;
  if (publish) await assertWarmBeforeCall(db, workspaceId, def);
  return db.transaction(async (tx) => {
    const [seq] = await tx
      .insert(sequences)
      .values({ workspaceId, key: def.key, name: def.name, status: publish ? 'active' : 'draft' })
      .onConflictDoNothing({ target: [sequences.workspaceId, sequences.key] })
      .returning();
    if (!seq) throw new ProblemError('conflict', 409, `a sequence with key "${def.key}" already exists`, { errors: [{ field: 'body.definition.key', message: 'already used in this workspace' }] });
    const [version] = await tx
      .insert(sequenceVersions)
      .values({ workspaceId, sequenceId: seq.id, version: 1, definition: def, publishedAt: publish ? new Date() : null })
      .returning();
    return { sequence: seq, version: version! };
  });
}

/** The sequence row, locked for the rest of the transaction; 404 outside the workspace. */
async function lockSequence(tx: Tx, workspaceId: string, sequenceId: string, forChange = true): Promise<SequenceRow> {
  const [seq] = await tx
    .select()
    .from(sequences)
    .where(and(eq(sequences.id, sequenceId), eq(sequences.workspaceId, workspaceId)))
    .for('update');
  if (!seq) throw new ProblemError('not-found', 404, 'no such sequence in this workspace');
  if (forChange && seq.status === 'archived') throw new ProblemError('conflict', 409, 'the sequence is archived');
  return seq;
}

function sameKey(seq: SequenceRow, def: SequenceDefinition) {
  if (def.key !== seq.key) {
    throw new ProblemError('validation-failed', 422, `definition.key must stay "${seq.key}"`, { errors: [{ field: 'body.definition.key', message: `must stay "${seq.key}"` }] });
  }
}

const draftOf = async (tx: Tx, sequenceId: string) =>
  (await tx.select().from(sequenceVersions).where(and(eq(sequenceVersions.sequenceId, sequenceId), isNull(sequenceVersions.publishedAt))))[0];

const lastPublished = async (tx: Tx, sequenceId: string) =>
  (await tx.select({ v: max(sequenceVersions.version) }).from(sequenceVersions).where(and(eq(sequenceVersions.sequenceId, sequenceId), isNotNull(sequenceVersions.publishedAt))))[0]?.v ?? 0;

/** Replaces the draft (or starts one); running and new enrollments never see it. */
export async function saveDraft(db: Database, workspaceId: string, sequenceId: string, def: SequenceDefinition) {
  return db.transaction(async (tx) => {
    const seq = await lockSequence(tx, workspaceId, sequenceId);
    sameKey(seq, def);
    const draft = await draftOf(tx, seq.id);
    const [version] = draft
      ? await tx.update(sequenceVersions).set({ definition: def }).where(eq(sequenceVersions.id, draft.id)).returning()
      : await tx
          .insert(sequenceVersions)
          .values({ workspaceId, sequenceId: seq.id, version: (await lastPublished(tx, seq.id)) + 1, definition: def, publishedAt: null })
          .returning();
    return { sequence: seq, version: version! };
  });
}

/** Publishes `def` as a new version, or the draft when `def` is null (409 without a draft). */
export async function publishVersion(db: Database, workspaceId: string, sequenceId: string, def: SequenceDefinition | null) {
  return db.transaction(async (tx) => {
    const seq = await lockSequence(tx, workspaceId, sequenceId);
    const draft = await draftOf(tx, seq.id);
    let version: typeof sequenceVersions.$inferSelect | undefined;
    if (def === null) {
      if (!draft) throw new ProblemError('conflict', 409, 'the sequence has no draft to publish; send a definition');
      // A draft was validated when saved; validate again in case the rules grew stricter.
      def = validateDefinition(draft.definition, 'draft.definition');
      await assertWarmBeforeCall(tx, workspaceId, def, 'draft.definition');
      [version] = await tx.update(sequenceVersions).set({ publishedAt: new Date() }).where(eq(sequenceVersions.id, draft.id)).returning();
    } else {
      sameKey(seq, def);
      await assertWarmBeforeCall(tx, workspaceId, def);
      const next = (await lastPublished(tx, seq.id)) + 1;
      // The draft keeps the number after the last published version.
      if (draft) await tx.update(sequenceVersions).set({ version: next + 1 }).where(eq(sequenceVersions.id, draft.id));
      [version] = await tx.insert(sequenceVersions).values({ workspaceId, sequenceId: seq.id, version: next, definition: def, publishedAt: new Date() }).returning();
    }
    const [updated] = await tx.update(sequences).set({ name: def.name, status: 'active' }).where(eq(sequences.id, seq.id)).returning();
    return { sequence: updated!, version: version! };
  });
}

/** Archived: new enrollments are refused (409), running ones go on with their version. */
export async function archiveSequence(db: Database, workspaceId: string, sequenceId: string) {
  return db.transaction(async (tx) => {
    const seq = await lockSequence(tx, workspaceId, sequenceId, false);
    const [updated] = await tx.update(sequences).set({ status: 'archived' }).where(eq(sequences.id, seq.id)).returning();
    return updated!;
  });
}

/** A sequence and all its versions, newest first. */
export async function sequenceWithVersions(db: Database, workspaceId: string, sequenceId: string) {
  const [seq] = await db.select().from(sequences).where(and(eq(sequences.id, sequenceId), eq(sequences.workspaceId, workspaceId)));
  if (!seq) throw new ProblemError('not-found', 404, 'no such sequence in this workspace');
  const versions = await db.select().from(sequenceVersions).where(eq(sequenceVersions.sequenceId, seq.id)).orderBy(desc(sequenceVersions.version));
  return { sequence: seq, versions };
}

/** Every new workspace starts with the playbook's cadences, published as version 1. */
export async function installDefaultSequences(db: DbOrTx, workspaceId: string): Promise<void> {
  for (const def of DEFAULT_SEQUENCES) await createSequence(db, workspaceId, def);
}
