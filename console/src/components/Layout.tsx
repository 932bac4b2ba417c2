import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { api, type Session } from '../api/client';
import { navFor } from '../nav';
import { viewerZone } from '../time';

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
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <header className="top">
        <strong className="brand">Relance</strong>
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
      <nav aria-label="Main" className="pages">
        {navFor(session).map((g) => (
          <div key={g.label} role="group" aria-label={g.label}>
            <span className="group" aria-hidden="true">{g.label}</span>
            <ul>
              {g.links.map((l) => (
                <li key={l.page}>
                  <a href={`#/${l.page}`} aria-current={page === l.page ? 'page' : undefined}>
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
