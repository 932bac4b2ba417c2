// The rep's queue as the API orders it, kept live by server-sent events: a task added, moved or
// done anywhere reloads it without a page reload.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap, type Task } from './api/client';

export const queueKey = (repId: string) => ['queue', repId] as const;

export function useQueue(repId: string) {
  const client = useQueryClient();
  useEffect(() => {
    const events = new EventSource(`/v1/reps/${repId}/tasks/events`);
    events.addEventListener('tasks', () => void client.invalidateQueries({ queryKey: queueKey(repId) }));
    events.addEventListener('signed-out', () => void client.invalidateQueries({ queryKey: ['session'] }));
    return () => events.close();
  }, [repId, client]);
  return useQuery({
    queryKey: queueKey(repId),
    queryFn: async () => {
      const path = { repId };
      const [open, upcoming] = await Promise.all([
        unwrap(api.GET('/v1/reps/{repId}/tasks', { params: { path, query: { limit: 100, status: 'open' } } })),
        unwrap(api.GET('/v1/reps/{repId}/tasks', { params: { path, query: { limit: 100, status: 'upcoming' } } })),
      ]);
      return { open: open.data, upcoming: upcoming.data };
    },
  });
}

export const CALL_KINDS = new Set(['call', 'callback']);
export const isCall = (t: Task) => CALL_KINDS.has(t.kind);

export type Prep = {
  decisionMaker?: { name: string | null; title: string | null; phone: string | null; email: string | null };
  account?: { name: string; domain: string | null } | null;
  timeZone?: string | null;
  announcement?: { subject: string; sentAt: string | null; sent: string | null; announcedCallAt: string | null } | null;
  announcedCallAt?: string | null;
  assistantName?: string | null;
  context?: string | null;
  pretext?: string | null;
  objectionsHeard?: string[];
  script?: string | null;
  warnings?: string[];
};
export const prepOf = (t: Task) => t.prep as Prep;

export const PRIORITY_LABELS: Record<string, string> = {
  expected_callback: 'Expected callback',
  announced_call: 'Announced call',
  due: 'Due',
  upcoming: 'Upcoming',
};
