// reports_p95_ms: the manager's view, its drill-down, the objections report and the sequence analytics over a large
// history (issue 19's target: 1,000,000 timeline events and 200,000 tasks, every report within
// 200 ms p95), seeded with SQL in seconds rather than through the cadence. Requests go over real
// HTTP one at a time with an ops key, each report in turn, periods of a week, a month and a quarter in turn.
import { sql } from 'drizzle-orm';
import type { RelanceApp } from '../api/app.js';
import { generateApiKey } from '../api/middleware/auth.js';
import { startHttpServer } from '../api/server.js';
import type { Database } from '../db/client.js';
import { apiKeys, sequences, users } from '../db/schema.js';
import { objectionTag } from '../domain/reports/objection-tag.js';
import { percentile } from './pool.js';
import { rowsOf } from '../db/rows.js';

export type ReportFigures = Record<string, number>;

const OBJECTIONS = ['price: too expensive', 'timing: next quarter', 'We already have a vendor', 'no budget', 'send me an email', 'not my job: ask IT'];

export async function measureReports(opts: { db: Database; app: RelanceApp; workspaceId: string; events?: number; tasks?: number; requests?: number }): Promise<ReportFigures> {
  const { db, workspaceId: w } = opts;
  const eventCount = opts.events ?? 1_000_000;
  const taskCount = opts.tasks ?? 200_000;
  const requests = opts.requests ?? 60;
  const t0 = performance.now();
  const managers = await db.insert(users).values([0, 1].map((i) => ({ workspaceId: w, email: `rm${i}@bench.test`, name: `Manager ${i}`, role: 'manager' as const }))).returning({ id: users.id });
  const reps = await db
    .insert(users)
    .values(Array.from({ length: 20 }, (_, i) => ({ workspaceId: w, email: `rr${i}@bench.test`, name: `Rep ${i}`, managerId: managers[i % 2]!.id, fieldRep: i >= 15 })))
    .returning({ id: users.id });
  const repArray = sql.raw(`array[${reps.map((r) => `'${r.id}'::uuid`).join(',')}]`);
  const [seq] = await db.select({ id: sequences.id }).from(sequences).where(sql`${sequences.workspaceId} = ${w}`).limit(1);
  const prospectsN = Math.max(1000, Math.round(taskCount / 10));
  await db.execute(sql`insert into prospects (workspace_id, email, first_name) select ${w}::uuid, 'p' || g || '@bench.test', 'P' || g from generate_series(1, ${prospectsN}) g`);
  await db.execute(sql`insert into enrollments (workspace_id, prospect_id, sequence_id, sequence_version, rep_id, workflow_id, status)
    select ${w}::uuid, p.id, ${seq!.id}::uuid, 1, (${repArray})[1 + (row_number() over () % 15)::int], 'enrollment:bench-' || p.id, 'completed'
    from prospects p where p.workspace_id = ${w}::uuid`);
  // Tasks over the last 90 days and the next 10: most done (some late), some open, skipped, missed; a fifth announced calls.
  // Each enrollment's tasks are its steps (step-0, step-1...): a report counts per step as many cells as a real sequence has.
  await db.execute(sql`insert into tasks (workspace_id, enrollment_id, rep_id, step_key, kind, title, due_at, status, completed_at, prep)
    select ${w}::uuid, e.id, e.rep_id, 'step-' || (g / ${prospectsN}) || '#1', case when g % 4 = 0 then 'linkedin_note' when g % 4 = 1 then 'callback' else 'call' end, 'Task ' || g,
      now() - interval '90 days' + (g % 100000) * interval '86 seconds',
      case when g % 10 < 6 then 'done' when g % 10 < 8 then 'open' when g % 10 = 8 then 'cancelled' else 'missed' end,
      case when g % 10 < 6 then now() - interval '90 days' + (g % 100000) * interval '86 seconds' + (g % 7) * interval '20 minutes' end,
      case when g % 5 = 0 then jsonb_build_object('announcedCallAt', now()) else '{}'::jsonb end
    from generate_series(1, ${taskCount}) g
    join (select id, rep_id, row_number() over (order by id) - 1 as n from enrollments where workspace_id = ${w}::uuid) e on e.n = g % ${prospectsN}`);
  // Timeline events: one in 20 an objection heard on a call task, one in 50 a reply, the rest the cadence's other events.
  await db.execute(sql`insert into events (workspace_id, prospect_id, enrollment_id, type, payload, dedupe_key, occurred_at)
    select t.workspace_id, e.prospect_id, t.enrollment_id, case when g % 20 = 0 then 'objection.heard' when g % 50 = 1 then 'prospect.replied' when g % 3 = 0 then 'task.created' else 'email.sent' end,
      case when g % 20 = 0 then jsonb_build_object('taskId', t.id, 'text', (${sql.raw(`array[${OBJECTIONS.map((o) => `'${o}'`).join(',')}]`)})[1 + (g / 20) % ${OBJECTIONS.length}]) else jsonb_build_object('taskId', t.id) end,
      'bench:' || g, coalesce(t.completed_at, t.due_at)
    from generate_series(1, ${eventCount}) g
    join (select *, row_number() over (order by id) as n from tasks where workspace_id = ${w}::uuid) t on t.n = 1 + g % ${taskCount}
    join enrollments e on e.id = t.enrollment_id`);
  // The objections as the call's close writes them, with their tags.
  const tags = sql.raw(`(values ${OBJECTIONS.map((o) => `('${o}', '${objectionTag(o)}')`).join(', ')}) as tags(text, tag)`);
  await db.execute(sql`insert into objections (workspace_id, task_id, position, enrollment_id, prospect_id, rep_id, sequence_id, step_id, tag, text, heard_at)
    select e.workspace_id, t.id, (row_number() over (partition by t.id order by e.id) - 1)::smallint, e.enrollment_id, e.prospect_id, t.rep_id, ${seq!.id}::uuid,
      split_part(t.step_key, '#', 1), tags.tag, e.payload ->> 'text', e.occurred_at
    from events e join tasks t on t.id = (e.payload ->> 'taskId')::uuid join ${tags} on tags.text = e.payload ->> 'text'
    where e.workspace_id = ${w}::uuid and e.type = 'objection.heard'`);
  await db.execute(sql`insert into handoffs (workspace_id, prospect_id, enrollment_id, setter_id, field_rep_id, meeting_at, status, created_at)
    select ${w}::uuid, e.prospect_id, e.id, e.rep_id, (${repArray})[16 + (g % 5)], now() - interval '60 days' + g * interval '17 minutes',
      (array['held', 'held', 'no_show', 'scheduled', 'cancelled_by_prospect'])[1 + g % 5], now() - interval '61 days' + g * interval '17 minutes'
    from generate_series(1, ${Math.round(taskCount / 40)}) g
    join (select id, prospect_id, rep_id, row_number() over (order by id) - 1 as n from enrollments where workspace_id = ${w}::uuid) e on e.n = g % ${prospectsN}`);
  await db.execute(sql`vacuum analyze`);
  await db.execute(sql`checkpoint`);
  const seedS = (performance.now() - t0) / 1000;

  const k = generateApiKey();
  await db.insert(apiKeys).values({ workspaceId: w, name: 'reports bench', role: 'ops', prefix: k.prefix, secretHash: k.secretHash });
  // Realistic periods in turn (a week, a month, a quarter, all ending now), and the scopes a manager
  // asks for (everyone, a team, a single rep): each report's p95 is over all of them.
  const now = Date.now();
  const PERIODS = { week: 7, month: 30, quarter: 91 } as const;
  const periodNames = Object.keys(PERIODS) as Array<keyof typeof PERIODS>;
  const periodOf = (days: number) => `from=${encodeURIComponent(new Date(now - days * 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(now).toISOString())}`;
  const reportPaths = (i: number, period: string) => [
    `/v1/reports/activity?${period}`,
    `/v1/reports/activity?managerId=${managers[i % 2]!.id}&${period}`,
    `/v1/reports/activity?repId=${reps[i % 20]!.id}&${period}`,
    `/v1/reports/activity/rows?figure=doneLate&repId=${reps[i % 15]!.id}&${period}`,
    `/v1/reports/activity/rows?figure=meetingsNotHeld&managerId=${managers[i % 2]!.id}&${period}`,
    `/v1/reports/objections?${period}`,
    `/v1/reports/objections?repId=${reps[i % 15]!.id}&${period}`,
    `/v1/reports/objections/calls?tag=price&${period}`,
    `/v1/reports/sequences/${seq!.id}?${period}`,
    `/v1/reports/sequences/${seq!.id}/rows?figure=replied&${period}`,
    `/v1/reports/sequences?${period}`,
  ];
  const names = ['activity', 'activity_team', 'activity_rep', 'activity_rows', 'handoff_rows', 'objections', 'objections_rep', 'objection_calls', 'sequence', 'sequence_rows', 'sequences'];
  const server = await startHttpServer(opts.app, '127.0.0.1', 0);
  const times: number[][] = names.map(() => []);
  const byPeriod = new Map<string, number[]>();
  let errors = 0;
  try {
    for (let i = 0; i < requests + 5; i++) {
      const periodName = periodNames[i % periodNames.length]!;
      const paths = reportPaths(i, periodOf(PERIODS[periodName]));
      for (const [j, path] of paths.entries()) {
        const t = performance.now();
        const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${k.key}` } });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
        if (i < 5) continue; // the first rounds warm connections and plans
        const ms = performance.now() - t;
        times[j]!.push(ms);
        const key = `${names[j]}_${periodName}`;
        byPeriod.set(key, [...(byPeriod.get(key) ?? []), ms]);
      }
    }
  } finally {
    await server.close();
  }
  const p95 = times.map((ms) => percentile(ms.sort((a, b) => a - b), 95));
  // What the rollups cost a write: an open task done, one statement at a time, with every trigger
  // (the manager's day counts, the enrollment's facts and their day counts) in its transaction.
  const open = rowsOf<{ id: string }>(await db.execute(sql`select id from tasks where workspace_id = ${w}::uuid and status = 'open' order by id limit 105`));
  const writes: number[] = [];
  for (const [i, t] of open.entries()) {
    const t0w = performance.now();
    await db.execute(sql`update tasks set status = 'done', completed_at = now() where id = ${t.id}::uuid`);
    if (i >= 5) writes.push(performance.now() - t0w);
  }
  return {
    reports_events_in_db: eventCount,
    reports_tasks_in_db: taskCount,
    reports_seed_s: Number(seedS.toFixed(1)),
    ...Object.fromEntries(names.map((n, j) => [`reports_${n}_p95_ms`, Number(p95[j]!.toFixed(1))])),
    ...Object.fromEntries([...byPeriod].map(([key, ms]) => [`reports_${key}_p95_ms`, Number(percentile(ms.sort((a, b) => a - b), 95).toFixed(1))])),
    reports_p95_ms: Number(Math.max(...p95).toFixed(1)),
    reports_errors: errors,
    reports_task_done_write_p95_ms: Number(percentile(writes.sort((a, b) => a - b), 95).toFixed(1)),
  };
}
