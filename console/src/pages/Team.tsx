// Team (admin and ops): the workspace's people and their invitation links, emailed through the
// inviter's mailbox (or the local outbox) when asked, and shown once either way.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap, type Session } from '../api/client';
import type { components } from '../api/openapi';
import { ErrorNote, Field } from '../components/Field';
import { ConfirmButton } from '../components/Confirm';
import { formatAt } from '../time';
import { ColumnHeads } from '../components/ColumnHeads';
import { Choice } from '../components/Choice';

type SignInLink = components['schemas']['SignInLink'];

/** What became of the email: from which mailbox, or why it did not leave (then the link is to copy). */
function EmailOutcome({ email }: { email: SignInLink['email'] }) {
  if (!email) return <>Copy it and send it.</>;
  if (!email.sent) return <>Not emailed: {email.reason}. Copy it and send it.</>;
  return <>Emailed to {email.to} {email.mailbox ? `from ${email.mailbox.address}` : 'through the local outbox'}.</>;
}

const ROLES = ['rep', 'manager', 'ops', 'admin'] as const;
type Role = (typeof ROLES)[number];

/** Admins change a person's role; it applies from their next request (their API role is read each time). */
function RoleChange({ user }: { user: { id: string; name: string; role: Role } }) {
  const client = useQueryClient();
  const [role, setRole] = useState<Role>(user.role);
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH('/v1/users/{userId}', { params: { path: { userId: user.id } }, body: { role } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <>
      <select aria-label={`Role of ${user.name}`} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
        {ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>{' '}
      {role !== user.role && (
        <button type="button" disabled={save.isPending} onClick={() => save.mutate()}>
          Make {user.name} {role}
        </button>
      )}
      <ErrorNote error={save.error} />
    </>
  );
}

type Person = { id: string; name: string; deactivatedAt: string | null; managerId: string | null };

/** Who takes a person's work: an active other person, their manager first. */
function useSuccessor(user: Person, people: readonly Person[]) {
  const successors = people.filter((p) => p.id !== user.id && !p.deactivatedAt);
  const [handTo, setHandTo] = useState(successors.find((p) => p.id === user.managerId)?.id ?? successors[0]?.id ?? '');
  const choice =
    successors.length > 0 ? (
      <label>
        Their cadences, open tasks and promised calls go to{' '}
        <select value={handTo} onChange={(e) => setHandTo(e.currentTarget.value)}>
          {successors.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
    ) : null;
  return { handTo, choice };
}

/**
 * Admins deactivate a person (no sign-in, sessions and keys stop at once) or reactivate them; never
 * themselves. Their cadences not over, open tasks and promised calls go to the person chosen (their
 * manager by default): nothing waits in the queue of someone who will not read it.
 */
function Activation({ user, self, people }: { user: Person; self: boolean; people: readonly Person[] }) {
  const client = useQueryClient();
  const { handTo, choice } = useSuccessor(user, people);
  const change = useMutation({
    mutationFn: (active: boolean) => unwrap(api.PATCH('/v1/users/{userId}', { params: { path: { userId: user.id } }, body: active || !handTo ? { active } : { active, handTo } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
  if (self) return null;
  return (
    <>
      {user.deactivatedAt ? (
        <button type="button" className="quiet" disabled={change.isPending} onClick={() => change.mutate(true)}>
          Reactivate {user.name}
        </button>
      ) : (
        <ConfirmButton
          label={`Deactivate ${user.name}`}
          question={
            <>
              Deactivate {user.name}? They are signed out now and cannot sign in; their API keys are revoked. {choice}
            </>
          }
          confirmLabel="Yes, deactivate"
          busy={change.isPending}
          onConfirm={() => change.mutate(false)}
        />
      )}
      <ErrorNote error={change.error} />
    </>
  );
}

/** Ops and admins hand an active person's work to another (a territory change), and see what moved. */
function HandOver({ user, people }: { user: Person; people: readonly Person[] }) {
  const { handTo, choice } = useSuccessor(user, people);
  const move = useMutation({ mutationFn: () => unwrap(api.POST('/v1/users/{userId}/hand-over', { params: { path: { userId: user.id } }, body: { to: handTo } })) });
  if (!choice) return null;
  const to = people.find((p) => p.id === handTo)?.name;
  return (
    <>
      <ConfirmButton label={`Hand over ${user.name}'s work`} question={<>Hand over {user.name}'s work? {choice}</>} confirmLabel="Yes, hand it over" busy={move.isPending} onConfirm={() => move.mutate()} />
      {move.data && (
        <span role="status">
          {' '}
          {move.data.cadencesMoved} cadence(s), {move.data.tasksMoved} task(s) and {move.data.callSlotsMoved} promised call(s) now {to}'s
          {move.data.callSlotClashes > 0 && <span className="warn"> · {move.data.callSlotClashes} call(s) at a time {to} already has one: settle them</span>}
        </span>
      )}
      <ErrorNote error={move.error} />
    </>
  );
}

export function Team({ session }: { session: Session }) {
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => unwrap(api.GET('/v1/users', { params: { query: { limit: 100 } } })) });
  const [link, setLink] = useState<({ name: string; kind: 'Invitation' | 'Password reset' } & SignInLink) | null>(null);
  // The link leaves through your mailbox (or the local outbox) unless you would rather copy it.
  const [sendByEmail, setSendByEmail] = useState(true);
  const issue = useMutation({
    mutationFn: async ({ u, kind }: { u: { id: string; name: string }; kind: 'Invitation' | 'Password reset' }) => {
      const request = { params: { path: { userId: u.id } }, body: { send: sendByEmail } };
      const answer = await unwrap(kind === 'Invitation' ? api.POST('/v1/users/{userId}/invitation', request) : api.POST('/v1/users/{userId}/password-reset', request));
      return { name: u.name, kind, ...answer };
    },
    onSuccess: setLink,
  });
  const invite = (u: { id: string; name: string }) => issue.mutate({ u, kind: 'Invitation' });
  const add = useMutation({
    mutationFn: (body: { email: string; name: string; role: 'rep' | 'manager' | 'ops' | 'admin' }) => unwrap(api.POST('/v1/users', { body })),
    onSuccess: async (u) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      invite(u);
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
        <section className="link" aria-label={`${link.kind} link`} role="status">
          <p>
            {link.kind} for {link.name}, valid until {new Date(link.expiresAt).toLocaleString()}. <EmailOutcome email={link.email} /> The link is shown only now.
          </p>
          <input aria-label={`${link.kind} link`} readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => void navigator.clipboard.writeText(link.url)}>
            Copy link
          </button>
        </section>
      )}
      <ErrorNote error={issue.error} />
      <p>
        <label>
          <input type="checkbox" checked={sendByEmail} onChange={(e) => setSendByEmail(e.currentTarget.checked)} /> Send links by email (else only shown, to copy)
        </label>
      </p>
      {users.data && (
        <table>
          <caption>People</caption>
          <ColumnHeads names={['Name', 'Email', 'Role', 'Sign-in']} />
          <tbody>
            {users.data.data.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.name}
                  {u.deactivatedAt && <span className="warn"> deactivated {formatAt(u.deactivatedAt)}</span>}
                </td>
                <td>{u.email}</td>
                <td>{session.role === 'admin' && u.id !== session.user?.id ? <RoleChange user={u} /> : u.role}</td>
                <td>
                  {!u.deactivatedAt && (
                    <button type="button" disabled={issue.isPending} onClick={() => invite(u)}>
                      Invite {u.name}
                    </button>
                  )}{' '}
                  {session.role === 'admin' && !u.deactivatedAt && (
                    <button type="button" disabled={issue.isPending} onClick={() => issue.mutate({ u, kind: 'Password reset' })}>
                      Reset password of {u.name}
                    </button>
                  )}{' '}
                  {session.role === 'admin' && <Activation user={u} self={u.id === session.user?.id} people={users.data.data} />}{' '}
                  {!u.deactivatedAt && <HandOver user={u} people={users.data.data} />}
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
          <Choice label="Role" name="role" defaultValue="rep" options={ROLES.map((r) => ({ value: r, label: r }))} />
          <ErrorNote error={add.error} />
          {/* Disabled while a request runs: a double click must not email two links. */}
          <button type="submit" disabled={add.isPending || issue.isPending}>
            Add and invite
          </button>
        </form>
      )}
    </>
  );
}
