// Logs never carry data. Internal errors are forced with real constraint violations (a CHECK
// constraint added to this file's database refuses rows the API writes): the requests answer
// 500, and the log describes the database error by class, SQLSTATE and constraint, without the
// query's parameters: no email address, no API key hash, no sealed secret. Temporal's log of a
// failed activity goes through the same logger.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prospects } from '../../db/schema.js';
import { logTo } from '../../logging/log.js';
import { temporalLogger } from '../../runtime/temporal-logger.js';
import { EMPTY_ALLOW_LIST } from '../../security/ssrf.js';
import { type KeyedWorkspace, offlineTemporal, withTestApi } from '../support/api.js';
import type { TestDatabase } from '../support/db.js';

let db: TestDatabase;
let ws: KeyedWorkspace;
let repId: string;
let lines: string[] = [];
let restore: () => void;

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const KEY_HASH = /[0-9a-f]{64}/i;
const SEALED = /v1\.[\w-]{8,}\.[\w-]{8,}\./;
const PLAIN_SECRETS = /whsec_|rk_|hunter2/;

withTestApi({ temporal: offlineTemporal('200ms'), allowList: EMPTY_ALLOW_LIST }, (w) => ({ db, ws } = w));
beforeAll(async () => {
  const rep = await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam Rep' });
  repId = rep.body.id;
  // Rows the API will try to write, refused by the database itself.
  for (const [table, check] of [
    ['prospects', "email <> 'jane@globex.test'"],
    ['api_keys', "name <> 'refused'"],
    ['webhook_subscriptions', "description is distinct from 'refused'"],
    ['mailboxes', "display_name is distinct from 'refused'"],
  ]) {
    await db.db.execute(sql.raw(`alter table ${table} add constraint refused_${table} check (${check})`));
  }
  restore = logTo({ write: (line: string) => lines.push(line) });
});
afterAll(() => restore?.());

type LogLine = { level: number; msg: string; requestId?: string; method?: string; route?: string; err?: { type: string; cause?: { type: string; code: string; constraint?: string; table?: string } } };

async function failing(method: string, path: string, body: unknown, table: string) {
  lines = [];
  const res = await ws.call<{ type: string; detail: string }>(method, path, body);
  expect([res.status, res.headers.get('content-type'), res.body.type]).toEqual([500, 'application/problem+json', '/problems/internal-error']);
  const logged = lines.join('');
  for (const data of [EMAIL, KEY_HASH, SEALED, PLAIN_SECRETS]) expect(logged).not.toMatch(data);
  const entries = lines.map((l) => JSON.parse(l) as LogLine);
  const entry = entries.find((e) => e.msg === 'request failed');
  expect(entry).toMatchObject({ level: 50, method, route: path, err: { type: 'DrizzleQueryError', cause: { code: '23514', constraint: `refused_${table}`, table } } });
  expect(res.body.detail).toContain(entry!.requestId);
}

describe('an internal error is logged without the data of the request', () => {
  it('a prospect refused by the database: no email address in the log', async () => {
    await failing('POST', '/v1/prospects', { email: 'jane@globex.test', firstName: 'Jane', phone: '+33 6 12 34 56 78' }, 'prospects');
  });

  it('an API key refused by the database: no key hash in the log', async () => {
    await failing('POST', '/v1/api-keys', { name: 'refused', role: 'integration' }, 'api_keys');
  });

  it('a webhook subscription refused by the database: no sealed signing secret in the log', async () => {
    await failing('POST', '/v1/webhooks', { url: 'https://93.184.215.14/hooks', description: 'refused' }, 'webhook_subscriptions');
  });

  it('a mailbox refused by the database: neither its sealed password nor its address in the log', async () => {
    const smtp = { host: '93.184.215.14', port: 587, username: 'sam', password: 'hunter2' };
    await failing('POST', '/v1/mailboxes', { userId: repId, address: 'sam@acme.test', provider: 'smtp', displayName: 'refused', smtp }, 'mailboxes');
  });
});

describe("Temporal's log of a failed activity", () => {
  it('describes a database error by class, code and constraint only', async () => {
    const error = await db.db
      .insert(prospects)
      .values({ workspaceId: ws.workspaceId, email: 'jane@globex.test' })
      .then(() => null, (err: unknown) => err);
    expect(error).toBeInstanceOf(Error);
    lines = [];
    temporalLogger().warn('Activity failed', { activityType: 'upsertProspect', error });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(EMAIL);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, msg: 'Activity failed', component: 'temporal', error: { type: 'DrizzleQueryError', cause: { code: '23514', constraint: 'refused_prospects' } } });
  });
});
