// A browser's side of a console session over app.request: the cookies it keeps and sends back,
// and the CSRF token it echoes on changes.
import type { RelanceApp } from '../../api/app.js';

export type SessionResult<T> = { status: number; body: T; headers: Headers };

export function browserSession(app: Pick<RelanceApp, 'request'>, origin = 'http://localhost') {
  const jar = new Map<string, string>();
  const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<SessionResult<T>> => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = jar.get('relance_csrf');
    const res = await app.request(`${origin}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (/max-age=0/i.test(line) || value === '') jar.delete(name!);
      else jar.set(name!, value!);
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  };
  return { call, jar };
}
