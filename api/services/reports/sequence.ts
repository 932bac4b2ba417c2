// Sequence analytics per version and per step (sequence-facts.ts): the facts counted, laid out in
// the order of each version's steps, with the conversion from each step to the next; and the rows
// behind one figure, from the same facts.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { sequences, sequenceVersions } from '../../../db/schema.js';
import { ProblemError } from '../../problem.js';
import { page } from '../../pagination.js';
import { decodeTimeCursor } from '../time-cursor.js';
import { SEQUENCE_FIGURES, cohortCounts, sequenceFactsCte, type SequenceFigure, type SequenceScope } from './sequence-facts.js';

export type StepCounts = Record<SequenceFigure, number>;
export type StepFigures = StepCounts & { stepId: string; type: string | null; nextStepId: string | null; conversionToNext: number | null };
export type VersionFigures = { version: number; enrollments: number; steps: StepFigures[] };

/**
 * Runs the facts query with JIT compilation off: the planner's row estimates for its chained CTEs
 * are far too high, and compiling the plan took 2 s of a 2.2 s answer over a million events
 * (npm run bench:reports) while the query itself runs in about 100 ms.
 */
export async function factsQuery(db: Database, query: SQL): Promise<unknown> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return tx.execute(query);
  });
}

const zero = (): StepCounts => Object.fromEntries(SEQUENCE_FIGURES.map((f) => [f, 0])) as StepCounts;
const rate = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 1000);

/** The sequence in this workspace, or a 404 naming the path parameter. */
export async function sequenceOf(db: Database, workspaceId: string, sequenceId: string): Promise<{ id: string; key: string; name: string }> {
  const [row] = await db
    .select({ id: sequences.id, key: sequences.key, name: sequences.name })
    .from(sequences)
    .where(and(eq(sequences.workspaceId, workspaceId), eq(sequences.id, sequenceId)));
  if (!row) throw new ProblemError('not-found', 404, 'param.sequenceId: no such sequence in this workspace', { errors: [{ field: 'param.sequenceId', message: 'no such sequence' }] });
  return row;
}

type Step = { id: string; type?: string };

/** The sequence's versions, oldest first, with their definitions (the order of their steps). */
export async function versionsOf(db: Database, s: Pick<SequenceScope, 'workspaceId' | 'sequenceId'>): Promise<Array<{ version: number; definition: unknown }>> {
  return db
    .select({ version: sequenceVersions.version, definition: sequenceVersions.definition })
    .from(sequenceVersions)
    .where(and(eq(sequenceVersions.workspaceId, s.workspaceId), eq(sequenceVersions.sequenceId, s.sequenceId)))
    .orderBy(asc(sequenceVersions.version));
}

export async function sequenceReport(db: Database, s: SequenceScope, only?: number): Promise<VersionFigures[]> {
  const rows = rowsOf<{ figure: SequenceFigure; version: number; step_id: string; n: number }>(await db.execute(cohortCounts(s.workspaceId, [s.sequenceId], s)));
  // Step '*' counts each enrollment once: a version's cohort is its enrollments reached at any step.
  const counts = rows.filter((r) => r.step_id !== '*');
  const cohorts = rows.filter((r) => r.step_id === '*' && r.figure === 'reached');
  const versions = await versionsOf(db, s);
  const out: VersionFigures[] = [];
  for (const v of versions) {
    if (only !== undefined && v.version !== only) continue;
    const enrolled = Number(cohorts.find((c) => Number(c.version) === v.version)?.n ?? 0);
    // Versions nobody ran in the period are left out, unless asked for by number.
    if (enrolled === 0 && only === undefined) continue;
    const defined = ((v.definition as { steps?: Step[] } | null)?.steps ?? []).map((st) => ({ id: st.id, type: st.type ?? null }));
    // A step the facts name that the definition does not (data older than an edit) still shows, last.
    const extra = [...new Set(counts.filter((c) => Number(c.version) === v.version && !defined.some((d) => d.id === c.step_id)).map((c) => c.step_id))].sort();
    const all = [...defined, ...extra.map((id) => ({ id, type: null }))];
    const steps = all.map((st, i): StepFigures => {
      const c = zero();
      for (const r of counts) if (Number(r.version) === v.version && r.step_id === st.id) c[r.figure] = Number(r.n);
      const nextStepId = i < defined.length - 1 ? defined[i + 1]!.id : null;
      return { stepId: st.id, type: st.type, ...c, nextStepId, conversionToNext: nextStepId ? rate(c.continued, c.reached) : null };
    });
    out.push({ version: v.version, enrollments: enrolled, steps });
  }
  return out;
}

