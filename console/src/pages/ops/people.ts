// The workspace's people for the ops pages: ops and admin list everyone (GET /v1/users); a manager
// reaches themself and the people reporting to them (the activity report's team).
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapJson, type Session } from '../../api/client';
import type { components } from '../../api/openapi';
import { canEditSettings } from './access';

export type Person = components['schemas']['User'];

/** The first 100 people, oldest first (the team page's list, shared in the cache). */
export const usePeople = (enabled = true) => useQuery({ queryKey: ['users'], enabled, queryFn: () => unwrap(api.GET('/v1/users', { params: { query: { limit: 100 } } })) });

/** Who this person may declare time off for: everyone (ops, admin), or a manager's team. */
export function useReachable(session: Session): { people: Array<{ id: string; name: string }>; error: unknown } {
  const staff = canEditSettings(session);
  const everyone = usePeople(staff);
  const team = useQuery({ queryKey: ['activity', 'team'], enabled: !staff, queryFn: () => unwrapJson(api.GET('/v1/reports/activity', { params: { query: {} } })) });
  return staff ? { people: everyone.data?.data ?? [], error: everyone.error } : { people: team.data?.reps ?? [], error: team.error };
}
