// A/B results per step and variant (issue 19 §4): from the sequence analytics' facts
// (sequence-facts.ts), each variant's sample (the enrollments its email reached) and what those
// enrollments did in the cadence: replies by kind, positive replies, meetings, opt-outs; clicks of
// the variant's own email. (A reply, an opt-out or a meeting ends a cadence, so an email that left
// came before them: no time comparison is needed, and none can disagree across clocks.) The winner is the pure rule of domain/reports/variant-winner.ts.
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { pickWinner, type WinnerDecision } from '../../../domain/reports/variant-winner.js';
import { sequenceFactsCte, type SequenceFigure, type SequenceScope } from './sequence-facts.js';
import { factsQuery, versionsOf } from './sequence.js';

/** What an enrollment that received the variant did (the sample is `reached`). */
export const VARIANT_FIGURES = ['reached', 'replied', 'positiveReplies', 'notInterested', 'outOfOffice', 'unsubscribed', 'optedOut', 'bounced', 'meetings', 'clicked'] as const satisfies readonly SequenceFigure[];
export type VariantFigure = (typeof VARIANT_FIGURES)[number];
/** Counted on the variant's own step only: its email reached the prospect, a link of it was clicked. */
const OWN_STEP: readonly VariantFigure[] = ['reached', 'clicked'];

export type VariantFigures = Record<VariantFigure, number> & { variant: string };
export type StepVariants = { version: number; stepId: string; decision: WinnerDecision; variants: VariantFigures[] };

type Defined = { id: string; variants?: Array<{ key: string }> };

export async function sequenceVariants(db: Database, s: SequenceScope, o: { version?: number | undefined; minSample: number }): Promise<StepVariants[]> {
  const figures = sql.join(VARIANT_FIGURES.map((f) => sql`${f}`), sql`, `);
  const own = sql.join(OWN_STEP.map((f) => sql`${f}`), sql`, `);
  const rows = rowsOf<{ version: number; step_id: string; variant: string; figure: VariantFigure; n: number }>(
    await factsQuery(
      db,
      sql`${sequenceFactsCte(s)}, variant_sent as (
        -- The variant each enrollment's email of the step rendered (the same on every visit).
        select enrollment_id, step_id, variant from facts where figure = 'reached' and variant is not null
      )
      select f.version, vs.step_id, vs.variant, f.figure, count(distinct f.enrollment_id)::int as n
      from variant_sent vs join facts f on f.enrollment_id = vs.enrollment_id
      where f.figure in (${figures})
        and (f.figure not in (${own}) or f.step_id = vs.step_id)
      ${o.version !== undefined ? sql`and f.version = ${o.version}` : sql``}
      group by f.version, vs.step_id, vs.variant, f.figure`,
    ),
  );
  const versions = await versionsOf(db, s);
  const out: StepVariants[] = [];
  for (const v of versions) {
    if (o.version !== undefined && v.version !== o.version) continue;
    const mine = rows.filter((r) => Number(r.version) === v.version);
    // A version nobody ran in the period shows only when asked for by number.
    if (mine.length === 0 && o.version === undefined) continue;
    for (const step of ((v.definition as { steps?: Defined[] } | null)?.steps ?? []).filter((st) => st.variants?.length)) {
      // Every defined variant shows, sent or not; a key the facts name that the definition lost (an edit) too.
      const keys = [...new Set([...step.variants!.map((x) => x.key), ...mine.filter((r) => r.step_id === step.id).map((r) => r.variant)])];
      const variants = keys.map((key): VariantFigures => {
        const counts = Object.fromEntries(VARIANT_FIGURES.map((f) => [f, 0])) as Record<VariantFigure, number>;
        for (const r of mine) if (r.step_id === step.id && r.variant === key) counts[r.figure] = Number(r.n);
        return { variant: key, ...counts };
      });
      const decision = pickWinner(variants.map((x) => ({ variant: x.variant, reached: x.reached, meetings: x.meetings, positiveReplies: x.positiveReplies })), { minSample: o.minSample });
      out.push({ version: v.version, stepId: step.id, decision, variants });
    }
  }
  return out;
}
