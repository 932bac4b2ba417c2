// Call block mode: the queue's calls one at a time. The prep, the script, the prospect's local
// time, and the outcome form (PLAYBOOK §2) with a key per outcome; submit, and the next call comes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, unwrap, type Session, type Task } from '../api/client';
import type { components } from '../api/openapi';

type TaskOutcome = components['schemas']['TaskOutcome'];
import { ErrorNote } from '../components/Field';
import { ProspectClock } from '../components/LocalTime';
import { Choice } from '../components/Choice';
import { isCall, prepOf, queueKey, useQueue } from '../queue';
import { formatAt, zonedInputToIso } from '../time';

export const OUTCOMES = [
  ['connected', 'Connected'],
  ['gatekeeper', 'Gatekeeper'],
  ['no_answer', 'No answer'],
  ['voicemail_left', 'Voicemail left'],
  ['wrong_number', 'Wrong number'],
  ['not_interested', 'Not interested'],
  ['meeting_booked', 'Meeting booked'],
  ['blocker', 'Blocker'],
] as const;
const BLOCKERS = [
  ['champion_lacks_authority', 'Champion lacks authority (organizational)'],
  ['no_consensus', 'No consensus between departments (organizational)'],
  ['urgency_not_perceived', 'Urgency not perceived at the right level (organizational)'],
  ['budget', 'Budget'],
  ['technical', 'Technical constraint'],
  ['offer_weakness', 'Weakness of the offer'],
] as const;
const DEFAULT_CALL_WINDOW = { start: '08:00', end: '19:30' };

function useCallWindow() {
  const rules = useQuery({ queryKey: ['timing-rules'], queryFn: () => unwrap(api.GET('/v1/timing-rules')), staleTime: 600_000 });
  return (rules.data?.effective?.callWindow as { start: string; end: string } | undefined) ?? DEFAULT_CALL_WINDOW;
}

export function CallBlock({ session, startAt }: { session: Session; startAt: string | null }) {
  const repId = session.user?.id ?? '';
  const queue = useQueue(repId);
  const [done, setDone] = useState<string[]>([]);
  const [last, setLast] = useState<string>('');
  if (queue.isPending) return <p role="status">Loading your calls…</p>;
  if (queue.error) return <ErrorNote error={queue.error} />;
  const calls = queue.data.open.filter((t) => isCall(t) && !done.includes(t.id));
  const current = calls.find((t) => t.id === startAt) ?? calls[0];
  return (
    <>
      <h1>Call block</h1>
      <p role="status" className="status">
        {last}
        {last && ' '}
        {calls.length} call{calls.length === 1 ? '' : 's'} to make.
      </p>
      {current ? (
        <CallCard
          key={current.id}
          task={current}
          onLogged={(outcome) => {
            setDone((d) => [...d, current.id]);
            setLast(`Logged ${outcome.replace(/_/g, ' ')} for ${current.title}.`);
            if (startAt) window.location.hash = '#/call';
          }}
          repId={repId}
        />
      ) : (
        <p>No call due. Your queue has {queue.data.open.length} other task(s).</p>
      )}
    </>
  );
}

