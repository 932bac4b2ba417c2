// What a calendar hold for an announced call says: who, where they work, why we call, what the
// email promised, and the call prep. Pure; no secrets (the rep's own calendar, about their own
// prospect). The time is the event's, never repeated in the text, so a moved call stays right.
export type HoldFacts = {
  prospect: { name: string; title: string | null; phone: string | null; email: string | null; timeZone: string };
  account: string | null;
  context: string | null;
  pretext: string | null;
  announcement: { subject: string | null; body: string | null } | null;
  script: string | null;
  objectionsHeard: string[];
};

/** Google accepts long descriptions, but a hold is read at a glance. */
const MAX_DESCRIPTION = 8000;

export function holdSummary(f: Pick<HoldFacts, 'prospect' | 'account'>): string {
  return `Announced call: ${f.prospect.name || f.prospect.email || 'prospect'}${f.account ? ` (${f.account})` : ''}`;
}

export function holdDescription(f: HoldFacts): string {
  const p = f.prospect;
  const lines = [
    `Call ${p.name || 'the prospect'}${p.title ? `, ${p.title}` : ''}${f.account ? ` at ${f.account}` : ''}: the time was announced by email.`,
    p.phone ? `Phone: ${p.phone}` : 'Phone: none on file',
    ...(p.email ? [`Email: ${p.email}`] : []),
    `Prospect's time zone: ${p.timeZone}`,
    ...(f.context ? ['', `Context: ${f.context}`] : []),
    ...(f.pretext ? [`Pretext: ${f.pretext}`] : []),
    ...(f.announcement ? ['', 'Announcement sent:', ...(f.announcement.subject ? [`Subject: ${f.announcement.subject}`] : []), f.announcement.body ?? ''] : []),
    ...(f.script ? ['', 'Call prep:', f.script] : []),
    ...(f.objectionsHeard.length ? ['', 'Objections heard before:', ...f.objectionsHeard.map((o) => `- ${o}`)] : []),
  ];
  const text = lines.join('\n').trim();
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;
}
