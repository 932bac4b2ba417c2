// My queue: the calls people expect first, then announced calls, overdue, due, upcoming; counts
// and a filter by type; live.
import { useState } from 'react';
import type { Session, Task } from '../api/client';
import { formatAt } from '../time';
import { PRIORITY_LABELS, isCall, prepOf, useQueue } from '../queue';
import { ErrorNote } from '../components/Field';
import { Choice } from '../components/Choice';

export function TaskLine({ task }: { task: Task }) {
  const zone = prepOf(task).timeZone;
  const href = isCall(task) && task.status === 'open' ? `#/call?task=${task.id}` : `#/tasks/${task.id}`;
  return (
    <li className={`task ${task.priority ?? ''}`}>
      <span className="badge">{task.overdue ? 'Overdue' : PRIORITY_LABELS[task.priority ?? ''] ?? task.status}</span>
      <a href={href}>{task.title}</a>
      <span className="kind">{task.kind.replace(/_/g, ' ')}</span>
      <span className="when">
        {formatAt(task.dueAt)}
        {zone && <span className="local"> · {formatAt(task.dueAt, zone, false)} prospect's time</span>}
      </span>
    </li>
  );
}

export function Queue({ session }: { session: Session }) {
  const repId = session.user?.id;
  if (!repId) return <p>An API key acting as no one has no queue.</p>;
  return <RepQueue repId={repId} />;
}

function RepQueue({ repId }: { repId: string }) {
  const queue = useQueue(repId);
  const [kind, setKind] = useState('');
  if (queue.isPending) return <p role="status">Loading your queue…</p>;
  if (queue.error) return <ErrorNote error={queue.error} />;
  const all = [...queue.data.open, ...queue.data.upcoming];
  const kinds = [...new Set(all.map((t) => t.kind))].sort();
  const shown = kind ? all.filter((t) => t.kind === kind) : all;
  const count = (f: (t: Task) => boolean) => queue.data.open.filter(f).length;
  const counts = [
    ['Expected callbacks', count((t) => t.priority === 'expected_callback')],
    ['Announced calls', count((t) => t.priority === 'announced_call')],
    ['Overdue', count((t) => t.overdue)],
    ['Open', queue.data.open.length],
    ['Announced calls to prepare', queue.data.upcoming.length],
  ] as const;
  return (
    <>
      <h1>My queue</h1>
      <dl className="counts" aria-label="Counts">
        {counts.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      <div className="toolbar">
        <Choice label="Type" value={kind} onChange={(e) => setKind(e.target.value)} none="All" options={kinds.map((k) => ({ value: k, label: k.replace(/_/g, ' ') }))} />
        <a className="button" href="#/call">
          Start call block
        </a>
      </div>
      {shown.length === 0 ? (
        <p>Nothing in your queue.</p>
      ) : (
        <ol className="tasks" aria-label="Tasks">
          {shown.map((t) => (
            <TaskLine key={t.id} task={t} />
          ))}
        </ol>
      )}
    </>
  );
}
