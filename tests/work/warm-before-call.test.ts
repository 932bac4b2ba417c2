// Warm before calling (PLAYBOOK §3): publishing a sequence whose call could come before two
// emails and one LinkedIn message (the workspace's rule, overridable per sequence) is refused
// with the step named, unless the sequence says why it may call sooner, as the shipped inbound
// and announced-call cadences do. Paths follow every outcome, not only the order of the steps.
import { describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { createKeyedWorkspace, type KeyedWorkspace, offlineTemporal, withTestApi, type Problem } from '../support/api.js';

let app: RelanceApp;
let ws: KeyedWorkspace;

const email = (id: string) => ({ id, type: 'email', timing: { kind: 'after', minutes: 60 }, template: { subject: 'Hello', body: 'About {{context}}.' } });
const linkedin = (id: string) => ({ id, type: 'linkedin_note', timing: { kind: 'immediately' }, template: { body: 'Hello {{prospect.firstName}}' } });
const call = (id: string) => ({ id, type: 'call', timing: { kind: 'after', minutes: 60 } });
const sequence = (key: string, steps: unknown[], extra: Record<string, unknown> = {}) => ({ definition: { schemaVersion: 1, key, name: key, steps, ...extra } });

// Nothing here starts a workflow.
withTestApi({ temporal: offlineTemporal('200ms') }, (w) => ({ app, ws } = w));

describe('warm before calling', () => {
  it('refuses a call after one email, naming the step, and writes nothing', async () => {
    const res = await ws.call<Problem>('POST', '/v1/sequences', sequence('too-cold', [email('hello'), call('ring')]));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'body.definition.steps.1', message: expect.stringContaining('step "ring": a call after only 1 email and 0 LinkedIn messages') }]);
    const list = await ws.call<{ data: Array<{ key: string }> }>('GET', '/v1/sequences');
    expect(list.body.data.map((s) => s.key)).not.toContain('too-cold');
  });

  it('publishes a call after two emails and a LinkedIn message', async () => {
    const res = await ws.call('POST', '/v1/sequences', sequence('warm', [linkedin('note'), email('first'), email('second'), call('ring')]));
    expect(res.status).toBe(201);
  });

  it('follows outcomes: a task whose outcome jumps to the call makes it cold', async () => {
    const steps = [{ id: 'qualify', type: 'task', title: 'Qualify', timing: { kind: 'immediately' }, on: { done: 'ring' } }, linkedin('note'), email('first'), email('second'), call('ring')];
    const res = await ws.call<Problem>('POST', '/v1/sequences', sequence('shortcut', steps));
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.field)).toEqual(['body.definition.steps.4']);
  });

  it('a sequence may lower the rule in its timing, or say why it calls sooner', async () => {
    expect((await ws.call('POST', '/v1/sequences', sequence('own-rule', [email('hello'), call('ring')], { timing: { warmBeforeCall: { emails: 1, linkedin: 0 } } }))).status).toBe(201);
    expect((await ws.call('POST', '/v1/sequences', sequence('asked', [call('ring')], { coldCallReason: 'Demo requests: the person booked this call themselves.' }))).status).toBe(201);
    const vague = await ws.call<Problem>('POST', '/v1/sequences', sequence('vague', [call('ring')], { coldCallReason: 'because' }));
    expect(vague.status).toBe(422);
    expect(vague.body.errors.map((e) => e.field)).toEqual(['body.definition.coldCallReason']);
  });

  it('the workspace sets the rule for its sequences', async () => {
    const other = await createKeyedWorkspace(app, { name: 'Relaxed' });
    expect((await other.call('PUT', '/v1/timing-rules', { warmBeforeCall: { emails: 1, linkedin: 0 } })).status).toBe(200);
    expect((await other.call('POST', '/v1/sequences', sequence('one-email', [email('hello'), call('ring')]))).status).toBe(201);
    expect((await other.call('POST', '/v1/sequences', sequence('no-email', [call('ring')]))).status).toBe(422);
  });

  it('a cold draft may be saved and validated, but not published', async () => {
    const created = await ws.call<{ sequenceId: string }>('POST', '/v1/sequences', { ...sequence('drafted', [linkedin('note'), email('first'), email('second'), call('ring')]) });
    const id = created.body.sequenceId;
    const cold = sequence('drafted', [email('first'), call('ring')]);
    expect((await ws.call('PUT', `/v1/sequences/${id}/draft`, cold)).status).toBe(200);
    const check = await ws.call<{ valid: boolean; errors: Array<{ field: string }> }>('POST', '/v1/sequences/validate', cold);
    expect(check.body).toMatchObject({ valid: false, errors: [{ field: 'body.definition.steps.1' }] });
    const publish = await ws.call<Problem>('POST', `/v1/sequences/${id}/versions`, {});
    expect(publish.status).toBe(422);
    expect(publish.body.errors.map((e) => e.field)).toEqual(['draft.definition.steps.1']);
    const direct = await ws.call<Problem>('POST', `/v1/sequences/${id}/versions`, cold);
    expect(direct.body.errors.map((e) => e.field)).toEqual(['body.definition.steps.1']);
  });

  it('the shipped cadences say why they may call sooner', async () => {
    const list = await ws.call<{ data: Array<{ key: string; sequenceId: string }> }>('GET', '/v1/sequences');
    for (const key of ['announced-call', 'expected-callback']) {
      const seq = list.body.data.find((s) => s.key === key)!;
      const detail = await ws.call<{ versions: Array<{ definition: { coldCallReason?: string } }> }>('GET', `/v1/sequences/${seq.sequenceId}`);
      expect(detail.body.versions[0]!.definition.coldCallReason, key).toMatch(/PLAYBOOK/);
    }
  });
});
