// People for the manager's view and the handoffs: users made through the API, and rep keys to
// act as them (a rep key sees what that person sees).
import type { CadenceHarness } from './cadence.js';

type Json = Record<string, unknown>;

export async function addUser(h: CadenceHarness, body: Json): Promise<string> {
  const res = await h.api<{ id: string }>('POST', '/v1/users', body);
  if (res.status !== 201) throw new Error(`user: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A caller acting as the user through a rep key of their own. */
export async function actingAs(h: CadenceHarness, userId: string) {
  const key = await h.api<{ key: string }>('POST', '/v1/api-keys', { name: `as ${userId}`, role: 'rep', userId });
  if (key.status !== 201) throw new Error(`key: ${JSON.stringify(key.body)}`);
  return async <T = Json>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await h.app.request(path, {
      method,
      headers: { authorization: `Bearer ${key.body.key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
  };
}
