// Timing rules and holidays (ops): the 30-day calendar of a place, and the workspace's rules beside it.
import type { Session } from '../api/client';
import { canEditSettings } from './ops/access';
import { TimingCalendar } from './ops/TimingCalendar';
import { TimingRulesForm } from './ops/TimingRulesForm';

export function Timing({ session }: { session: Session }) {
  return (
    <>
      <h1>Timing rules and holidays</h1>
      <TimingRulesForm canEdit={canEditSettings(session)} />
      <TimingCalendar workspaceZone={session.workspace.timeZone} />
    </>
  );
}
