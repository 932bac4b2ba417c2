// The console: who is signed in decides what shows. Sign-in, setup and invitation pages need no
// session; everything else is the person's workspace through the public API.
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from './api/client';
import { Layout } from './components/Layout';
import { AcceptLink, Setup, SignIn } from './pages/SignIn';
import { Queue } from './pages/Queue';
import { CallBlock } from './pages/CallBlock';
import { TaskPage } from './pages/TaskPage';
import { ProspectPage } from './pages/ProspectPage';
import { Team } from './pages/Team';
import { Prospects } from './pages/Prospects';
import { Activity } from './pages/Activity';
import { Objections } from './pages/Objections';
import { Timing } from './pages/Timing';
import { Escalations } from './pages/Escalations';
import { Capacity } from './pages/Capacity';
import { TimeOff } from './pages/TimeOff';
import { Sequences } from './pages/sequences/Sequences';
import { SequencePage } from './pages/sequences/SequencePage';
import { SequenceDiff } from './pages/sequences/SequenceDiff';
import { Mailboxes } from './pages/Mailboxes';
import { ApiKeys } from './pages/ApiKeys';
import { Webhooks } from './pages/Webhooks';
import { SequencesAnalytics } from './pages/SequencesAnalytics';
import { SequenceAnalytics } from './pages/SequenceAnalytics';
import { useRoute } from './router';

export function App() {
  const route = useRoute();
  const session = useQuery({ queryKey: ['session'], queryFn: () => unwrap(api.GET('/v1/auth/session')) });
  const [page, id] = route.path;
  const token = route.query.get('token') ?? '';
  if (page === 'setup') return <Setup token={token} />;
  if (page === 'accept') return <AcceptLink token={token} />;
  if (page === 'sso-error') return <SignIn ssoError={route.query.get('reason')} />;
  if (session.isPending) return <p role="status">Loading…</p>;
  if (session.error) return session.error instanceof ApiError && session.error.status === 401 ? <SignIn /> : <p role="alert">{session.error.message}</p>;
  const me = session.data;
  const content =
    page === 'call' ? <CallBlock session={me} startAt={route.query.get('task')} /> :
    page === 'tasks' && id ? <TaskPage session={me} taskId={id} /> :
    page === 'prospects' && id ? <ProspectPage prospectId={id} session={me} /> :
    page === 'team' ? <Team session={me} /> :
    page === 'prospects' ? <Prospects session={me} /> :
    page === 'activity' ? <Activity session={me} /> :
    page === 'objections' ? <Objections /> :
    page === 'timing' ? <Timing session={me} /> :
    page === 'escalations' ? <Escalations session={me} /> :
    page === 'capacity' ? <Capacity /> :
    page === 'time-off' ? <TimeOff session={me} /> :
    page === 'sequences' && id && route.path[2] === 'diff' ? <SequenceDiff sequenceId={id} from={Number(route.query.get('from')) || undefined} to={Number(route.query.get('to')) || undefined} /> :
    page === 'sequences' && id ? <SequencePage sequenceId={id} session={me} /> :
    page === 'sequences' ? <Sequences /> :
    page === 'mailboxes' ? <Mailboxes session={me} /> :
    page === 'api-keys' ? <ApiKeys /> :
    page === 'webhooks' ? <Webhooks /> :
    page === 'sequence-analytics' && id ? <SequenceAnalytics sequenceId={id} route={route} /> :
    page === 'sequence-analytics' ? <SequencesAnalytics route={route} /> :
    <Queue session={me} />;
  return <Layout session={me} page={page ?? 'queue'}>{content}</Layout>;
}
