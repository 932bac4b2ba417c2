// Escalation policy (PLAYBOOK §4): how many times the rep's boss may call a contact's N+1/N+2 per
// account and per rep over a window, and each rep's escalations used against that quota (the
// activity report's figures: ops see everyone, a manager their team).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api, unwrap, unwrapJson, type Session } from '../api/client';
import { ErrorNote, Field } from '../components/Field';
import { canEditSettings, fieldError } from './ops/access';
import { ColumnHeads } from '../components/ColumnHeads';

type Policy = { perAccount: number; perRep: number; windowDays: number };
const KEYS = ['perAccount', 'perRep', 'windowDays'] as const;

export function Escalations({ session }: { session: Session }) {
  const client = useQueryClient();
  const canEdit = canEditSettings(session);
  const policy = useQuery({ queryKey: ['escalation-policy'], queryFn: () => unwrap(api.GET('/v1/escalation-policy')) });
  const usage = useQuery({ queryKey: ['activity', 'escalations'], queryFn: () => unwrapJson(api.GET('/v1/reports/activity', { params: { query: {} } })) });
  const save = useMutation({
    mutationFn: (body: Partial<Policy>) => unwrap(api.PUT('/v1/escalation-policy', { body })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['escalation-policy'] });
      await client.invalidateQueries({ queryKey: ['activity'] });
    },
  });
  const effective = policy.data?.effective as Policy | undefined;
  const onSave = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = new FormData(e.currentTarget);
    // Only what differs from the effective policy joins the overrides: a default stays a default.
    const changed = KEYS.filter((k) => Number(v.get(k)) !== effective?.[k]).map((k) => [k, Number(v.get(k))]);
    save.mutate({ ...policy.data?.escalationPolicy, ...Object.fromEntries(changed) });
  };
  const err = (k: string) => fieldError(save.error, `body.${k}`);
  return (
    <>
      <h1>Escalations</h1>
      <ErrorNote error={policy.error} />
      {effective && (
        <form className="rules" onSubmit={onSave} aria-labelledby="policy-heading">
          <h2 id="policy-heading">Escalation quotas</h2>
          <p>The rep&apos;s manager calls a contact&apos;s superiors only for organizational blockers, and at most this often.</p>
          {!canEdit && <p>Only ops and admins change the quotas.</p>}
          <fieldset disabled={!canEdit}>
            <legend>Quotas over the window</legend>
            <Field label="Escalations per account, at most" name="perAccount" type="number" defaultValue={effective.perAccount} error={err('perAccount')} />
            <Field label="Escalations per rep, at most" name="perRep" type="number" defaultValue={effective.perRep} error={err('perRep')} />
            <Field label="Window (days)" name="windowDays" type="number" defaultValue={effective.windowDays} error={err('windowDays')} />
          </fieldset>
          <ErrorNote error={save.error} />
          {save.isSuccess && <p role="status">Quotas saved: they apply to the next escalation asked for.</p>}
          {canEdit && <button type="submit" disabled={save.isPending}>Save the quotas</button>}
        </form>
      )}
      <ErrorNote error={usage.error} />
      {usage.data && (
        <table>
          <caption>Escalations used in the last {effective?.windowDays ?? '…'} days</caption>
          <ColumnHeads names={['Rep', 'Used', 'Quota', 'Left']} />
          <tbody>
            {usage.data.reps.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{r.escalationsUsed}</td>
                <td>{r.escalationQuota}</td>
                <td>{r.escalationsUsed >= r.escalationQuota ? <span className="warn">none left</span> : r.escalationQuota - r.escalationsUsed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
