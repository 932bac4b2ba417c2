// The manager's view (PLAYBOOK §5: actions, not only results): each figure is one condition on
// one table, and the same condition counts it and lists its rows, so a figure and its drill-down
// never disagree.
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { escalations, handoffs, tasks } from '../../../db/schema.js';

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
export type FigureDef = { source: FigureSource; rep: PgColumn; at: PgColumn; where: (p: Period) => SQL };

const within = (col: PgColumn, p: Period) => sql`${col} >= ${p.from.toISOString()}::timestamptz and ${col} < ${p.to.toISOString()}::timestamptz`;
// Upcoming announced calls are not actionable yet: they are not due work.
const due = (p: Period) => sql`${within(tasks.dueAt, p)} and ${tasks.status} <> 'upcoming'`;
const announced = sql`(${tasks.prep} ->> 'announcedCallAt') is not null and ${tasks.kind} in ('call', 'callback')`;
const grace = sql.raw(`interval '${ON_TIME_GRACE_MINUTES} minutes'`);
const received = (p: Period) => within(handoffs.meetingAt, p);
const task = (where: (p: Period) => SQL, at: PgColumn = tasks.dueAt): FigureDef => ({ source: 'tasks', rep: tasks.repId, at, where });
const meeting = (where: (p: Period) => SQL, rep: PgColumn = handoffs.fieldRepId, at: PgColumn = handoffs.meetingAt): FigureDef => ({ source: 'handoffs', rep, at, where });

export const FIGURES: Record<ActivityFigure, FigureDef> = {
  tasksDue: task(due),
  doneOnTime: task((p) => sql`${due(p)} and ${tasks.status} = 'done' and ${tasks.completedAt} <= ${tasks.dueAt} + ${grace}`),
  doneLate: task((p) => sql`${due(p)} and ${tasks.status} = 'done' and ${tasks.completedAt} > ${tasks.dueAt} + ${grace}`),
  overdue: task((p) => sql`${due(p)} and ${tasks.status} = 'open' and ${tasks.dueAt} < ${p.now.toISOString()}::timestamptz`),
  skipped: task((p) => sql`${due(p)} and ${tasks.status} = 'cancelled'`),
  missed: task((p) => sql`${due(p)} and ${tasks.status} = 'missed'`),
  callsMade: task(
    (p) => sql`${within(tasks.completedAt, p)} and ${tasks.status} = 'done' and ${tasks.kind} in ${sql.raw(`(${CALL_TASK_KINDS.map((k) => `'${k}'`).join(', ')})`)}`,
    tasks.completedAt,
  ),
  announcedKept: task((p) => sql`${due(p)} and ${announced} and ${tasks.status} = 'done'`),
  announcedBroken: task((p) => sql`${due(p)} and ${announced} and ${tasks.status} = 'missed'`),
  meetingsSet: meeting((p) => within(handoffs.createdAt, p), handoffs.setterId, handoffs.createdAt),
  meetingsReceived: meeting(received),
  meetingsHeld: meeting((p) => sql`${received(p)} and ${handoffs.status} = 'held'`),
  meetingsNotHeld: meeting((p) => sql`${received(p)} and ${handoffs.status} in ('no_show', 'cancelled_by_prospect', 'cancelled_by_us')`),
  escalationsUsed: {
    source: 'escalations',
    rep: escalations.repId,
    at: escalations.createdAt,
    where: (p) => sql`${escalations.decision} = 'allowed' and ${escalations.createdAt} >= ${p.escalationsSince.toISOString()}::timestamptz`,
  },
  overdueNow: task((p) => sql`${tasks.status} = 'open' and ${tasks.dueAt} < ${p.now.toISOString()}::timestamptz`),
};

export const figuresOf = (source: FigureSource) => ACTIVITY_FIGURES.filter((f) => FIGURES[f].source === source);