function CallCard({ task, repId, onLogged }: { task: Task; repId: string; onLogged: (outcome: string) => void }) {
  const prep = prepOf(task);
  const callWindow = useCallWindow();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<string>('');
  const form = useRef<HTMLFormElement>(null);
  const enrollment = useQuery({ queryKey: ['enrollment', task.enrollmentId], enabled: Boolean(task.enrollmentId), queryFn: () => unwrap(api.GET('/v1/enrollments/{enrollmentId}', { params: { path: { enrollmentId: task.enrollmentId! } } })) });
  const prospectId = enrollment.data?.prospectId;
  const prospect = useQuery({ queryKey: ['prospect', prospectId], enabled: Boolean(prospectId), queryFn: () => unwrap(api.GET('/v1/prospects/{prospectId}', { params: { path: { prospectId: prospectId! } } })) });
  const accountId = prospect.data?.accountId;
  const colleagues = useQuery({
    queryKey: ['account-contacts', accountId],
    enabled: Boolean(accountId),
    queryFn: () => unwrap(api.GET('/v1/prospects', { params: { query: { accountId: accountId!, limit: 20 } } })),
  });
  const others = colleagues.data?.data.filter((p) => p.id !== prospectId) ?? [];
  const complete = useMutation({
    mutationFn: (body: TaskOutcome) => unwrap(api.POST('/v1/tasks/{taskId}/complete', { params: { path: { taskId: task.id } }, body })),
    onSuccess: async (_r, body) => {
      onLogged(body.outcome);
      await client.invalidateQueries({ queryKey: queueKey(repId) });
    },
  });
  // 1-8 pick an outcome, unless the rep is typing.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      const pick = OUTCOMES[Number(e.key) - 1];
      if (pick) {
        e.preventDefault();
        setOutcome(pick[0]);
        form.current?.querySelector<HTMLInputElement>(`input[value="${pick[0]}"]`)?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const submit = (data: FormData) => {
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const objections = text('objections').split(',').map((s) => s.trim()).filter(Boolean);
    const callback = text('callbackAt');
    complete.mutate({
      outcome: outcome as (typeof OUTCOMES)[number][0],
      ...(text('note') ? { note: text('note') } : {}),
      ...(objections.length ? { objections } : {}),
      ...(outcome === 'gatekeeper' && text('assistantName') ? { assistantName: text('assistantName') } : {}),
      ...(outcome === 'gatekeeper' && callback && prep.timeZone ? { callbackAt: zonedInputToIso(callback, prep.timeZone) } : {}),
      ...(outcome === 'blocker' ? { blockerKind: text('blockerKind') as (typeof BLOCKERS)[number][0] } : {}),
    });
  };
  const dm = prep.decisionMaker;
  return (
    <article className="call" aria-labelledby="call-title">
      <h2 id="call-title">{task.title}</h2>
      <ProspectClock timeZone={prep.timeZone} callWindow={callWindow} />
      <p>
        Due {formatAt(task.dueAt)}
        {prep.announcedCallAt && <> · announced for <strong>{formatAt(prep.announcedCallAt, prep.timeZone)}</strong> prospect's time</>}
        {enrollment.data && (
          <>
            {' · '}
            <a href={`#/prospects/${enrollment.data.prospectId}`}>Prospect page</a>
          </>
        )}
      </p>
      {(prep.warnings ?? []).map((w) => (
        <p key={w} className="warn" role="note">
          {w}
        </p>
      ))}
      <section className="prep" aria-label="Preparation">
        <h3>Preparation</h3>
        <dl>
          <dt>Decision maker</dt>
          <dd>{dm?.name ? `${dm.name}${dm.title ? `, ${dm.title}` : ''}` : <span className="warn">No name on file: find it before calling</span>}</dd>
          <dt>Phone</dt>
          <dd>{dm?.phone ? <a href={`tel:${dm.phone}`}>{dm.phone}</a> : 'none'}</dd>
          <dt>Account</dt>
          <dd>{prep.account?.name ?? 'none'}</dd>
          <dt>Announcement</dt>
          <dd>{prep.announcement ? `"${prep.announcement.subject}", sent ${prep.announcement.sent ?? 'not confirmed'}` : 'none sent'}</dd>
          {prep.assistantName && (
            <>
              <dt>Assistant</dt>
              <dd>{prep.assistantName}</dd>
            </>
          )}
          <dt>Context</dt>
          <dd>{prep.context ?? 'none'}</dd>
          <dt>Pretext</dt>
          <dd>{prep.pretext ?? 'none'}</dd>
          <dt>Other contacts at the account</dt>
          <dd>
            {others.length === 0
              ? 'none'
              : others.map((o, i) => (
                  <span key={o.id}>
                    {i > 0 && '; '}
                    <a href={`#/prospects/${o.id}`}>{[o.firstName, o.lastName].filter(Boolean).join(' ') || o.email}</a>
                    {o.title && `, ${o.title}`} ({o.status.replace(/_/g, ' ')})
                  </span>
                ))}
          </dd>
          <dt>Objections heard before</dt>
          <dd>{prep.objectionsHeard?.length ? prep.objectionsHeard.join('; ') : 'none'}</dd>
        </dl>
      </section>
      {prep.script && (
        <section aria-label="Script">
          <h3>Script</h3>
          <pre className="script">{prep.script}</pre>
        </section>
      )}
      <form ref={form} className="outcome" onSubmit={(e) => (e.preventDefault(), submit(new FormData(e.currentTarget)))}>
        <fieldset>
          <legend>Outcome (keys 1-8)</legend>
          {OUTCOMES.map(([value, label], i) => (
            <label key={value} className="choice">
              <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} required />
              <kbd>{i + 1}</kbd> {label}
            </label>
          ))}
        </fieldset>
        {outcome === 'gatekeeper' && (
          <fieldset>
            <legend>Gatekeeper</legend>
            <label>
              Assistant's name <input name="assistantName" defaultValue={prep.assistantName ?? ''} />
            </label>
            <label>
              Callback time, prospect's time ({prep.timeZone ?? 'unknown zone'}) <input type="datetime-local" name="callbackAt" />
            </label>
          </fieldset>
        )}
        {outcome === 'blocker' && (
          <Choice label="Blocker kind" name="blockerKind" required options={BLOCKERS.map(([value, label]) => ({ value, label }))} />
        )}
        <label>
          Notes <textarea name="note" rows={2} />
        </label>
        <label>
          Objections heard (comma separated) <input name="objections" />
        </label>
        <ErrorNote error={complete.error} />
        <button type="submit" disabled={!outcome || complete.isPending}>
          Log outcome and next call
        </button>
      </form>
    </article>
  );
}
