// A prospect: details, enrollments with their upcoming steps and controls (each with a reason),
// and the timeline.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { ErrorNote } from '../components/Field';
import { formatAt } from '../time';

type Enrollment = NonNullable<Awaited<ReturnType<typeof loadEnrollments>>>[number];
const loadEnrollments = (prospectId: string) => unwrap(api.GET('/v1/enrollments', { params: { query: { prospectId, limit: 50 } } })).then((r) => r.data);

export function ProspectPage({ prospectId }: { prospectId: string }) {
  const prospect = useQuery({ queryKey: ['prospect', prospectId], queryFn: () => unwrap(api.GET('/v1/prospects/{prospectId}', { params: { path: { prospectId } } })) });
  const enrollments = useQuery({ queryKey: ['enrollments', prospectId], queryFn: () => loadEnrollments(prospectId) });
  if (prospect.isPending) return <p role="status">Loading…</p>;
  if (prospect.error) return <ErrorNote error={prospect.error} />;
  const p = prospect.data;
  const name = [p.firstName, p.lastName].filter(Boolean).join(' ') || p.email || 'Prospect';
  return (
    <>
      <h1>{name}</h1>
      <dl className="details">
        <dt>Title</dt>
        <dd>{p.title ?? 'unknown'}</dd>
        <dt>Email</dt>
        <dd>{p.email ?? 'none'}</dd>
        <dt>Phone</dt>
        <dd>{p.phone ?? 'none'}</dd>
        <dt>Time zone</dt>
        <dd>{p.timeZone ?? 'unknown'}</dd>
        <dt>Status</dt>
        <dd>{p.status.replace(/_/g, ' ')}</dd>
        {p.linkedinUrl && (
          <>
            <dt>LinkedIn</dt>
            <dd>
              <a href={p.linkedinUrl} target="_blank" rel="noreferrer noopener">
                Profile
              </a>
            </dd>
          </>
        )}
      </dl>
      <h2>Enrollments</h2>
      {enrollments.error && <ErrorNote error={enrollments.error} />}
      {enrollments.data?.length === 0 && <p>Not enrolled in any sequence.</p>}
      {enrollments.data?.map((e) => <EnrollmentCard key={e.id} enrollment={e} zone={p.timeZone} />)}
    </>
  );
}

function EnrollmentCard({ enrollment: e, zone }: { enrollment: Enrollment; zone: string | null }) {
  const client = useQueryClient();
  const path = { enrollmentId: e.id };
  const upcoming = useQuery({ queryKey: ['upcoming', e.id], refetchInterval: 5000, queryFn: () => unwrap(api.GET('/v1/enrollments/{enrollmentId}/upcoming', { params: { path } })) });
  const timeline = useQuery({ queryKey: ['timeline', e.id], refetchInterval: 5000, queryFn: () => unwrap(api.GET('/v1/enrollments/{enrollmentId}/timeline', { params: { path, query: { limit: 50 } } })) });
  const [reason, setReason] = useState('');
  const control = useMutation({
    mutationFn: (action: 'pause' | 'resume' | 'skip' | 'stop') => unwrap(api.POST(`/v1/enrollments/{enrollmentId}/${action}`, { params: { path }, body: { reason } })),
    onSuccess: () => client.invalidateQueries({ predicate: (q) => ['enrollments', 'upcoming', 'timeline'].includes(String(q.queryKey[0])) }),
  });
  const running = e.status === 'active' || e.status === 'pending';
  return (
    <section className="enrollment" aria-label={`Enrollment ${e.id}`}>
      <h3>
        Sequence version {e.sequenceVersion}: {e.status}
        {e.pauseReason && ` (paused: ${e.pauseReason})`}
        {e.stopReason && ` (${e.stopReason})`}
      </h3>
      <h4>Upcoming steps</h4>
      <ul>
        {upcoming.data?.data.map((s) => (
          <li key={s.stepId}>
            {s.type.replace(/_/g, ' ')}: {s.dueAt ? `${formatAt(s.dueAt)}${zone ? ` (${formatAt(s.dueAt, zone, false)} prospect's time)` : ''}` : 'when resumed'}
          </li>
        ))}
      </ul>
      <form className="controls" onSubmit={(ev) => ev.preventDefault()}>
        <label>
          Reason <input value={reason} onChange={(ev) => setReason(ev.target.value)} />
        </label>
        {running && <button type="button" onClick={() => control.mutate('pause')}>Pause</button>}
        {e.status === 'paused' && <button type="button" onClick={() => control.mutate('resume')}>Resume</button>}
        {running && <button type="button" disabled={!reason} onClick={() => control.mutate('skip')}>Skip step</button>}
        {(running || e.status === 'paused') && <button type="button" disabled={!reason} onClick={() => control.mutate('stop')}>Stop</button>}
      </form>
      <ErrorNote error={control.error} />
      <h4>Timeline</h4>
      <ol className="timeline">
        {timeline.data?.data.map((ev) => (
          <li key={ev.id}>
            {formatAt(ev.occurredAt)}: {ev.type}
          </li>
        ))}
      </ol>
    </section>
  );
}
