// Enrolling a prospect: checks every id against the workspace, freezes the sequence's latest
// published version into the workflow input, and starts one workflow per (prospect, sequence).
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { suppressionOf } from '../../activities/suppression.js';
import type { Database } from '../../db/client.js';
import { enrollments, mailboxes, prospects, sequences, sequenceVersions, users } from '../../db/schema.js';
import { parseSequenceDefinition, type SequenceDefinition } from '../../domain/sequences/index.js';
import { enrollmentWorkflowId } from '../../workflows/ids.js';
import type { EnrollmentInput } from '../../workflows/enrollment/input.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError } from '../problem.js';

export type EnrollRequest = {
  prospectId: string;
  sequenceId: string;
  repId: string;
  context?: string | undefined;
  pretext?: string | undefined;
  startAt?: string | undefined;
  /** One of the rep's mailboxes; by default the rep's default mailbox at send time. */
  mailboxId?: string | undefined;
};

/** Published versions never change: each is parsed and validated once per process. */
const parsedVersions = new Map<string, SequenceDefinition>();
function definitionOf(sequenceId: string, version: number, raw: unknown): SequenceDefinition {
  const key = `${sequenceId}@${version}`;
  let def = parsedVersions.get(key);
  if (!def) {
    def = parseSequenceDefinition(raw);
    if (parsedVersions.size >= 1000) parsedVersions.delete(parsedVersions.keys().next().value!);
    parsedVersions.set(key, def);
  }
  return def;
}

const invalid = (field: string, message: string) => new ProblemError('validation-failed', 422, `body.${field}: ${message}`, { errors: [{ field: `body.${field}`, message }] });

/** A suppressed address (or domain) is never enrolled: the list applies to every channel. */
async function assertNotSuppressed(db: Database, workspaceId: string, email: string | null): Promise<void> {
  const hit = email ? await suppressionOf(db, workspaceId, email) : null;
  if (hit) throw invalid('prospectId', `the prospect's address is on the suppression list (${hit})`);
}

/** The mailbox must be one of the enrolling rep's, in the workspace, and not disabled. */
async function assertRepMailbox(db: Database, workspaceId: string, repId: string, mailboxId: string | undefined): Promise<void> {
  if (!mailboxId) return;
  const [box] = await db
    .select({ status: mailboxes.status })
    .from(mailboxes)
    .where(and(eq(mailboxes.id, mailboxId), eq(mailboxes.workspaceId, workspaceId), eq(mailboxes.userId, repId)));
  if (!box) throw invalid('mailboxId', "not one of the rep's mailboxes in this workspace");
  if (box.status === 'disabled') throw invalid('mailboxId', 'the mailbox is disabled');
}

function notFound(field: string, what: string) {
  return new ProblemError('not-found', 404, `${what} not found in this workspace`, {
    errors: [{ field: `body.${field}`, message: `no such ${what} in this workspace` }],
  });
}

export async function enroll(deps: ApiDeps, workspaceId: string, body: EnrollRequest) {
  const { db, temporal, taskQueue } = deps;
  // Independent look-ups, side by side; each is scoped to the workspace.
  const [[prospect], [rep], [sequence], [latest]] = await Promise.all([
    db
      .select({ id: prospects.id, accountId: prospects.accountId, status: prospects.status, email: prospects.email })
      .from(prospects)
      .where(and(eq(prospects.id, body.prospectId), eq(prospects.workspaceId, workspaceId))),
    db.select({ id: users.id }).from(users).where(and(eq(users.id, body.repId), eq(users.workspaceId, workspaceId))),
    db
      .select({ id: sequences.id, status: sequences.status })
      .from(sequences)
      .where(and(eq(sequences.id, body.sequenceId), eq(sequences.workspaceId, workspaceId))),
    db
      .select({ version: sequenceVersions.version, definition: sequenceVersions.definition })
      .from(sequenceVersions)
      .where(and(eq(sequenceVersions.sequenceId, body.sequenceId), eq(sequenceVersions.workspaceId, workspaceId), isNotNull(sequenceVersions.publishedAt)))
      .orderBy(desc(sequenceVersions.version))
      .limit(1),
  ]);
  if (!prospect) throw notFound('prospectId', 'prospect');
  if (prospect.status === 'opted_out') {
    throw new ProblemError('conflict', 409, 'the prospect opted out: no cadence may touch them', { errors: [{ field: 'body.prospectId', message: 'the prospect opted out' }] });
  }
  await assertNotSuppressed(db, workspaceId, prospect.email);
  if (!rep) throw notFound('repId', 'rep');
  await assertRepMailbox(db, workspaceId, body.repId, body.mailboxId);
  if (!sequence) throw notFound('sequenceId', 'sequence');
  if (sequence.status === 'archived') throw new ProblemError('conflict', 409, 'the sequence is archived');
  if (!latest) throw new ProblemError('conflict', 409, 'the sequence has no published version');

  const workflowId = enrollmentWorkflowId(workspaceId, body.prospectId, body.sequenceId);
  const inserted = await db
    .insert(enrollments)
    .values({
      workspaceId,
      prospectId: body.prospectId,
      sequenceId: body.sequenceId,
      sequenceVersion: latest.version,
      repId: body.repId,
      workflowId,
      context: body.context ?? null,
      pretext: body.pretext ?? null,
      mailboxId: body.mailboxId ?? null,
    })
    .onConflictDoNothing({ target: enrollments.workflowId })
    .returning();
  const row = inserted[0];
  if (!row) {
    const [existing] = await db.select().from(enrollments).where(eq(enrollments.workflowId, workflowId));
    return { row: existing!, created: false };
  }
  const input: EnrollmentInput = {
    version: 2,
    workspaceId,
    enrollmentId: row.id,
    prospectId: row.prospectId,
    accountId: prospect.accountId,
    sequence: { id: body.sequenceId, version: latest.version, definition: definitionOf(body.sequenceId, latest.version, latest.definition) },
    ...(body.startAt ? { startAt: new Date(body.startAt).toISOString() } : {}),
  };
  try {
    await temporal.workflow.start('enrollmentWorkflow', { taskQueue, workflowId, args: [input], workflowIdConflictPolicy: 'USE_EXISTING' });
  } catch (err) {
    // Temporal refused: remove the row so no enrollment is left without its workflow.
    await db.delete(enrollments).where(eq(enrollments.id, row.id));
    throw err;
  }
  return { row, created: true };
}
