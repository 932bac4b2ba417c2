// Reps' time off (ops and admin: everyone; a manager: their team): every person's declared days away, a new one (who covers: their tasks and
// announced calls pass to them; nobody: the rep's cadences wait for the return), and removal.
// What a time off changed shows once written, with the promises nobody keeps in the prospect's time.
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap, type Session } from '../api/client';
import type { components } from '../api/openapi';
import { ErrorNote, Field } from '../components/Field';
import { formatAt } from '../time';
import { fieldError } from './ops/access';
import { useReachable } from './ops/people';
import { ColumnHeads } from '../components/ColumnHeads';
import { Choice } from '../components/Choice';

type Written = components['schemas']['RepAbsenceWritten'];
type NewTimeOff = { userId: string; startsOn: string; endsOn: string; coveringUserId?: string; note?: string };

function Effects({ written, nameOf }: { written: Written; nameOf: (id: string | null) => string }) {
  const e = written.effects;
  const cover = written.absence.coveringUserId;
  return (
    <section role="status" aria-label="What the time off changed" className="handoff">
      <p>
        Time off of {nameOf(written.absence.userId)} from {written.absence.startsOn} to {written.absence.endsOn} saved.{' '}
        {cover ? `${e.tasksToCover} tasks and ${e.callSlotsToCover} announced calls pass to ${nameOf(cover)}.` : 'Nobody covers: their cadences wait for the return.'}{' '}
        {e.cadencesNotified} running cadences plan their waiting step again{e.cadencesNotReached ? ` (${e.cadencesNotReached} will on their next step)` : ''}.
      </p>
      {e.promisesAtRisk.length > 0 && (
        <>
          <p className="warn">Promises nobody keeps: reassign them or keep them.</p>
          <ul>
            {e.promisesAtRisk.map((p) => (
              <li key={p.taskId}>
                <a href={`#/tasks/${p.taskId}`}>{p.kind.replace(/_/g, ' ')}</a> due {formatAt(p.dueAt)} (prospect&apos;s local time {p.prospectTimeZone ? `${formatAt(p.dueAt, p.prospectTimeZone, false)}, ${p.prospectTimeZone}` : 'unknown'}): {p.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function TimeOff({ session }: { session: Session }) {
  const client = useQueryClient();
  const reachable = useReachable(session);
  const everyone = reachable.people;
  const nameOf = (id: string | null) => everyone.find((p) => p.id === id)?.name ?? 'someone';
  const lists = useQueries({
    queries: everyone.map((p) => ({ queryKey: ['absences', p.id], queryFn: () => unwrap(api.GET('/v1/users/{userId}/absences', { params: { path: { userId: p.id } } })) })),
  });
  const rows = lists.flatMap((l) => l.data?.data ?? []).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const [who, setWho] = useState('');
  const add = useMutation({
    mutationFn: ({ userId, ...body }: NewTimeOff) => unwrap(api.POST('/v1/users/{userId}/absences', { params: { path: { userId } }, body })),
    onSuccess: (w) => client.invalidateQueries({ queryKey: ['absences', w.absence.userId] }),
  });
  const remove = useMutation({
    mutationFn: (a: { userId: string; id: string }) => unwrap(api.DELETE('/v1/users/{userId}/absences/{absenceId}', { params: { path: { userId: a.userId, absenceId: a.id } } })),
    onSuccess: (_, a) => client.invalidateQueries({ queryKey: ['absences', a.userId] }),
  });
  const onAdd = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    add.mutate({ userId: v.userId!, startsOn: v.startsOn!, endsOn: v.endsOn!, ...(v.coveringUserId ? { coveringUserId: v.coveringUserId } : {}), ...(v.note ? { note: v.note } : {}) });
  };
  const err = (k: string) => fieldError(add.error, `body.${k}`);
  return (
    <>
      <h1>Time off</h1>
      <ErrorNote error={reachable.error ?? lists.find((l) => l.error)?.error} />
      <table>
        <caption>Days away, earliest first (the public holidays of each person&apos;s country count too, undeclared)</caption>
        <ColumnHeads names={['Who', 'From', 'Last day away', 'Covered by', 'Note', 'Remove']} />
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={6}>No time off declared.</td>
            </tr>
          )}
          {rows.map((a) => (
            <tr key={a.id}>
              <th scope="row">{nameOf(a.userId)}</th>
              <td>{a.startsOn}</td>
              <td>{a.endsOn}</td>
              <td>{a.coveringUserId ? nameOf(a.coveringUserId) : 'Nobody: their cadences wait'}</td>
              <td>{a.note ?? ''}</td>
              <td>
                <button type="button" className="quiet" disabled={remove.isPending} onClick={() => remove.mutate({ userId: a.userId, id: a.id })}>
                  Remove the time off of {nameOf(a.userId)} from {a.startsOn}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNote error={remove.error} />
      {add.data && <Effects written={add.data} nameOf={nameOf} />}
      <form className="add-user" onSubmit={onAdd} aria-labelledby="time-off-heading">
        <h2 id="time-off-heading">Declare a time off</h2>
        <Choice label="Who" name="userId" required value={who} onChange={(e) => setWho(e.currentTarget.value)} none="Choose a person" options={everyone.map((p) => ({ value: p.id, label: p.name }))} />
        <Field label="First day away" name="startsOn" type="date" required error={err('startsOn')} />
        <Field label="Last day away" name="endsOn" type="date" required error={err('endsOn')} />
        <label>
          Covered by{' '}
          <select name="coveringUserId" defaultValue="">
            <option value="">Nobody: their cadences wait for the return</option>
            {everyone
              .filter((p) => p.id !== who)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} (takes their tasks and announced calls)
                </option>
              ))}
          </select>
        </label>
        {err('coveringUserId') && <p className="error">{err('coveringUserId')}</p>}
        <Field label="Note for the team (optional)" name="note" error={err('note')} />
        <ErrorNote error={add.error} />
        <button type="submit" disabled={add.isPending}>Declare the time off</button>
      </form>
    </>
  );
}