export type SequenceFactRow = { figure: SequenceFigure; version: number; stepId: string; enrollmentId: string; prospectId: string; repId: string; at: string };

/** The enrollments behind one figure (optionally of one version and step), in time order, a page at a time. */
export async function sequenceFigureRows(
  db: Database,
  s: SequenceScope & { figure: SequenceFigure; version?: number | undefined; stepId?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ data: SequenceFactRow[]; nextCursor: string | null }> {
  const c = decodeTimeCursor(s.cursor);
  const rows = rowsOf<SequenceFactRow & { k: string; step_id?: string }>(
    await factsQuery(db, sql`${sequenceFactsCte(s)}
      select f.figure, f.version, f.step_id as "stepId", f.enrollment_id as "enrollmentId", e.prospect_id as "prospectId", e.rep_id as "repId", f.at,
        to_char(f.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as k
      from facts f join enrollments e on e.id = f.enrollment_id where f.figure = ${s.figure}
      ${s.version !== undefined ? sql`and f.version = ${s.version}` : sql``}
      ${s.stepId !== undefined ? sql`and f.step_id = ${s.stepId}` : sql``}
      ${c ? sql`and (f.at, f.enrollment_id) > (${c.at}, ${c.id}::uuid)` : sql``}
      order by f.at, f.enrollment_id, f.version, f.step_id limit ${s.limit + 1}`),
  );
  const result = page(rows, s.limit, (r) => ({ k: r.k, id: r.enrollmentId }));
  return { data: result.data.map(({ k: _k, ...r }) => ({ ...r, version: Number(r.version), at: new Date(r.at).toISOString() })), nextCursor: result.nextCursor };
}

/** The figures a whole sequence totals: each outcome once per enrollment, whatever its step. */
export const SEQUENCE_TOTALS = SEQUENCE_FIGURES.filter((f): f is Exclude<SequenceFigure, 'reached' | 'continued'> => f !== 'reached' && f !== 'continued');
export type SequenceTotals = { sequenceId: string; key: string; name: string; enrollments: number } & Record<(typeof SEQUENCE_TOTALS)[number], number>;

/** Every sequence of the workspace with its totals over the period (the enrollments whose first touch happened in it). */
export async function sequenceTotals(db: Database, workspaceId: string, period: { from: Date; to: Date }): Promise<SequenceTotals[]> {
  const all = await db.select({ id: sequences.id, key: sequences.key, name: sequences.name }).from(sequences).where(eq(sequences.workspaceId, workspaceId)).orderBy(asc(sequences.name), asc(sequences.id));
  // One statement for every sequence, each enrollment once per figure (step '*').
  const rows = rowsOf<{ sequence_id: string; figure: SequenceFigure; n: number }>(
    await db.execute(cohortCounts(workspaceId, all.map((q) => q.id), period, { anyStepOnly: true })),
  );
  return all.map((seq) => {
    const n = (f: SequenceFigure) => Number(rows.find((r) => r.sequence_id === seq.id && r.figure === f)?.n ?? 0);
    return { sequenceId: seq.id, key: seq.key, name: seq.name, enrollments: n('reached'), ...(Object.fromEntries(SEQUENCE_TOTALS.map((f) => [f, n(f)])) as Record<(typeof SEQUENCE_TOTALS)[number], number>) };
  });
}
