// The cadence tests' calls through the API: raw calls that keep the content type (problem+json
// checks), paths, a rep's queue, stopping an enrollment and reading its workflow's result.
import { Client } from '@temporalio/client';
import { expect } from 'vitest';
import type { EnrollmentResult } from '../../workflows/enrollment/input.js';
import type { Problem } from './api.js';
import type { CadenceHarness, Enrolled, Seed } from './cadence.js';

export type { Problem } from './api.js';
type Json = Record<string, unknown>;

/** An API call that also returns the content type (problem+json checks). */
export async function call<T = any>(h: CadenceHarness, method: string, path: string, body?: unknown): Promise<{ status: number; contentType: string | null; body: T }> {
  const res = await h.request(path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as T };
}

/** Asserts a problem+json answer with this status and returns its body. */
export async function expectProblem(h: CadenceHarness, method: string, path: string, body: unknown, status: number): Promise<Problem> {
  const res = await call<Problem>(h, method, path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.contentType).toBe('application/problem+json');
  expect(res.body.status).toBe(status);
  return res.body;
}

export const enrollmentPath = (s: Seed, e: Enrolled, action?: string) =>
  `/v1/enrollments/${e.id}${action ? `/${action}` : ''}`;

export const eventsPath = (s: Seed, prospectId: string) => `/v1/prospects/${prospectId}/events`;

export type QueueTask = {
  id: string;
  enrollmentId: string | null;
  repId: string;
  stepKey: string;
  kind: string;
  title: string;
  dueAt: string;
  overdue: boolean;
  status: string;
  prep: Record<string, any>;
  outcome: Json | null;
};

/** GET /v1/reps/{userId}/tasks (open tasks by default). */
export async function queueOf(h: CadenceHarness, s: Seed, userId: string, status = 'open'): Promise<QueueTask[]> {
  h.actAs(s.workspaceId);
  const res = await h.api<{ data: QueueTask[] }>('GET', `/v1/reps/${userId}/tasks?status=${status}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

/** Stops an enrollment through the API and returns its workflow's result. */
export async function stopEnrollment(h: CadenceHarness, s: Seed, e: Enrolled): Promise<EnrollmentResult> {
  h.actAs(s.workspaceId);
  const res = await h.api('POST', `/v1/enrollments/${e.id}/stop`, { reason: 'end of test' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return resultOf(h, e);
}

/**
 * The result of a workflow that finishes without time moving (it only waits for its last
 * activities). Not `h.env.client...result()`: the time-skipping client unlocks skipping while it
 * waits, and the server then jumps to the next timer of ANY workflow (years ahead when the only
 * one left is a run timeout), which ends the other enrollments of the file.
 */
export async function resultOf(h: CadenceHarness, e: Enrolled): Promise<EnrollmentResult> {
  const handle = h.env.client.workflow.getHandle(e.workflowId);
  for (let i = 0; i < 200; i++) {
    const d = await handle.describe();
    if (d.status.name !== 'RUNNING') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return (await plainClient(h).workflow.getHandle(e.workflowId).result()) as EnrollmentResult;
}

const plainClients = new WeakMap<CadenceHarness, Client>();
function plainClient(h: CadenceHarness): Client {
  let client = plainClients.get(h);
  if (!client) plainClients.set(h, (client = new Client({ connection: h.env.connection, namespace: h.env.namespace ?? 'default' })));
  return client;
}

/** Asserts that a GET answers `status` (400 unless given) naming `field` among its errors. */
export async function expectFieldRefused(h: CadenceHarness, path: string, field: string, status = 400): Promise<void> {
  const res = await h.api<{ errors: Array<{ field: string }> }>('GET', path);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.errors.map((e) => e.field)).toContain(field);
}
