// Webhooks (admins): the URLs Relance posts events to, each with its delivery log (status,
// attempts, last error) and, for a delivery that failed, a redelivery under the same webhook-id
// so the receiver can deduplicate. The signing secret is shown once, at creation.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../api/client';
import type { components, paths } from '../api/openapi';
import { OnceSecret } from '../components/Confirm';
import { ErrorNote, Field } from '../components/Field';
import { ColumnHeads } from '../components/ColumnHeads';
import { formatAt } from '../time';

type Subscription = components['schemas']['WebhookSubscription'];
type Delivery = components['schemas']['WebhookDelivery'];
type SubscriptionCreate = NonNullable<paths['/v1/webhooks']['post']['requestBody']>['content']['application/json'];

function lastAnswer(d: Delivery) {
  if (d.lastError) return d.lastError;
  return d.lastStatusCode === null ? '' : `HTTP ${d.lastStatusCode}`;
}

function DeliveryLog({ sub }: { sub: Subscription }) {
  const client = useQueryClient();
  const key = ['webhook-deliveries', sub.id];
  const log = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: sub.id }, query: { limit: 50 } } })),
    // Deliveries under way (a redelivery, retries) are followed until they settle.
    refetchInterval: (q) => (q.state.data?.data.some((d) => d.status === 'pending') ? 1500 : false),
  });
  const redeliver = useMutation({
    mutationFn: (deliveryId: number) => unwrap(api.POST('/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id: sub.id, deliveryId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  if (log.error) return <ErrorNote error={log.error} />;
  if (!log.data) return <p role="status">Loading the delivery log…</p>;
  if (log.data.data.length === 0) return <p>No delivery yet.</p>;
  return (
    <>
      <ErrorNote error={redeliver.error} />
      <table className="deliveries">
        <caption>Delivery log of {sub.url}, newest first</caption>
        <ColumnHeads names={['Message', 'Created', 'Status', 'Attempts', 'Last answer', 'Last attempt', 'Action']} />
        <tbody>
          {log.data.data.map((d) => (
            <tr key={d.id} className={d.status === 'failed' ? 'failed' : undefined}>
              <td>
                <code>{d.messageId}</code>
              </td>
              <td>{formatAt(d.createdAt)}</td>
              <td>{d.status}</td>
              <td>{d.attempts}</td>
              <td>{lastAnswer(d)}</td>
              <td>{d.attemptLog.length ? formatAt(d.attemptLog[d.attemptLog.length - 1]!.attemptedAt) : ''}</td>
              <td>
                {d.status === 'failed' && (
                  <button type="button" disabled={redeliver.isPending || sub.status !== 'active'} onClick={() => redeliver.mutate(d.id)}>
                    Redeliver {d.messageId}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function SubscriptionCard({ sub }: { sub: Subscription }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const enable = useMutation({
    mutationFn: () => unwrap(api.PATCH('/v1/webhooks/{id}', { params: { path: { id: sub.id } }, body: { status: 'active' } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['webhooks'] }),
  });
  return (
    <section className={sub.status === 'active' ? 'webhook' : 'webhook attention'} aria-label={`Webhook ${sub.url}`}>
      <h2>{sub.url}</h2>
      <p>
        {sub.description && `${sub.description} · `}
        {sub.eventTypes.join(', ')} · since {formatAt(sub.createdAt)}
      </p>
      {sub.status === 'disabled' && (
        <p className="warn">
          Disabled: {sub.disabledReason}{' '}
          <button type="button" onClick={() => enable.mutate()}>
            Re-enable
          </button>
        </p>
      )}
      {sub.failingSince && sub.status === 'active' && <p className="warn">Failing since {formatAt(sub.failingSince)}</p>}
      <ErrorNote error={enable.error} />
      <button type="button" className="quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide' : 'Show'} the delivery log of {sub.url}
      </button>
      {open && <DeliveryLog sub={sub} />}
    </section>
  );
}

export function Webhooks() {
  const client = useQueryClient();
  const subs = useQuery({ queryKey: ['webhooks'], queryFn: () => unwrap(api.GET('/v1/webhooks', { params: { query: { limit: 100 } } })) });
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const create = useMutation({
    mutationFn: (body: SubscriptionCreate) => unwrap(api.POST('/v1/webhooks', { body })),
    onSuccess: async (s) => {
      setSecret({ url: s.url, secret: s.secret });
      await client.invalidateQueries({ queryKey: ['webhooks'] });
    },
  });
  const onCreate = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const v = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const eventTypes = (v.eventTypes ?? '').split(/[\s,]+/).filter(Boolean);
    // The API names an unknown event type (body.eventTypes.N): the list is checked there, not copied here.
    create.mutate({ url: v.url!, eventTypes: (eventTypes.length ? eventTypes : ['*']) as SubscriptionCreate['eventTypes'], ...(v.description ? { description: v.description } : {}) }, { onSuccess: () => form.reset() });
  };
  const fieldError = (f: string) => (create.error instanceof ApiError ? create.error.problem.errors?.find((x) => x.field.startsWith(`body.${f}`))?.message : undefined);
  return (
    <>
      <h1>Webhooks</h1>
      {secret && <OnceSecret what={`signing secret of ${secret.url}`} value={secret.secret} />}
      <ErrorNote error={subs.error} />
      {subs.data?.data.length === 0 && <p>No webhook yet.</p>}
      {subs.data?.data.map((s) => (
        <SubscriptionCard key={s.id} sub={s} />
      ))}
      <form onSubmit={onCreate} className="add-user">
        <h2>Add a webhook</h2>
        <Field label="URL" name="url" type="url" required placeholder="https://crm.example/hooks/relance" error={fieldError('url')} />
        <Field label="Event types (separated by commas; * for all)" name="eventTypes" defaultValue="*" error={fieldError('eventTypes')} />
        <Field label="Description" name="description" maxLength={500} error={fieldError('description')} />
        <ErrorNote error={create.error} />
        <button type="submit" disabled={create.isPending}>
          Add webhook
        </button>
      </form>
    </>
  );
}
