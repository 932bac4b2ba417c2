// Signing in, the first admin's setup, and accepting an invitation or a reset link.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { api, ApiError, unwrap } from '../api/client';
import { ErrorNote, Field } from '../components/Field';
import { go } from '../router';

const formValues = (e: FormEvent<HTMLFormElement>) => Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
const fieldError = (err: unknown, name: string) => (err instanceof ApiError ? err.field(name) : undefined);

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="card">
      <h1>{title}</h1>
      {children}
    </main>
  );
}

/** After any sign-in: the session is read again and the rep lands on their queue. */
function useSignedIn() {
  const client = useQueryClient();
  return async () => {
    go('#/queue');
    await client.invalidateQueries({ queryKey: ['session'] });
  };
}

export function SignIn({ ssoError }: { ssoError?: string | null }) {
  const done = useSignedIn();
  const signIn = useMutation({ mutationFn: (body: { email: string; password: string }) => unwrap(api.POST('/v1/auth/sign-in', { body })), onSuccess: done });
  return (
    <Card title="Sign in to Relance">
      <form onSubmit={(e) => (e.preventDefault(), signIn.mutate(formValues(e) as { email: string; password: string }))}>
        <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus error={fieldError(signIn.error, 'email')} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <ErrorNote error={signIn.error} />
        <button type="submit" disabled={signIn.isPending}>
          Sign in
        </button>
      </form>
      <h2>Single sign-on</h2>
      {ssoError && (
        <p role="alert" className="error">
          {ssoError}
        </p>
      )}
      {/* A navigation, not a form submission: the page's form-action policy would stop the redirect to the provider. */}
      <form onSubmit={(e) => (e.preventDefault(), window.location.assign(`/auth/sso/start?email=${encodeURIComponent(formValues(e).email ?? '')}`))}>
        <Field label="Work email" name="email" type="email" autoComplete="username" required />
        <button type="submit">Continue with single sign-on</button>
      </form>
    </Card>
  );
}

export function Setup({ token }: { token: string }) {
  const done = useSignedIn();
  const setup = useMutation({
    mutationFn: (v: Record<string, string>) => unwrap(api.POST('/v1/auth/setup', { body: { token, workspaceName: v.workspaceName!, timeZone: v.timeZone!, name: v.name!, email: v.email!, password: v.password! } })),
    onSuccess: done,
  });
  return (
    <Card title="Set up Relance">
      <p>Create your workspace and its first admin. This link works once.</p>
      <form onSubmit={(e) => (e.preventDefault(), setup.mutate(formValues(e)))}>
        <Field label="Workspace name" name="workspaceName" required autoFocus error={fieldError(setup.error, 'workspaceName')} />
        <Field label="Time zone" name="timeZone" defaultValue={Intl.DateTimeFormat().resolvedOptions().timeZone} required error={fieldError(setup.error, 'timeZone')} />
        <Field label="Your name" name="name" autoComplete="name" required error={fieldError(setup.error, 'name')} />
        <Field label="Email" name="email" type="email" autoComplete="username" required error={fieldError(setup.error, 'email')} />
        <Field label="Password (12 characters or more)" name="password" type="password" autoComplete="new-password" minLength={12} required error={fieldError(setup.error, 'password')} />
        <ErrorNote error={setup.error} />
        <button type="submit" disabled={setup.isPending}>
          Create workspace
        </button>
      </form>
    </Card>
  );
}

export function AcceptLink({ token }: { token: string }) {
  const done = useSignedIn();
  const accept = useMutation({
    mutationFn: (v: Record<string, string>) => unwrap(api.POST('/v1/auth/accept', { body: { token, password: v.password!, ...(v.name ? { name: v.name } : {}) } })),
    onSuccess: done,
  });
  return (
    <Card title="Choose your password">
      <form onSubmit={(e) => (e.preventDefault(), accept.mutate(formValues(e)))}>
        <Field label="Your name (optional)" name="name" autoComplete="name" autoFocus />
        <Field label="Password (12 characters or more)" name="password" type="password" autoComplete="new-password" minLength={12} required error={fieldError(accept.error, 'password')} />
        <ErrorNote error={accept.error} />
        <button type="submit" disabled={accept.isPending}>
          Set password and sign in
        </button>
      </form>
    </Card>
  );
}
