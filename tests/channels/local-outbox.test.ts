// The embedded default: each email kept as its exact MIME, one .eml per touch, and the page
// that lists them for the operator (escaped, behind the operator token, 404 without an outbox).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { createLocalOutbox, listOutbox, readOutboxMessage } from '../../channels/email/local-outbox.js';
import { buildMime } from '../../channels/email/mime.js';
import type { OutboundEmail } from '../../channels/types.js';
import { outboundEmail } from '../support/outbound-email.js';
import { TEST_OPERATOR_TOKEN, createTestApp, offlineTemporal, withTestApi } from '../support/api.js';
import { type TestDatabase } from '../support/db.js';

const dir = mkdtempSync(join(tmpdir(), 'relance-outbox-test-'));
const outbox = createLocalOutbox(dir);
const workspaceId = randomUUID();
let db: TestDatabase;
let app: RelanceApp;

const outbound = (over: Partial<OutboundEmail> = {}) => outboundEmail({ workspaceId, ...over });

withTestApi({ mail: { localOutboxDir: dir, publicUrl: 'http://relance.test' } }, (w) => ({ db, app } = w));

describe('local outbox provider', () => {
  it('keeps the exact MIME of the email as <workspace>/<touch>.eml', async () => {
    const email = outbound();
    expect(await outbox.send(email)).toEqual({ status: 'sent', providerMessageId: `${workspaceId}/${email.touchId}.eml` });
    await outbox.flush(); // written behind the acknowledgement
    const raw = readFileSync(join(dir, workspaceId, `${email.touchId}.eml`));
    expect(raw.equals(await buildMime(email))).toBe(true);
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe(email.messageId);
    expect(parsed.subject).toBe('Notre échange de mardi');
    expect(parsed.text).toContain('mardi 3 mars à 09:15 (heure de Paris)');
    expect(parsed.headerLines.map((h) => h.key)).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post']));
  });

  it('the same touch twice: one file, the latest, and no temporary file left', async () => {
    const ws = randomUUID();
    const email = outbound({ workspaceId: ws });
    await outbox.send(email);
    await outbox.send({ ...email, subject: 'Second attempt' });
    await outbox.flush(); // written behind the acknowledgement
    expect(readdirSync(join(dir, ws))).toEqual([`${email.touchId}.eml`]);
    expect((await simpleParser(readFileSync(join(dir, ws, `${email.touchId}.eml`)))).subject).toBe('Second attempt');
  });

  it('lists newest first, by workspace, capped', async () => {
    const ws = randomUUID();
    const first = outbound({ workspaceId: ws, subject: 'first' });
    const second = outbound({ workspaceId: ws, subject: 'second' });
    await outbox.send(first);
    await outbox.send(second);
    await outbox.flush(); // written behind the acknowledgement
    // Kept a minute apart, whatever the file system's clock resolution.
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(join(dir, ws, `${first.touchId}.eml`), aMinuteAgo, aMinuteAgo);
    const listed = await listOutbox(dir, { workspaceId: ws });
    expect(listed.map((e) => e.subject)).toEqual(['second', 'first']);
    expect(listed[0]).toMatchObject({ file: `${ws}/${second.touchId}.eml`, from: 'Sam Rep <rep@acme.test>', to: 'Marie Curie <marie@globex.test>', messageId: second.messageId });
    expect(await listOutbox(dir, { workspaceId: ws, limit: 1 })).toHaveLength(1);
    expect((await listOutbox(dir)).length).toBeGreaterThanOrEqual(3);
  });

  it('reads only well-formed ids: no path out of the folder', async () => {
    expect(await readOutboxMessage(dir, '..', 'etc')).toBeNull();
    expect(await readOutboxMessage(dir, workspaceId, `../${workspaceId}`)).toBeNull();
    expect(await readOutboxMessage(dir, workspaceId, randomUUID())).toBeNull();
  });

  it('refuses a touch without valid ids instead of writing outside its folder', async () => {
    expect(await outbox.send(outbound({ touchId: '../../escape' }))).toMatchObject({ status: 'failed' });
  });
});

describe('local outbox page', () => {
  const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`anyone:${password}`).toString('base64')}` });
  const bearer = { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` };

  it('401 without the operator token, with a Basic challenge so a browser prompts', async () => {
    for (const headers of [{}, basic('wrong'), { authorization: 'Bearer wrong' }]) {
      const res = await app.request('/outbox', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Basic realm="Relance local outbox"');
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('lists the messages, escaped, for the operator token as Basic password or Bearer', async () => {
    const email = outbound({ subject: '<script>alert("x")</script> & co' });
    await outbox.send(email);
    await outbox.flush(); // written behind the acknowledgement
    for (const headers of [basic(TEST_OPERATOR_TOKEN), bearer]) {
      const res = await app.request('/outbox', { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      const body = await res.text();
      expect(body).toContain('did not leave this machine');
      expect(body).toContain('POST /v1/mailboxes');
      expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
      expect(body).not.toContain('<script>');
      expect(body).toContain(`/outbox/${workspaceId}/${email.touchId}.eml`);
    }
    const filtered = await (await app.request(`/outbox?workspace=${randomUUID()}`, { headers: bearer })).text();
    expect(filtered).toContain('No message yet.');
    const bad = await app.request('/outbox?workspace=../x', { headers: bearer });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ field: 'query.workspace' }] });
  });

  it('downloads the .eml and shows one message with its headers and text', async () => {
    const email = outbound({ subject: 'Appel <mardi>' });
    await outbox.send(email);
    await outbox.flush(); // written behind the acknowledgement
    const eml = await app.request(`/outbox/${workspaceId}/${email.touchId}.eml`, { headers: bearer });
    expect(eml.status).toBe(200);
    expect(eml.headers.get('content-type')).toBe('message/rfc822');
    expect(eml.headers.get('content-disposition')).toBe(`attachment; filename="${email.touchId}.eml"`);
    expect(Buffer.from(await eml.arrayBuffer()).equals(await buildMime(email))).toBe(true);
    const view = await app.request(`/outbox/${workspaceId}/${email.touchId}`, { headers: bearer });
    expect(view.status).toBe(200);
    const body = await view.text();
    expect(body).toContain('Appel &lt;mardi&gt;');
    expect(body).toContain(email.messageId.replace('<', '&lt;').replace('>', '&gt;'));
    expect(body).toContain('List-Unsubscribe=One-Click');
    expect(body).toContain('mardi 3 mars à 09:15 (heure de Paris)');
  });

  it('404 problem+json for a bad or unknown id', async () => {
    for (const path of [`/outbox/${workspaceId}/not-a-uuid.eml`, `/outbox/..%2F..%2Fetc/passwd`, `/outbox/${workspaceId}/${randomUUID()}`]) {
      const res = await app.request(path, { headers: bearer });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('404 when the deployment keeps no local outbox', async () => {
    const without = createTestApp({ db: db.db, temporal: offlineTemporal(), taskQueue: 'x' });
    const res = await without.request('/outbox', { headers: bearer });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
