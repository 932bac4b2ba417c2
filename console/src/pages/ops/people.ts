// The workspace's people (ops and admin may list them), for the capacity and time-off pages.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/openapi';

export type Person = components['schemas']['User'];

/** The first 100 people, oldest first (the team page's list, shared in the cache). */
export const usePeople = () => useQuery({ queryKey: ['users'], queryFn: () => unwrap(api.GET('/v1/users', { params: { query: { limit: 100 } } })) });
