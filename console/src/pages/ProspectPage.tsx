// A prospect: details, enrollments with their upcoming steps and controls (each with a reason),
// and the timeline.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Session } from '../api/client';
import { ErrorNote } from '../components/Field';
import { Choice } from '../components/Choice';
import { formatAt, zonedInputToIso } from '../time';

type Enrollment = NonNullable<Awaited<ReturnType<typeof loadEnrollments>>>[number];
const loadEnrollments = (prospectId: string) => unwrap(api.GET('/v1/enrollments', { params: { query: { prospectId, limit: 50 } } })).then((r) => r.data);

export function ProspectPage({ prospectId, session }: { prospectId: string; session: Session }) {
  const prospect = useQuery({ queryKey: ['prospect', prospectId], queryFn: () => unwrap(api.GET('/v1/prospects/{prospectId}', { params: { path: { prospectId } } })) });
  const enrollments = useQuery({ queryKey: ['enrollments', prospectId], refetchInterval: 5000, queryFn: () => loadEnrollments(prospectId) });
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
      {session.user && <EnrollForm prospectId={prospectId} repId={session.user.id} />}
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
  const [at, setAt] = useState('');
  const reschedule = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/enrollments/{enrollmentId}/reschedule', { params: { path }, body: { at: zonedInputToIso(at, zone ?? 'UTC'), reason } })),
    onSuccess: () => client.invalidateQueries({ predicate: (q) => ['enrollments', 'upcoming', 'timeline'].includes(String(q.queryKey[0])) }),
  });
  const moved = reschedule.data?.reschedule;
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
      {running && (
        <form className="controls" onSubmit={(ev) => (ev.preventDefault(), reschedule.mutate())}>
          <label>
            Next step at, prospect's time ({zone ?? 'UTC'}) <input type="datetime-local" value={at} onChange={(ev) => setAt(ev.target.value)} required />
          </label>
          <button type="submit" disabled={!reason || !at}>
            Reschedule
          </button>
        </form>
      )}
      {moved && (
        <p role="status">
          Due {formatAt(moved.effectiveAt)}
          {moved.moved && `: moved from the time asked because ${moved.because.map((b) => b.detail).join('; ')}`}
        </p>
      )}
      <ErrorNote error={control.error ?? reschedule.error} />
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

function EnrollForm({ prospectId, repId }: { prospectId: string; repId: string }) {
  const client = useQueryClient();
  const sequences = useQuery({ queryKey: ['sequences'], queryFn: () => unwrap(api.GET('/v1/sequences', { params: { query: { limit: 100 } } })) });
  const enroll = useMutation({
    mutationFn: (v: { sequenceId: string; context: string; pretext: string }) =>
      unwrap(api.POST('/v1/enrollments', { body: { prospectId, repId, sequenceId: v.sequenceId, ...(v.context ? { context: v.context } : {}), ...(v.pretext ? { pretext: v.pretext } : {}) } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['enrollments', prospectId] }),
  });
  return (
    <form
      className="controls enroll"
      onSubmit={(e) => {
        e.preventDefault();
        const v = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
        enroll.mutate({ sequenceId: v.sequenceId ?? '', context: v.context ?? '', pretext: v.pretext ?? '' });
      }}
    >
      <h2>Enroll in a sequence</h2>
      <Choice label="Sequence" name="sequenceId" required options={sequences.data?.data.map((s) => ({ value: s.sequenceId, label: s.name }))} />
      <label>
        Context <input name="context" />
      </label>
      <label>
        Pretext <input name="pretext" />
      </label>
      <button type="submit" disabled={enroll.isPending}>
        Enroll
      </button>
      <ErrorNote error={enroll.error} />
    </form>
  );
}
