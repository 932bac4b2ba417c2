// Times show in the viewer's zone, with the prospect's local time beside them.
export const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function formatAt(iso: string | Date, timeZone?: string | null, withDay = true): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat('en-GB', { ...(withDay ? { weekday: 'short', day: 'numeric', month: 'short' } : {}), hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(d);
}

/** "HH:MM" in a zone. */
export function clockIn(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
}

export const withinWindow = (hhmm: string, window: { start: string; end: string }) => hhmm >= window.start && hhmm < window.end;

/** A datetime-local input's value read as wall-clock time in a zone, as an ISO instant with offset. */
export function zonedInputToIso(value: string, timeZone: string): string {
  const asUtc = new Date(`${value}:00Z`);
  // The zone's offset at that moment, found by formatting the UTC reading in the zone.
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(asUtc).map((p) => [p.type, p.value]));
  const zoned = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return new Date(asUtc.getTime() - (zoned - asUtc.getTime())).toISOString();
}
