// A LinkedIn or generic task: the rendered note, copied in one click, the profile link, done.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Session } from '../api/client';
import { ErrorNote } from '../components/Field';
import { isCall, prepOf, queueKey } from '../queue';
import { formatAt } from '../time';
import { HandoffAnswer } from './HandoffAnswer';

// A meeting's outcome is answered on its handoff (its workflow closes the task), not by Done.
const HANDOFF_KINDS = new Set(['meeting_outcome', 'meeting_outcome_overdue']);

export function TaskPage({ session, taskId }: { session: Session; taskId: string }) {
  const client = useQueryClient();
  const [copied, setCopied] = useState(false);
  const task = useQuery({ queryKey: ['task', taskId], queryFn: () => unwrap(api.GET('/v1/tasks/{taskId}', { params: { path: { taskId } } })) });
  const enrollmentId = task.data?.enrollmentId;
  const enrollment = useQuery({ queryKey: ['enrollment', enrollmentId], enabled: Boolean(enrollmentId), queryFn: () => unwrap(api.GET('/v1/enrollments/{enrollmentId}', { params: { path: { enrollmentId: enrollmentId! } } })) });
  const prospectId = enrollment.data?.prospectId;
  const prospect = useQuery({ queryKey: ['prospect', prospectId], enabled: Boolean(prospectId), queryFn: () => unwrap(api.GET('/v1/prospects/{prospectId}', { params: { path: { prospectId: prospectId! } } })) });
  const backToQueue = async () => {
    await client.invalidateQueries({ queryKey: queueKey(session.user?.id ?? '') });
    window.location.hash = '#/queue';
  };
  const done = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/tasks/{taskId}/complete', { params: { path: { taskId } }, body: { outcome: 'done' } })),
    onSuccess: backToQueue,
  });
  if (task.isPending) return <p role="status">Loading…</p>;
  if (task.error) return <ErrorNote error={task.error} />;
  const t = task.data;
  const prep = prepOf(t);
  const handoffId = HANDOFF_KINDS.has(t.kind) ? (t.prep as { handoffId?: string }).handoffId : undefined;
  return (
    <article aria-labelledby="task-title">
      <h1 id="task-title">{t.title}</h1>
      <p>
        {t.kind.replace(/_/g, ' ')} · due {formatAt(t.dueAt)} · {t.status}
        {prospectId && (
          <>
            {' · '}
            <a href={`#/prospects/${prospectId}`}>Prospect page</a>
          </>
        )}
      </p>
      {prep.script && (
        <section aria-label="Note">
          <h2>{t.kind === 'linkedin_note' ? 'LinkedIn note' : 'Text'}</h2>
          <pre className="script">{prep.script}</pre>
          <button type="button" onClick={() => void navigator.clipboard.writeText(prep.script ?? '').then(() => setCopied(true))}>
            Copy to clipboard
          </button>
          <span role="status">{copied ? ' Copied.' : ''}</span>
        </section>
      )}
      {prospect.data?.linkedinUrl && (
        <p>
          <a href={prospect.data.linkedinUrl} target="_blank" rel="noreferrer noopener">
            Open the LinkedIn profile
          </a>
        </p>
      )}
      {handoffId && <HandoffAnswer handoffId={handoffId} onAnswered={backToQueue} />}
      {t.status === 'open' && !isCall(t) && !handoffId && (
        <button type="button" onClick={() => done.mutate()} disabled={done.isPending}>
          Done
        </button>
      )}
      {t.status === 'open' && isCall(t) && <a className="button" href={`#/call?task=${t.id}`}>Call now</a>}
      <ErrorNote error={done.error} />
    </article>
  );
}
