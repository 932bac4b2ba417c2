// Team activity, the manager's view (PLAYBOOK §5: actions, not only results): per rep and for the
// team over a period, what was due and what was done, calls, announced calls kept and broken,
// meetings set, held and not held; each number drills down to its rows (the same condition on the
// server counts it and lists them), and each report downloads as CSV.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, unwrap, unwrapJson, type Session } from '../api/client';
import type { components, paths } from '../api/openapi';
import { ErrorNote } from '../components/Field';
import { formatAt } from '../time';
import { periodOf, type PeriodKey } from '../period';
import { csvHref, PeriodPicker } from '../components/PeriodPicker';
import { usePages } from '../components/Pager';
import { RowsSection } from '../components/RowsSection';
import { Choice } from '../components/Choice';
import { ActivityTrend } from './ActivityTrend';
import { ProspectCell } from '../components/ProspectCell';

type Report = components['schemas']['ActivityReport'];
type RepFigures = Report['reps'][number];
type Figure = paths['/v1/reports/activity/rows']['get']['parameters']['query']['figure'];

const COLUMNS: Array<{ figure: Figure; label: string; fieldOnly?: boolean }> = [
  { figure: 'tasksDue', label: 'Due' },
  { figure: 'doneOnTime', label: 'On time' },
  { figure: 'doneLate', label: 'Late' },
  { figure: 'overdue', label: 'Overdue' },
  { figure: 'skipped', label: 'Skipped' },
  { figure: 'missed', label: 'Missed' },
  { figure: 'callsMade', label: 'Calls' },
  { figure: 'announcedKept', label: 'Announced kept' },
  { figure: 'announcedBroken', label: 'Announced broken' },
  { figure: 'meetingsSet', label: 'Meetings set' },
  { figure: 'meetingsReceived', label: 'Received', fieldOnly: true },
  { figure: 'meetingsHeld', label: 'Held', fieldOnly: true },
  { figure: 'meetingsNotHeld', label: 'Not held', fieldOnly: true },
];

type Drill = { figure: Figure; label: string; repId: string | null; who: string };
// PLAYBOOK §5: meetings not held concentrate on a few field reps; below this held rate a row is marked.
const lowHeldRate = (r: number | null) => r !== null && r < 0.7;
const percent = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);

