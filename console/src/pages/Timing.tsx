// Timing rules and holidays: the 30-day calendar of a place (what ops read first), then the workspace's rules.
import type { Session } from '../api/client';
import { canEditSettings } from './ops/access';
import { TimingCalendar } from './ops/TimingCalendar';
import { TimingRulesForm } from './ops/TimingRulesForm';

export function Timing({ session }: { session: Session }) {
  return (
    <>
      <h1>Timing rules and holidays</h1>
      <TimingCalendar workspaceZone={session.workspace.timeZone} />
      <TimingRulesForm canEdit={canEditSettings(session)} />
    </>
  );
}
