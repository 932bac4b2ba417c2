// Mailboxes and their health: whether each can send (and why not), its cap today, the emails that
// wait on it, its sending domain's SPF, DKIM and DMARC, and whether its replies are being read.
// A mailbox that cannot send is listed first and marked, so it never goes quiet unnoticed. Ops
// resume a mailbox the bounce guard paused; anyone who may see a mailbox may re-check its domain.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Session } from '../api/client';
import type { components } from '../api/openapi';
import { ConfirmButton } from '../components/Confirm';
import { ErrorNote } from '../components/Field';
import { formatAt } from '../time';

type Mailbox = components['schemas']['MailboxWithFigures'];
type DomainCheck = NonNullable<Mailbox['dns']>;

const STATE = { connected: 'Sending', disconnected: 'Disconnected', paused: 'Paused by the bounce guard', disabled: 'Disabled' } as const;
const PROVIDER = { smtp: 'SMTP', gmail: 'Gmail', microsoft: 'Microsoft 365' } as const;
const needsAttention = (m: Mailbox) => m.status !== 'connected' || m.imap?.status === 'failing';

function DomainChecks({ dns }: { dns: DomainCheck | null }) {
  if (!dns) return <p>Sending domain not checked yet.</p>;
  return (
    <>
      <p>
        {dns.domain}, checked {formatAt(dns.checkedAt)}:
      </p>
      <ul className="dns">
        {(['spf', 'dkim', 'dmarc'] as const).map((k) => (
          <li key={k} className={dns[k].status === 'found' && dns[k].problems.length === 0 ? undefined : 'warn'}>
            {k.toUpperCase()} {dns[k].status}
            {dns[k].problems.length > 0 && `: ${dns[k].problems.join('; ')}`}
          </li>
        ))}
      </ul>
    </>
  );
}

/** How replies reach Relance: over IMAP (with when it last read every folder), through the provider's API, or posted by an integration. */
function ReplyWatch({ m }: { m: Mailbox }) {
  if (m.provider !== 'smtp') return <>read through the {PROVIDER[m.provider]} API</>;
  if (!m.imap) return <>not read by Relance (an integration posts them to the email webhook)</>;
  if (m.imap.status === 'failing') return <span className="warn">IMAP failing: {m.imap.detail}</span>;
  if (m.imap.status === 'pending') return <>IMAP {m.imap.host}: not read yet</>;
  return <>IMAP {m.imap.host}: read to the end {m.imap.checkedAt ? formatAt(m.imap.checkedAt) : ''}</>;
}

function MailboxCard({ m, owner, mayResume }: { m: Mailbox; owner: string | undefined; mayResume: boolean }) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['mailboxes'] });
  const resume = useMutation({ mutationFn: () => unwrap(api.PATCH('/v1/mailboxes/{id}', { params: { path: { id: m.id } }, body: { status: 'connected' } })), onSuccess: refresh });
  const dnsCheck = useMutation({ mutationFn: () => unwrap(api.POST('/v1/mailboxes/{id}/dns-check', { params: { path: { id: m.id } } })), onSuccess: refresh });
  const figures = m.figures;
  const title = `${m.displayName ? `${m.displayName} <${m.address}>` : m.address}`;
  return (
    <section className={needsAttention(m) ? 'mailbox attention' : 'mailbox'} aria-labelledby={`mb-${m.id}`}>
      <h2 id={`mb-${m.id}`}>
        {title} <span className={`state ${m.status}`}>{STATE[m.status]}</span>
      </h2>
      <dl className="details">
        <dt>Owner</dt>
        <dd>
          {owner ?? 'a rep'} · {PROVIDER[m.provider]}
          {m.isDefault && ' · default mailbox'}
        </dd>
        <dt>State</dt>
        <dd>
          {STATE[m.status]}
          {m.statusChangedAt && ` since ${formatAt(m.statusChangedAt)}`}
          {m.statusDetail && <span className={m.status === 'connected' ? undefined : 'warn'}> {m.statusDetail}</span>}
        </dd>
        <dt>Emails waiting</dt>
        <dd>
          <strong className={figures.held > 0 ? 'warn' : undefined}>{figures.held} held</strong> · {figures.scheduled} scheduled · {figures.sentToday} sent in 24 h ({figures.sentLastHour} in the last hour)
          {figures.uncertain > 0 && <span className="warn"> · {figures.uncertain} uncertain (a sender died mid-send)</span>}
        </dd>
        <dt>Cap today</dt>
        <dd>
          {m.effectiveDailyCap} a day (configured {m.dailyCap}), {m.hourlyCap} an hour
          {m.warmup && ` · warming up: day ${m.warmup.day}, ${m.warmup.startCap} + ${m.warmup.step} a day, full cap from ${formatAt(m.warmup.fullCapFrom)}`}
        </dd>
        <dt>Replies</dt>
        <dd>
          <ReplyWatch m={m} />
        </dd>
        <dt>Sending domain</dt>
        <dd>
          <DomainChecks dns={m.dns} />
        </dd>
      </dl>
      <p className="controls">
        {m.status === 'paused' && mayResume && (
          <ConfirmButton
            label={`Resume ${m.address}`}
            question={`Resume ${m.address}? Check the list first: ${figures.held} held emails will leave, paced.`}
            confirmLabel="Yes, resume"
            busy={resume.isPending}
            onConfirm={() => resume.mutate()}
          />
        )}
        {m.status === 'paused' && !mayResume && <span>Ops resume it once the list is checked.</span>}
        <button type="button" className="quiet" disabled={dnsCheck.isPending} onClick={() => dnsCheck.mutate()}>
          {dnsCheck.isPending ? 'Checking…' : `Check the DNS of ${m.address}`}
        </button>
      </p>
      <ErrorNote error={resume.error ?? dnsCheck.error} />
    </section>
  );
}

export function Mailboxes({ session }: { session: Session }) {
  const staff = session.role === 'admin' || session.role === 'ops';
  const mailboxes = useQuery({ queryKey: ['mailboxes'], queryFn: () => unwrap(api.GET('/v1/mailboxes', { params: { query: { limit: 100 } } })) });
  // Names of the owners: ops and admins read the people; a rep sees only their own mailboxes.
  const people = useQuery({ queryKey: ['users'], enabled: staff, queryFn: () => unwrap(api.GET('/v1/users', { params: { query: { limit: 100 } } })) });
  const nameOf = (userId: string) => (userId === session.user?.id ? session.user.name : people.data?.data.find((u) => u.id === userId)?.name);
  const all = mailboxes.data?.data ?? [];
  const sorted = [...all.filter(needsAttention), ...all.filter((m) => !needsAttention(m))];
  const trouble = sorted.filter(needsAttention);
  return (
    <>
      <h1>Mailboxes</h1>
      <ErrorNote error={mailboxes.error} />
      {mailboxes.data && (
        <p className={trouble.length ? 'trouble' : undefined} role={trouble.length ? 'alert' : undefined}>
          {trouble.length ? `${trouble.length} of ${all.length} mailboxes cannot send or read replies: ${trouble.map((m) => m.address).join(', ')}.` : all.length ? `All ${all.length} mailboxes are sending.` : 'No mailbox yet: emails wait until their rep has one.'}
        </p>
      )}
      {sorted.map((m) => (
        <MailboxCard key={m.id} m={m} owner={nameOf(m.userId)} mayResume={staff} />
      ))}
    </>
  );
}
