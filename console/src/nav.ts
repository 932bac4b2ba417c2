// The console's pages, grouped by what people come for: their work, the reports, the set-up. Who
// sees a link follows the API's roles (docs/api-roles.md): a link never leads to a page that
// answers 403. A new page adds one line here.
import type { Session } from './api/client';

export type NavLink = { page: string; label: string };
export type NavGroup = { label: string; links: NavLink[] };

type Who = { staff: boolean; manager: boolean; admin: boolean };
const who = (s: Session): Who => {
  const staff = s.role === 'admin' || s.role === 'ops';
  return { staff, manager: staff || s.user?.role === 'manager', admin: s.role === 'admin' };
};

const groups: Array<{ label: string; links: Array<NavLink & { for?: (w: Who) => boolean }> }> = [
  {
    label: 'Work',
    links: [
      { page: 'queue', label: 'My queue' },
      { page: 'call', label: 'Call block' },
      { page: 'prospects', label: 'Prospects' },
    ],
  },
  {
    label: 'Reports',
    links: [
      { page: 'activity', label: 'Team activity', for: (w) => w.manager },
      { page: 'objections', label: 'Objections' },
      { page: 'sequence-analytics', label: 'Sequences analytics' },
    ],
  },
  {
    label: 'Set-up',
    links: [
      { page: 'team', label: 'Team', for: (w) => w.staff },
      // Managers read the timing rules and their team's escalations, and declare their team's time off; ops and admin change all.
      { page: 'timing', label: 'Timing', for: (w) => w.manager },
      { page: 'escalations', label: 'Escalations', for: (w) => w.manager },
      { page: 'capacity', label: 'Capacity', for: (w) => w.staff },
      { page: 'time-off', label: 'Time off', for: (w) => w.manager },
      { page: 'sequences', label: 'Sequences', for: (w) => w.manager },
      // Everyone: a rep sees their own mailboxes (ops resume them); keys and webhooks are the admin's.
      { page: 'mailboxes', label: 'Mailboxes' },
      { page: 'api-keys', label: 'API keys', for: (w) => w.admin },
      { page: 'webhooks', label: 'Webhooks', for: (w) => w.admin },
    ],
  },
];

/** The groups and links this person may use; empty groups are left out. */
export function navFor(session: Session): NavGroup[] {
  const w = who(session);
  return groups
    .map((g) => ({ label: g.label, links: g.links.filter((l) => !l.for || l.for(w)).map(({ page, label }) => ({ page, label })) }))
    .filter((g) => g.links.length > 0);
}
