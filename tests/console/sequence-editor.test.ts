/// <reference lib="dom" />
// The sequence editor in a real Chromium against the real API, Temporal worker and database: ops
// edit the announced-call cadence (an invalid time refused beside its field, then fixed), preview
// its email for a Sydney prospect (the rendered subject and the Sydney time of the touch), publish
// it; an enrollment started before keeps version 1 while a new one takes version 2, and the diff
// page shows the change. Every page passes axe-core, fits 1280×800 and is used by keyboard.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enrollments } from '../../db/schema.js';
import { asContext, type ConsoleStack } from '../support/console-browser.js';
import { checkPage, setUpWorkspace, teamOf, type Browsing, withConsoleStack } from '../support/console-team.js';

let stack: ConsoleStack;
let base: string;
const opened: Browsing[] = [];
let admin: Browsing;
let ops: Browsing;
let team: ReturnType<typeof teamOf>;
const ids = { sequence: '', rep: '', manager: '', sydney: '', before: '', after: '' };

// The 422s the editor provokes on purpose are logged by Chromium as failed resources; nothing else may be.
withConsoleStack(opened, (s) => ((stack = s), (base = s.server.url)), { ignore: /status of 422/ });

const api = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => asContext(admin.context, base)<T>(method, path, body);

async function prospect(firstName: string, lastName: string, timeZone: string): Promise<string> {
  const p = await api<{ id: string }>('POST', '/v1/prospects', { firstName, lastName, title: 'CFO', email: `${firstName.toLowerCase()}@${lastName.toLowerCase()}.test`, timeZone });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  return p.body.id;
}

async function enroll(prospectId: string): Promise<{ id: string; sequenceVersion: number }> {
  const e = await api<{ id: string; sequenceVersion: number }>('POST', '/v1/enrollments', { prospectId, sequenceId: ids.sequence, repId: ids.rep });
  expect(e.status, JSON.stringify(e.body)).toBe(201);
  return e.body;
}

const versionInDb = async (enrollmentId: string) => (await stack.db.db.select({ v: enrollments.sequenceVersion }).from(enrollments).where(eq(enrollments.id, enrollmentId)))[0]?.v;

