// The manager's view (PLAYBOOK §5: actions, not only results): each figure is a scope (the rows an
// index finds: a period of due times, of completion times, the open tasks past due now...) and a
// filter on them. The same condition counts a figure and lists its rows, so a figure and its
// drill-down never disagree.
import { and, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { escalations, handoffs, tasks } from '../../../db/schema.js';
import { QUEUE_RANK } from '../../../domain/cadence/queue-rank.js';

export const ACTIVITY_FIGURES = [
  'tasksDue',
  'doneOnTime',
  'doneLate',
  'overdue',
  'skipped',
  'missed',
  'callsMade',
  'announcedKept',
  'announcedBroken',
  'meetingsSet',
  'meetingsReceived',
  'meetingsHeld',
  'meetingsNotHeld',
  'escalationsUsed',
  'overdueNow',
] as const;
export type ActivityFigure = (typeof ACTIVITY_FIGURES)[number];

/** A task done within this long after its due time is done on time (an announced call's grace is 15 minutes, a task's an hour). */
export const ON_TIME_GRACE_MINUTES = 60;
/** Tasks that are a call to make (a voicemail is left on a call already made). */
export const CALL_TASK_KINDS = ['call', 'callback', 'escalation_call'] as const;

export type Period = { from: Date; to: Date; now: Date; escalationsSince: Date };
export type FigureSource = 'tasks' | 'handoffs' | 'escalations';
export type FigureScope = 'due' | 'completed' | 'now' | 'booked' | 'meeting' | 'window';
export type FigureDef = { source: FigureSource; scope: FigureScope; rep: PgColumn; at: PgColumn; filter: (p: Period) => SQL };

const instant = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const within = (col: PgColumn, p: Period) => sql`${col} >= ${instant(p.from)} and ${col} < ${instant(p.to)}`;

/** Each scope's rows, found by an index; every figure of the scope is a filter on them. */
export const SCOPES: Record<FigureScope, { source: FigureSource; where: (p: Period) => SQL }> = {
  due: { source: 'tasks', where: (p) => within(tasks.dueAt, p) },
  completed: { source: 'tasks', where: (p) => within(tasks.completedAt, p) },
  now: { source: 'tasks', where: (p) => sql`${tasks.status} = 'open' and ${tasks.dueAt} < ${instant(p.now)}` },
  booked: { source: 'handoffs', where: (p) => within(handoffs.createdAt, p) },
  meeting: { source: 'handoffs', where: (p) => within(handoffs.meetingAt, p) },
  window: { source: 'escalations', where: (p) => sql`${escalations.createdAt} >= ${instant(p.escalationsSince)}` },
};

// Upcoming announced calls are not actionable yet: they are not due work.
const due = sql`${tasks.status} <> 'upcoming'`;
// The rank written with an announced call's task (domain/cadence/queue-rank.ts): no need to read its prep.
const announced = sql`${tasks.queueRank} = ${sql.raw(String(QUEUE_RANK.announcedCall))}`;
const grace = sql.raw(`interval '${ON_TIME_GRACE_MINUTES} minutes'`);
const always = () => sql`true`;
const task = (filter: (p: Period) => SQL, scope: FigureScope = 'due', at: PgColumn = tasks.dueAt): FigureDef => ({ source: 'tasks', scope, rep: tasks.repId, at, filter });
const meeting = (filter: (p: Period) => SQL, scope: FigureScope = 'meeting', rep: PgColumn = handoffs.fieldRepId, at: PgColumn = handoffs.meetingAt): FigureDef => ({ source: 'handoffs', scope, rep, at, filter });

export const FIGURES: Record<ActivityFigure, FigureDef> = {
  tasksDue: task(() => due),
  doneOnTime: task(() => sql`${tasks.status} = 'done' and ${tasks.completedAt} <= ${tasks.dueAt} + ${grace}`),
  doneLate: task(() => sql`${tasks.status} = 'done' and ${tasks.completedAt} > ${tasks.dueAt} + ${grace}`),
  overdue: task((p) => sql`${tasks.status} = 'open' and ${tasks.dueAt} < ${instant(p.now)}`),
  skipped: task(() => sql`${tasks.status} = 'cancelled'`),
  missed: task(() => sql`${tasks.status} = 'missed'`),
  callsMade: task(() => sql`${tasks.status} = 'done' and ${tasks.kind} in ${sql.raw(`(${CALL_TASK_KINDS.map((k) => `'${k}'`).join(', ')})`)}`, 'completed', tasks.completedAt),
  announcedKept: task(() => sql`${announced} and ${tasks.status} = 'done'`),
  announcedBroken: task(() => sql`${announced} and ${tasks.status} = 'missed'`),
  meetingsSet: meeting(always, 'booked', handoffs.setterId, handoffs.createdAt),
  meetingsReceived: meeting(always),
  meetingsHeld: meeting(() => sql`${handoffs.status} = 'held'`),
  meetingsNotHeld: meeting(() => sql`${handoffs.status} in ('no_show', 'cancelled_by_prospect', 'cancelled_by_us')`),
  escalationsUsed: { source: 'escalations', scope: 'window', rep: escalations.repId, at: escalations.createdAt, filter: () => sql`${escalations.decision} = 'allowed'` },
  overdueNow: task(always, 'now'),
};

/** The whole condition of a figure: its scope and its filter. */
export const figureWhere = (f: ActivityFigure, p: Period): SQL => and(SCOPES[FIGURES[f].scope].where(p), FIGURES[f].filter(p))!;
