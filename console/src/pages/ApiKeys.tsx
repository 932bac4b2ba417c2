// API keys (admins): who and what may call the API. A new key's secret is shown once, to copy;
// Relance keeps only its hash. Revoking is immediate: the key's next call gets 401.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../api/client';
import type { components } from '../api/openapi';
import { ConfirmButton, OnceSecret } from '../components/Confirm';
import { ErrorNote, Field } from '../components/Field';
import { Choice } from '../components/Choice';
import { ColumnHeads } from '../components/ColumnHeads';
import { formatAt } from '../time';

type Role = components['schemas']['ApiKey']['role'];
// A Record, so that a role the API adds is a type error here until it is described.
const ROLE_WHAT: Record<Role, string> = {
  integration: 'integration: a CRM or a script (prospects, enrollments, webhooks)',
  ops: 'ops: sequences, mailboxes, timing rules',
  rep: 'rep: acts as one person',
  admin: 'admin: everything, keys included',
};
const ROLES = Object.entries(ROLE_WHAT).map(([value, label]) => ({ value, label }));

export function ApiKeys() {
  const client = useQueryClient();
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => unwrap(api.GET('/v1/api-keys', { params: { query: { limit: 100 } } })) });
  const people = useQuery({ queryKey: ['users'], queryFn: () => unwrap(api.GET('/v1/users', { params: { query: { limit: 100 } } })) });
  const [role, setRole] = useState<Role>('integration');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['api-keys'] });
  const create = useMutation({
    mutationFn: (body: { name: string; role: Role; userId?: string }) => unwrap(api.POST('/v1/api-keys', { body })),
    onSuccess: async (k) => {
      setCreated({ name: k.name, key: k.key });
      await refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (keyId: string) => unwrap(api.DELETE('/v1/api-keys/{keyId}', { params: { path: { keyId } } })), onSuccess: refresh });
  const onCreate = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const v = Object.fromEntries(new FormData(form)) as Record<string, string>;
    create.mutate({ name: v.name!, role, ...(role === 'rep' && v.userId ? { userId: v.userId } : {}) }, { onSuccess: () => form.reset() });
  };
  const nameOf = (userId: string | null) => (userId ? (people.data?.data.find((u) => u.id === userId)?.name ?? 'a person') : '');
  const fieldError = (f: string) => (create.error instanceof ApiError ? create.error.field(f) : undefined);
  return (
    <>
      <h1>API keys</h1>
      {created && <OnceSecret what={`key ${created.name}`} value={created.key} />}
      <ErrorNote error={keys.error ?? revoke.error} />
      {keys.data && (
        <table>
          <caption>Keys, oldest first</caption>
          <ColumnHeads names={['Name', 'Role', 'Starts with', 'Created', 'Last used', 'State']} />
          <tbody>
            {keys.data.data.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>
                  {k.role} {nameOf(k.userId)}
                </td>
                <td>
                  <code>{k.prefix}</code>
                </td>
                <td>{formatAt(k.createdAt)}</td>
                <td>{k.lastUsedAt ? formatAt(k.lastUsedAt) : 'never'}</td>
                <td>
                  {k.revokedAt ? (
                    `revoked ${formatAt(k.revokedAt)}`
                  ) : (
                    <ConfirmButton label={`Revoke ${k.name}`} question={`Revoke ${k.name}? Its next call is refused.`} confirmLabel="Yes, revoke" busy={revoke.isPending} onConfirm={() => revoke.mutate(k.id)} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={onCreate} className="add-user">
        <h2>Create a key</h2>
        <Field label="Name" name="name" required maxLength={200} placeholder="CRM sync" error={fieldError('name')} />
        <Choice label="Role" name="role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)} options={ROLES} />
        {role === 'rep' && (
          <Choice label="Acts as" name="userId" required options={people.data?.data.map((u) => ({ value: u.id, label: u.name }))}>
            {fieldError('userId') && <span className="error"> {fieldError('userId')}</span>}
          </Choice>
        )}
        <ErrorNote error={create.error} />
        <button type="submit" disabled={create.isPending}>
          Create key
        </button>
      </form>
    </>
  );
}