export function Activity({ session }: { session: Session }) {
  const [periodKey, setPeriodKey] = useState<PeriodKey>('thisWeek');
  const period = useMemo(() => periodOf(periodKey), [periodKey]);
  const [drill, setDrill] = useState<Drill | null>(null);
  // Ops and admin see everyone by default, and may narrow to one manager's team; a manager sees theirs.
  const staff = session.role === 'admin' || session.role === 'ops';
  const [managerId, setManagerId] = useState('');
  const managers = useQuery({ queryKey: ['users', 'manager'], enabled: staff, queryFn: () => unwrap(api.GET('/v1/users', { params: { query: { role: 'manager', limit: 100 } } })) });
  const who: Record<string, string> = managerId ? { managerId } : {};
  const report = useQuery({ queryKey: ['activity', period, managerId], queryFn: () => unwrapJson(api.GET('/v1/reports/activity', { params: { query: { ...period, ...who } } })) });
  const figureButton = (who: { id: string | null; name: string }, c: (typeof COLUMNS)[number], value: number) => (
    <button type="button" className="figure" aria-label={`${who.name}: ${c.label.toLowerCase()} ${value}, show the rows`} onClick={() => setDrill({ figure: c.figure, label: c.label, repId: who.id, who: who.name })}>
      {value}
    </button>
  );
  const cells = (who: { id: string | null; name: string }, f: Report['team'], fieldRep: boolean) =>
    COLUMNS.map((c) => <td key={c.figure}>{c.fieldOnly && !fieldRep ? '–' : figureButton(who, c, f[c.figure])}</td>);
  return (
    <>
      <h1>Team activity</h1>
      <PeriodPicker value={periodKey} period={period} onChange={(k) => (setPeriodKey(k), setDrill(null))} csv={csvHref('/v1/reports/activity', { ...period, ...who })} csvLabel="Download the figures (CSV)" />
      {staff && managers.data && (
        <p>
          <Choice label="People" value={managerId} onChange={(e) => (setManagerId(e.currentTarget.value), setDrill(null))} none="Everyone" options={managers.data.data.map((m) => ({ value: m.id, label: `${m.name}'s team` }))} />
        </p>
      )}
      {report.isPending && <p role="status">Loading the figures…</p>}
      <ErrorNote error={report.error} />
      {report.data && (
        <div className="wide">
          <table className="activity">
            <caption>Tasks, calls and meetings per person; held rate, escalations and queue health now</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                {COLUMNS.map((c) => (
                  <th scope="col" key={c.figure}>
                    {c.label}
                  </th>
                ))}
                <th scope="col">Held rate</th>
                <th scope="col">Escalations / quota</th>
                <th scope="col">Overdue now</th>
              </tr>
            </thead>
            <tbody>
              {report.data.reps.map((r: RepFigures) => (
                <tr key={r.id} className={lowHeldRate(r.heldRate) ? 'alert' : undefined}>
                  <th scope="row">
                    {r.name}
                    {r.fieldRep && <span className="kind"> · field rep</span>}
                  </th>
                  {cells(r, r, r.fieldRep)}
                  <td>
                    {r.fieldRep ? percent(r.heldRate) : '–'}
                    {lowHeldRate(r.heldRate) && <span className="warn"> low</span>}
                  </td>
                  <td>
                    {figureButton(r, { figure: 'escalationsUsed', label: 'Escalations' }, r.escalationsUsed)} / {r.escalationQuota}
                  </td>
                  <td>
                    {figureButton(r, { figure: 'overdueNow', label: 'Overdue now' }, r.overdueNow)}
                    {r.oldestOverdueAt && <span className="kind"> since {formatAt(r.oldestOverdueAt)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Team</th>
                {cells({ id: null, name: 'Team' }, report.data.team, true)}
                <td>{percent(report.data.team.heldRate)}</td>
                <td>{figureButton({ id: null, name: 'Team' }, { figure: 'escalationsUsed', label: 'Escalations' }, report.data.team.escalationsUsed)}</td>
                <td>{figureButton({ id: null, name: 'Team' }, { figure: 'overdueNow', label: 'Overdue now' }, report.data.team.overdueNow)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {drill && <FigureRows drill={drill} period={period} managerId={managerId} onClose={() => setDrill(null)} />}
      <ActivityTrend managerId={managerId} />
    </>
  );
}

function FigureRows({ drill, period, managerId, onClose }: { drill: Drill; period: { from: string; to: string }; managerId: string; onClose: () => void }) {
  const pages = usePages();
  const { cursor } = pages;
  // One person's rows, or the team's (a manager's, when ops chose one).
  const query = { ...period, figure: drill.figure, limit: 20, ...(drill.repId ? { repId: drill.repId } : managerId ? { managerId } : {}) };
  const rows = useQuery({
    queryKey: ['activity-rows', query, cursor],
    queryFn: () => unwrapJson(api.GET('/v1/reports/activity/rows', { params: { query: { ...query, ...(cursor ? { cursor } : {}) } } })),
  });
  const { limit: _limit, ...csvQuery } = query;
  return (
    <RowsSection id="rows-title" title={`${drill.label}: ${drill.who}`} what="rows" csv={csvHref('/v1/reports/activity/rows', { ...csvQuery, figure: drill.figure })} focusOn={drill} onClose={onClose} error={rows.error} pages={pages} next={rows.data?.nextCursor} columns={['When', 'What', 'Kind', 'Status', 'Prospect']} count={rows.data?.data.length}>
      {rows.data?.data.map((r) => (
        <tr key={`${r.source}-${r.id}`}>
          <td>{formatAt(r.at)}</td>
          <td>{r.source === 'task' ? <a href={`#/tasks/${r.id}`}>{r.title ?? r.kind}</a> : (r.title ?? r.source)}</td>
          <td>{r.kind.replace(/_/g, ' ')}</td>
          <td>{r.status.replace(/_/g, ' ')}</td>
          <td>
            <ProspectCell row={r} />
          </td>
        </tr>
      ))}
    </RowsSection>
  );
}
