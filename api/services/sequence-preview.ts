// The editor's preview: each step of a definition (a draft being edited, or a version) in words,
// and for a chosen prospect its subject and body rendered by the engine that renders them when
// sending (domain/sequences/templates.ts, application/template-vars.ts) and its planned time in
// the prospect's zone, along the cadence's expected path as if enrolled now. Nothing is written.
import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Database } from '../../db/client.js';
import { accounts, prospects, repAbsences, users, workspaces } from '../../db/schema.js';
import { desiredAnnouncedCall } from '../../domain/cadence/plan.js';
import { projectUpcoming } from '../../domain/cadence/projection.js';
import { planStepDueForRep } from '../../domain/cadence/rep-absence.js';
import { renderTemplate, sequenceInWords, type SequenceDefinition, type TemplateVars } from '../../domain/sequences/index.js';
import { mergeTimingRules, resolvePlace, TimingError, type TimingRulesInput } from '../../domain/timing/index.js';
import { repCalendarOf } from '../../application/enrollment-context.js';
import { templateVars } from '../../application/template-vars.js';
import type { Principal } from '../middleware/auth.js';
import { ProblemError } from '../problem.js';
import { notFoundIn } from './in-workspace.js';

export type PreviewInput = { prospectId?: string | undefined; repId?: string | undefined; context?: string | undefined; pretext?: string | undefined };

async function prospectOf(db: Database, workspaceId: string, prospectId: string) {
  const [row] = await db
    .select({ prospect: prospects, account: accounts })
    .from(prospects)
    .leftJoin(accounts, eq(accounts.id, prospects.accountId))
    .where(and(eq(prospects.id, prospectId), eq(prospects.workspaceId, workspaceId)));
  if (!row) throw notFoundIn('prospect', 'body.prospectId');
  return row;
}

/** The rep's time off not yet over, as the cadence reads it (application/enrollment-context.ts). */
const absencesOf = (db: Database, repId: string) =>
  db
    .select({ startsOn: repAbsences.startsOn, endsOn: repAbsences.endsOn, coveringUserId: repAbsences.coveringUserId })
    .from(repAbsences)
    .where(and(eq(repAbsences.userId, repId), sql`${repAbsences.endsOn} >= current_date - 1`))
    .orderBy(repAbsences.startsOn);

async function repOf(db: Database, workspaceId: string, repId: string | null, field: string | undefined) {
  if (!repId) return null;
  const [rep] = await db.select().from(users).where(and(eq(users.id, repId), eq(users.workspaceId, workspaceId)));
  if (!rep) throw notFoundIn('user', field);
  return rep;
}

/**
 * An A/B step's variants, each with its share of the prospects and, with a prospect's variables,
 * rendered: which one a prospect gets is drawn from the enrollment's id, unknown before enrolling.
 */
function variantsOf(step: SequenceDefinition['steps'][number], vars: TemplateVars | null) {
  if (!step.variants) return null;
  const total = step.variants.reduce((sum, v) => sum + v.weight, 0);
  return step.variants.map((v) => {
    const rendered = vars ? renderTemplate(v, vars) : null;
    return { key: v.key, weight: v.weight, share: v.weight / total, subject: rendered?.subject ?? null, body: rendered?.body ?? null };
  });
}

/** Each step in words; with a prospect, planned (`plannedAt`, `localTime` in their zone) and rendered (`subject`, `body`). */
export async function previewDefinition(db: Database, p: Principal, def: SequenceDefinition, i: PreviewInput) {
  const words = sequenceInWords(def);
  const blank = words.map((w) => {
    const step = def.steps.find((s) => s.id === w.stepId)!;
    return { ...w, type: step.type, plannedAt: null as string | null, localTime: null as string | null, subject: null as string | null, body: null as string | null, variants: variantsOf(step, null) };
  });
  if (!i.prospectId) return { timeZone: null as string | null, steps: blank };
  const { prospect, account } = await prospectOf(db, p.workspaceId, i.prospectId);
  // The rep whose name signs the templates: the one asked for, else the person previewing.
  const rep = await repOf(db, p.workspaceId, i.repId ?? p.userId, i.repId ? 'body.repId' : undefined);
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, p.workspaceId));
  try {
    const country = prospect.country ?? account?.country ?? null;
    // As the cadence resolves it (application/enrollment-context.ts).
    const place = resolvePlace({ timeZone: prospect.timeZone ?? (country ? null : ws!.timeZone), country, region: prospect.region ?? account?.region ?? null });
    const rules = mergeTimingRules(ws!.timingRules as TimingRulesInput, def.timing);
    const calendar = rep ? repCalendarOf(rep, ws!.timeZone, await absencesOf(db, rep.id)) : null;
    const first = def.steps[0]!;
    const firstDueAt = planStepDueForRep({ step: first, now: new Date().toISOString(), place, rules, touches: [] }, calendar);
    const path = projectUpcoming({ definition: def, fromStepId: first.id, firstDueAt, place, rules, touches: [], limit: def.steps.length, rep: calendar });
    const due = new Map(path.map((u) => [u.stepId, u.dueAt]));
    // The slot each announcing email promises, and when that email leaves, keyed by the call step.
    const announced = new Map<string, { callAt: string; sentAt: string }>();
    for (const s of def.steps) {
      const sentAt = due.get(s.id);
      if (s.announce && sentAt) announced.set(s.announce.callStep, { callAt: desiredAnnouncedCall(sentAt, s.announce.at, place, rules), sentAt });
    }
    const source = {
      prospect,
      account,
      rep: rep ?? { name: '', email: '', phone: null },
      enrollment: { context: i.context ?? null, pretext: i.pretext ?? null },
      place,
    };
    const steps = blank.map((b) => {
      const step = def.steps.find((s) => s.id === b.stepId)!;
      const plannedAt = due.get(step.id) ?? null;
      const promise = step.announce ? announced.get(step.announce.callStep) : announced.get(step.id);
      const vars = templateVars(source, {
        announcedCallAt: promise?.callAt ?? null,
        announcement: promise && !step.announce && plannedAt ? { sentAt: promise.sentAt, spokenAt: plannedAt } : null,
      });
      const rendered = step.template ? renderTemplate(step.template, vars) : null;
      const localTime = plannedAt ? DateTime.fromISO(plannedAt).setZone(place.timeZone).setLocale('en-GB').toFormat('ccc d LLL HH:mm') : null;
      return { ...b, plannedAt, localTime, subject: rendered?.subject ?? null, body: rendered?.body ?? null, variants: variantsOf(step, vars) };
    });
    return { timeZone: place.timeZone, steps };
  } catch (err) {
    // A prospect whose zone, country or region planning cannot read: their data, not the definition.
    if (err instanceof TimingError) throw new ProblemError('validation-failed', 422, `body.prospectId: ${err.message}`, { errors: [{ field: 'body.prospectId', message: err.message }] });
    throw err;
  }
}
