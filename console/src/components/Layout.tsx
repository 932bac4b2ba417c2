import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { api, type Session } from '../api/client';
import { viewerZone } from '../time';

const nav = [
  { page: 'queue', label: 'My queue' },
  { page: 'call', label: 'Call block' },
  { page: 'prospects', label: 'Prospects' },
] as const;

export function Layout({ session, page, children }: { session: Session; page: string; children: ReactNode }) {
  const client = useQueryClient();
  const main = useRef<HTMLElement>(null);
  // A new page: focus moves to its content, as a page load would put it, for keyboard and screen reader users.
  useEffect(() => main.current?.focus(), [page]);
  const signOut = async (everywhere: boolean) => {
    await api.POST(everywhere ? '/v1/auth/sign-out-everywhere' : '/v1/auth/sign-out');
    client.clear();
    window.location.hash = '#/';
    await client.invalidateQueries({ queryKey: ['session'] });
  };
  const staff = session.role === 'admin' || session.role === 'ops';
  // The reports: managers (their reps), ops and admin (everyone); a rep may still open #/objections.
  const reports = staff || session.user?.role === 'manager' ? [{ page: 'activity', label: 'Team activity' }, { page: 'objections', label: 'Objections' }] : [];
  const links = [...nav, ...reports, ...(staff ? [{ page: 'team', label: 'Team' }] : [])];
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <header className="top">
        <strong className="brand">Relance</strong>
        <nav aria-label="Main">
          <ul>
            {links.map((l) => (
              <li key={l.page}>
                <a href={`#/${l.page}`} aria-current={page === l.page ? 'page' : undefined}>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {session.user?.name} · {session.workspace.name} · times in {viewerZone}
        </span>
        <button type="button" onClick={() => void signOut(false)}>
          Sign out
        </button>
        <button type="button" className="quiet" onClick={() => void signOut(true)}>
          Sign out everywhere
        </button>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