describe('the sequence editor, in Chromium', () => {
  it('a workspace, ops and a rep, a Sydney prospect, and an enrollment on version 1', async () => {
    admin = await setUpWorkspace(stack);
    opened.push(admin);
    team = teamOf(stack, admin, opened);
    const opsId = await team.add({ email: 'otto@acme.test', name: 'Otto Ops', role: 'ops' });
    ids.manager = await team.add({ email: 'mia@acme.test', name: 'Mia Manager', role: 'manager' });
    ids.rep = await team.add({ email: 'sam@acme.test', name: 'Sam Rep', role: 'rep', managerId: ids.manager });
    const list = await api<{ data: Array<{ sequenceId: string; key: string }> }>('GET', '/v1/sequences');
    ids.sequence = list.body.data.find((s) => s.key === 'announced-call')!.sequenceId;
    ids.sydney = await prospect('Olivia', 'Nguyen', 'Australia/Sydney');
    const before = await enroll(await prospect('Pierre', 'Martin', 'Europe/Paris'));
    expect(before.sequenceVersion).toBe(1);
    ids.before = before.id;
    ops = await team.signIn(opsId);
  });

  it('ops edit the draft: an invalid time refused beside its field, then fixed by keyboard and saved', async () => {
    const page = ops.page;
    await page.getByRole('link', { name: 'Sequences', exact: true }).click();
    await page.getByRole('heading', { name: 'Sequences' }).waitFor();
    await page.getByRole('link', { name: 'Announced call' }).waitFor();
    await checkPage(page, 'sequences', 'sequences');
    await page.getByRole('link', { name: 'Announced call' }).click();
    await page.getByRole('heading', { name: 'Announced call' }).waitFor();
    const email = page.getByRole('group', { name: 'Step 2: announce-email' });
    const at = email.getByLabel("At (prospect's time, HH:mm)");
    expect(await at.inputValue()).toBe('08:00');
    // Steps added and removed: a new one at the end, removed again.
    await page.getByRole('button', { name: 'Add a step' }).click();
    await page.getByRole('group', { name: 'Step 7: step-7' }).waitFor();
    await page.getByRole('button', { name: 'Remove step 7' }).click();
    expect(await page.getByRole('group', { name: /^Step 7/ }).count()).toBe(0);
    // Reordered by keyboard: step 4 down, then back up.
    const legends = () => page.locator('fieldset.step > legend').allTextContents();
    const order = await legends();
    await page.getByRole('button', { name: 'Move step 4 down' }).focus();
    await page.keyboard.press('Enter');
    const swapped = [...order];
    [swapped[3], swapped[4]] = [order[4]!.replace('Step 5', 'Step 4'), order[3]!.replace('Step 4', 'Step 5')];
    expect(await legends()).toEqual(swapped);
    await page.getByRole('button', { name: 'Move step 5 up' }).focus();
    await page.keyboard.press('Enter');
    expect(await legends()).toEqual(order);
    await at.fill('25:00');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    expect(await at.getAttribute('aria-invalid')).toBe('true');
    const described = await at.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toBe('expected "HH:mm"');
    await checkPage(page, 'sequence editor with a field error', 'sequence-editor-error');

    // Fixed by keyboard: the time, then the subject, and Enter saves the draft.
    await at.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('07:30');
    const subject = email.getByLabel('Subject');
    await subject.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('{{prospect.firstName}}, a call {{announcedCall.weekday}} at {{announcedCall.time}}');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Draft v2 saved.' }).waitFor();
    expect(await at.getAttribute('aria-invalid')).toBeNull();
    const detail = await api<{ versions: Array<{ version: number; draft: boolean; definition: { steps: Array<{ id: string; timing: { at?: string } }> } }> }>('GET', `/v1/sequences/${ids.sequence}`);
    const draft = detail.body.versions.find((v) => v.draft)!;
    expect(draft.version).toBe(2);
    expect(draft.definition.steps.find((s) => s.id === 'announce-email')!.timing.at).toBe('07:30');
  });

  it("the live preview for the Sydney prospect: the subject as the email will read, the touch at 07:30 Sydney time", async () => {
    const page = ops.page;
    await page.getByLabel('Preview for').selectOption({ label: 'Olivia Nguyen (Australia/Sydney)' });
    const shown = page.getByRole('group', { name: 'Step 2: announce-email' }).locator('.in-words');
    await expect.poll(() => shown.textContent(), { timeout: 10_000 }).toMatch(/Subject: Olivia, a call \w+day at 09:15/);
    const text = (await shown.textContent())!;
    expect(text).toMatch(/^Day 2 at 07:30 in the prospect's zone: email announcing the 09:15 call/);
    expect(text).toMatch(/Prospect's local time: \w{3} \d{1,2} \w{3} 07:30 \(Australia\/Sydney\)/);
    expect(text).toContain('I will call you at 09:15 sharp.');
    // Signed by the person previewing.
    expect(text).toContain('Otto Ops');
    // The API the page read agrees: 07:30 in Sydney.
    const preview = await asContext(ops.context, base)<{ steps: Array<{ stepId: string; localTime: string }> }>('POST', `/v1/sequences/${ids.sequence}/preview`, { prospectId: ids.sydney });
    expect(preview.body.steps.find((s) => s.stepId === 'announce-email')!.localTime).toMatch(/ 07:30$/);
    await checkPage(page, 'sequence editor with a preview', 'sequence-editor');
  });

  it('publish by keyboard: the running enrollment keeps v1, a new one takes v2, the versions table counts both', async () => {
    const page = ops.page;
    await page.getByRole('button', { name: 'Publish as a new version' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Version 2 published' }).waitFor();
    const after = await enroll(await prospect('Quinn', 'Baker', 'America/New_York'));
    ids.after = after.id;
    expect(after.sequenceVersion).toBe(2);
    expect(await versionInDb(ids.before)).toBe(1);
    expect(await versionInDb(ids.after)).toBe(2);
    const before = await api<{ sequenceVersion: number }>('GET', `/v1/enrollments/${ids.before}`);
    expect(before.body.sequenceVersion).toBe(1);

    await page.reload();
    const v1 = page.getByRole('button', { name: /1 in all \(\d running\) on v1/ });
    await v1.waitFor();
    await page.getByRole('button', { name: /1 in all \(\d running\) on v2/ }).waitFor();
    await v1.focus();
    await page.keyboard.press('Enter');
    const listed = page.getByRole('table', { name: 'Enrollments on v1' });
    await listed.waitFor();
    await expect.poll(() => listed.locator('tbody tr').count()).toBe(1);
    expect(await listed.getByRole('link').getAttribute('href')).toBe(`#/prospects/${(await api<{ prospectId: string }>('GET', `/v1/enrollments/${ids.before}`)).body.prospectId}`);
    await checkPage(page, 'sequence versions');
  });

  it('the diff page shows what changed from v1 to v2, field by field', async () => {
    const page = ops.page;
    await page.getByRole('link', { name: 'Changes from v1 to v2' }).click();
    await page.getByRole('heading', { name: 'Announced call: changes from v1 to v2' }).waitFor();
    const table = page.getByRole('table', { name: 'Fields changed' });
    await table.waitFor();
    expect(await table.getByRole('row', { name: /announce-email timing\.at/ }).textContent()).toBe('announce-emailtiming.at08:0007:30');
    expect(await table.getByRole('row', { name: /announce-email template\.subject/ }).textContent()).toContain('{{prospect.firstName}}, a call {{announcedCall.weekday}} at {{announcedCall.time}}');
    await checkPage(page, 'sequence diff', 'sequence-diff');
  });

  it('a manager reads the sequence without the editor: the steps in words and the versions', async () => {
    const mia = await team.signIn(ids.manager);
    await mia.page.getByRole('link', { name: 'Sequences', exact: true }).click();
    await mia.page.getByRole('link', { name: 'Announced call' }).click();
    await mia.page.getByRole('heading', { name: 'Announced call' }).waitFor();
    await mia.page.getByRole('row', { name: /email announcing the 09:15 call/ }).filter({ hasText: "day 2 at 07:30 in the prospect's zone" }).waitFor();
    expect(await mia.page.getByRole('button', { name: 'Save the draft' }).count()).toBe(0);
    // Her rep's two enrollments, one per version.
    await mia.page.getByRole('button', { name: /1 in all \(\d running\) on v2/ }).waitFor();
    await checkPage(mia.page, 'sequence (manager)');
  });
  it("ops split an email into A/B variants: a bad weight refused beside its field, then saved with each variant's share", async () => {
    const page = ops.page;
    await page.goto(`${base}/#/sequences/${ids.sequence}`);
    const email = page.getByRole('group', { name: /^Step 2: announce-email/ });
    await email.getByRole('button', { name: "Test two versions of step 2's email (A/B)" }).click();
    const variants = page.getByRole('group', { name: 'A/B variants of step 2' });
    await variants.getByLabel('Variant 2 subject').fill('Another angle, {{prospect.firstName}}');
    const weight = variants.getByLabel(/^Variant 2 weight/);
    await weight.fill('0');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    expect(await weight.getAttribute('aria-invalid')).toBe('true');
    await weight.fill('3');
    // The share each variant gets is said beside its weight.
    await variants.getByLabel('Variant 2 weight (75% of prospects)').waitFor();
    // The live preview renders each variant for the prospect, with its share.
    await page.getByLabel('Preview for').selectOption({ label: 'Olivia Nguyen (Australia/Sydney)' });
    const shownB = email.getByRole('region', { name: 'Variant b' });
    await expect.poll(() => shownB.textContent(), { timeout: 10_000 }).toContain('Variant b (75% of prospects)Subject: Another angle, Olivia');
    expect(await email.getByRole('region', { name: 'Variant a' }).textContent()).toMatch(/^Variant a \(25% of prospects\)Subject: Olivia, a call \w+day at 09:15/);
    await checkPage(page, 'A/B variants in the editor');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('status').filter({ hasText: /Draft v\d+ saved/ }).waitFor();
    const detail = await api<{ versions: Array<{ draft: boolean; definition: { steps: Array<{ id: string; template?: unknown; variants?: Array<{ key: string; weight: number; subject: string }> }> } }> }>('GET', `/v1/sequences/${ids.sequence}`);
    const step = detail.body.versions.find((v) => v.draft)!.definition.steps.find((x) => x.id === 'announce-email')!;
    expect(step.template).toBeUndefined();
    expect(step.variants!.map((v) => [v.key, v.weight, v.subject])).toEqual([
      ['a', 1, '{{prospect.firstName}}, a call {{announcedCall.weekday}} at {{announcedCall.time}}'],
      ['b', 3, 'Another angle, {{prospect.firstName}}'],
    ]);
  });
});
