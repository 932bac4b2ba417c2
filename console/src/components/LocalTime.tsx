// The prospect's local time, always in view while calling, with a warning outside the call window.
import { useEffect, useState } from 'react';
import { clockIn, withinWindow } from '../time';

export function useNow(everyMs = 30_000) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export function ProspectClock({ timeZone, callWindow }: { timeZone: string | null | undefined; callWindow: { start: string; end: string } }) {
  const now = useNow();
  if (!timeZone) return <p className="warn">The prospect's time zone is unknown: check before calling.</p>;
  const hhmm = clockIn(timeZone, now);
  const inside = withinWindow(hhmm, callWindow);
  return (
    <p className={inside ? 'clock' : 'clock warn'} aria-live="polite">
      Prospect's local time: <strong>{hhmm}</strong> ({timeZone})
      {!inside && ` · outside the call window (${callWindow.start}-${callWindow.end})`}
    </p>
  );
}
