// Team (admin and ops): the workspace's people and their invitation links, shown once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap, type Session } from '../api/client';
import { ErrorNote, Field } from '../components/Field';

export function Team({ session }: { session: Session }) {
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => unwrap(api.GET('/v1/users', { params: { query: { limit: 100 } } })) });
  const [link, setLink] = useState<{ name: string; url: string; expiresAt: string } | null>(null);
  const invite = useMutation({
    mutationFn: async (u: { id: string; name: string }) => ({ name: u.name, ...(await unwrap(api.POST('/v1/users/{userId}/invitation', { params: { path: { userId: u.id } } }))) }),
    onSuccess: setLink,
  });
  const add = useMutation({
    mutationFn: (body: { email: string; name: string; role: 'rep' | 'manager' | 'ops' | 'admin' }) => unwrap(api.POST('/v1/users', { body })),
    onSuccess: async (u) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      invite.mutate(u);
    },
  });
  const onAdd = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    add.mutate({ email: v.email!, name: v.name!, role: v.role as 'rep' });
  };
  return (
    <>
      <h1>Team</h1>
      {link && (
        <section className="link" aria-label="Invitation link" role="status">
          <p>
            Invitation for {link.name}, valid until {new Date(link.expiresAt).toLocaleString()}. It is shown only now: copy it and send it.
          </p>
          <input aria-label="Invitation link" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => void navigator.clipboard.writeText(link.url)}>
            Copy link
          </button>
        </section>
      )}
      <ErrorNote error={invite.error} />
      {users.data && (
        <table>
          <caption>People</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Sign-in</th>
            </tr>
          </thead>
          <tbody>
            {users.data.data.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.role}</td>
                <td>
                  <button type="button" onClick={() => invite.mutate(u)}>
                    Invite {u.name}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {session.role === 'admin' && (
        <form onSubmit={onAdd} className="add-user">
          <h2>Add a person</h2>
          <Field label="Name" name="name" required error={add.error instanceof ApiError ? add.error.field('name') : undefined} />
          <Field label="Email" name="email" type="email" required error={add.error instanceof ApiError ? add.error.field('email') : undefined} />
          <label>
            Role{' '}
            <select name="role" defaultValue="rep">
              <option value="rep">rep</option>
              <option value="manager">manager</option>
              <option value="ops">ops</option>
              <option value="admin">admin</option>
            </select>
          </label>
          <ErrorNote error={add.error} />
          <button type="submit">Add and invite</button>
        </form>
      )}
    </>
  );
}
