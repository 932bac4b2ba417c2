// A booked meeting handed to a field rep (PLAYBOOK §5): who set it, when and where, the booking
// call's notes and recording, the prospect's context and pretext and local time; then its outcome,
// posted to the handoff (its workflow closes the task), a new time read in the prospect's zone.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../api/client';
import type { components } from '../api/openapi';
import { ErrorNote } from '../components/Field';
import { useNow } from '../components/LocalTime';
import { clockIn, formatAt, zonedInputToIso } from '../time';

type Outcome = components['schemas']['MeetingOutcome']['outcome'];
const OUTCOMES: Array<{ value: Outcome; label: string }> = [
  { value: 'held', label: 'Held' },
  { value: 'no_show', label: 'No-show' },
  { value: 'rescheduled', label: 'Rescheduled' },
  { value: 'cancelled_by_prospect', label: 'Cancelled by the prospect' },
  { value: 'cancelled_by_us', label: 'Cancelled by us' },
  { value: 'disqualified', label: 'Disqualified' },
];

export function HandoffAnswer({ handoffId, onAnswered }: { handoffId: string; onAnswered: () => Promise<void> }) {
  const client = useQueryClient();
  const now = useNow();
  const [outcome, setOutcome] = useState<Outcome>('held');
  const handoff = useQuery({ queryKey: ['handoff', handoffId], queryFn: () => unwrap(api.GET('/v1/handoffs/{handoffId}', { params: { path: { handoffId } } })) });
  const prospectId = handoff.data?.prospectId;
  const prospect = useQuery({ queryKey: ['prospect', prospectId], enabled: Boolean(prospectId), queryFn: () => unwrap(api.GET('/v1/prospects/{prospectId}', { params: { path: { prospectId: prospectId! } } })) });
  const zone = prospect.data?.timeZone ?? null;
  const answer = useMutation({
    mutationFn: (body: components['schemas']['MeetingOutcome']) => unwrap(api.POST('/v1/handoffs/{handoffId}/outcome', { params: { path: { handoffId } }, body })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['handoff', handoffId] });
      await onAnswered();
    },
  });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const meetingAt = outcome === 'rescheduled' && v.meetingAt ? zonedInputToIso(v.meetingAt, zone ?? 'UTC') : undefined;
    answer.mutate({ outcome, ...(v.note ? { note: v.note } : {}), ...(meetingAt ? { meetingAt } : {}) });
  };
  if (handoff.isPending) return <p role="status">Loading the meeting…</p>;
  if (handoff.error) return <ErrorNote error={handoff.error} />;
  const h = handoff.data;
  const p = prospect.data;
  const open = h.status === 'awaiting_outcome' || h.status === 'scheduled' || h.status === 'to_schedule';
  return (
    <>
      <section aria-labelledby="handoff-title" className="handoff">
        <h2 id="handoff-title">The meeting</h2>
        <dl className="details">
          <dt>Prospect</dt>
          <dd>
            {p ? `${p.firstName ?? ''} ${p.lastName ?? ''}`.trim() || p.email : '…'} <a href={`#/prospects/${h.prospectId}`}>Prospect page</a>
          </dd>
          <dt>Set by</dt>
          <dd>
            {h.setterName ?? 'their SDR'} on {formatAt(h.createdAt)}
          </dd>
          <dt>When</dt>
          <dd>
            {h.meetingAt ? (
              <>
                {formatAt(h.meetingAt)}
                {zone && <span className="local"> · {formatAt(h.meetingAt, zone)} prospect's time</span>}
              </>
            ) : (
              'not scheduled yet'
            )}
          </dd>
          <dt>Where</dt>
          <dd>{h.location ?? 'not said'}</dd>
          <dt>Prospect's local time</dt>
          <dd>{zone ? `${clockIn(zone, now)} (${zone})` : p ? 'time zone unknown' : '…'}</dd>
          <dt>Call notes</dt>
          <dd>{h.notes ?? 'none'}</dd>
          <dt>Recording</dt>
          <dd>
            {h.recordingUrl ? (
              <a href={h.recordingUrl} target="_blank" rel="noreferrer noopener">
                Listen to the booking call
              </a>
            ) : (
              'none'
            )}
          </dd>
          <dt>Context</dt>
          <dd>{h.context ?? 'none'}</dd>
          <dt>Pretext</dt>
          <dd>{h.pretext ?? 'none'}</dd>
          <dt>Status</dt>
          <dd>
            {h.status.replace(/_/g, ' ')}
            {h.reschedules > 0 && ` · rescheduled ${h.reschedules}×`}
          </dd>
        </dl>
      </section>
      {open && (
        <form className="outcome" onSubmit={onSubmit} aria-labelledby="answer-title">
          <h2 id="answer-title">How did it go?</h2>
          <fieldset>
            <legend>Outcome</legend>
            {OUTCOMES.map((o) => (
              <label key={o.value}>
                <input type="radio" name="outcome" value={o.value} checked={outcome === o.value} onChange={() => setOutcome(o.value)} /> {o.label}
              </label>
            ))}
          </fieldset>
          {outcome === 'rescheduled' && (
            <p className="field">
              <label htmlFor="meeting-at">New time, in the prospect's zone ({zone ?? 'UTC'})</label>
              <input id="meeting-at" name="meetingAt" type="datetime-local" aria-invalid={answer.error instanceof ApiError && answer.error.field('meetingAt') ? true : undefined} />
              {answer.error instanceof ApiError && answer.error.field('meetingAt') && <span className="error">{answer.error.field('meetingAt')}</span>}
            </p>
          )}
          <p className="field">
            <label htmlFor="outcome-note">Note</label>
            <textarea id="outcome-note" name="note" rows={3} maxLength={5000} />
          </p>
          <ErrorNote error={answer.error} />
          <p>
            <button type="submit" disabled={answer.isPending}>
              Record the outcome
            </button>
          </p>
        </form>
      )}
    </>
  );
}
