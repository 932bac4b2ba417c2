// Bulk import: JSON and CSV, duplicates within the request and against the database, row
// errors that do not fail the batch, accounts found or created by domain, 10,000 rows at once.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, type RelanceApp } from '../../api/app.js';
import { importProspects } from '../../api/services/prospect-import.js';
import { accounts, prospects } from '../../db/schema.js';
import { createKeyedWorkspace, type KeyedWorkspace, withTestApi, type Problem } from '../support/api.js';
import { type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let app: RelanceApp;

withTestApi({}, (w) => ({ db, app } = w));

type Result = { created: number; updated: number; skipped: number; errors: Array<{ row: number; field: string; message: string }> };

async function opsOf(ws: KeyedWorkspace) {
  const key = await ws.call<{ key: string }>('POST', '/v1/api-keys', { name: 'ops', role: 'ops' });
  return ws.as(key.body.key);
}
const rowsOf = (ws: KeyedWorkspace) => db.db.select().from(prospects).where(eq(prospects.workspaceId, ws.workspaceId));

describe('prospect import', () => {
  it('JSON: dedupes in the request and against the database, reports bad rows, lands the rest', async () => {
    const ws = await createKeyedWorkspace(app);
    const ops = await opsOf(ws);
    await ws.call('POST', '/v1/prospects', { email: 'marie@globex.test', firstName: 'Marie', timeZone: 'Europe/Paris' });
    await ws.call('POST', '/v1/prospects', { email: 'same@globex.test', firstName: 'Same', timeZone: 'Europe/Paris' });

    const res = await ops<Result>('POST', '/v1/prospects/import', {
      prospects: [
        { email: 'Pierre@Globex.test', firstName: 'Pierre', country: 'FR', company: 'Globex', companyDomain: 'globex.test' },
        { email: 'pierre@globex.test', firstName: 'Duplicate' }, // same email, other case: skipped
        { email: 'MARIE@globex.test', lastName: 'Curie', title: 'CEO' }, // exists: updated, blank cells keep values
        { email: 'same@globex.test', firstName: 'Same' }, // exists, nothing changes: skipped
        { email: 'not-an-email', firstName: 'Bad' },
        { email: 'mars@initech.test', timeZone: 'Mars/Olympus' },
        { email: 'nyc@initech.test', country: 'US' }, // several zones, no region
        { email: 'x@initech.test', colour: 'red' },
        { firstName: 'No email' },
        { email: 'jo@initech.test', timeZone: 'America/New_York', company: 'Initech', companyDomain: 'www.Initech.test' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([
      { row: 5, field: 'email', message: 'not an email address' },
      { row: 6, field: 'timeZone', message: expect.stringContaining('Mars/Olympus') },
      { row: 7, field: 'region', message: expect.any(String) },
      { row: 8, field: 'colour', message: 'unknown field' },
      { row: 9, field: 'email', message: 'required' },
    ]);
    expect(res.body).toMatchObject({ created: 2, updated: 1, skipped: 2 });

    const rows = await rowsOf(ws);
    const by = new Map(rows.map((r) => [r.email, r]));
    expect([...by.keys()].sort()).toEqual(['jo@initech.test', 'marie@globex.test', 'pierre@globex.test', 'same@globex.test']);
    expect(by.get('pierre@globex.test')).toMatchObject({ firstName: 'Pierre', country: 'FR', timeZone: null });
    expect(by.get('marie@globex.test')).toMatchObject({ firstName: 'Marie', lastName: 'Curie', title: 'CEO', timeZone: 'Europe/Paris' });
    expect(by.get('jo@initech.test')).toMatchObject({ timeZone: 'America/New_York', country: 'US' });
    // Accounts found or created by (normalized) domain.
    const accs = await db.db.select().from(accounts).where(eq(accounts.workspaceId, ws.workspaceId));
    expect(accs.map((a) => a.domain).sort()).toEqual(['globex.test', 'initech.test']);
    expect(by.get('jo@initech.test')!.accountId).toBe(accs.find((a) => a.domain === 'initech.test')!.id);

    // The same import again changes nothing.
    const again = await ops<Result>('POST', '/v1/prospects/import', { prospects: [{ email: 'pierre@globex.test', firstName: 'Pierre', country: 'FR', company: 'Globex', companyDomain: 'globex.test' }] });
    expect(again.body).toMatchObject({ created: 0, updated: 0, skipped: 1, errors: [] });
  });

  it('CSV: header row, quoted cells, case-insensitive headers, row errors', async () => {
    const ws = await createKeyedWorkspace(app);
    const ops = await opsOf(ws);
    const csv = [
      'Email,firstName,lastName,company,companyDomain,timeZone',
      'ada@hooli.test,Ada,"Lovelace, Countess",Hooli,hooli.test,Europe/London',
      'ADA@hooli.test,Ada,Again,Hooli,hooli.test,Europe/London',
      'bad-address,Bad,Row,,,',
      'tz@hooli.test,Tz,Row,,,Nowhere/City',
      'grace@hooli.test,Grace,Hopper,Hooli,hooli.test,',
      '',
    ].join('\r\n');
    const res = await ops<Result>('POST', '/v1/prospects/import', csv, { 'content-type': 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, updated: 0, skipped: 1 });
    expect(res.body.errors.map((e) => [e.row, e.field])).toEqual([[3, 'email'], [4, 'timeZone']]);
    const rows = await rowsOf(ws);
    expect(rows.find((r) => r.email === 'ada@hooli.test')).toMatchObject({ lastName: 'Lovelace, Countess', timeZone: 'Europe/London' });
    expect(new Set(rows.map((r) => r.accountId)).size).toBe(1);
  });

  it('refuses what is not an import, naming the field', async () => {
    const ws = await createKeyedWorkspace(app);
    const unknownColumn = await ws.call<Problem>('POST', '/v1/prospects/import', 'email,shoeSize\na@b.test,42\n', { 'content-type': 'text/csv' });
    expect(unknownColumn.status).toBe(422);
    expect(unknownColumn.body.errors?.map((e) => e.field)).toEqual(['body.shoeSize']);
    const noEmail = await ws.call<Problem>('POST', '/v1/prospects/import', 'firstName\nAda\n', { 'content-type': 'text/csv' });
    expect(noEmail.body.errors?.map((e) => e.field)).toEqual(['body.email']);
    const empty = await ws.call<Problem>('POST', '/v1/prospects/import', { prospects: [] });
    expect([empty.status, empty.body.errors?.map((e) => e.field)]).toEqual([422, ['body.prospects']]);
    const extra = await ws.call<Problem>('POST', '/v1/prospects/import', { prospects: [{ email: 'a@b.test' }], dryRun: true });
    expect([extra.status, extra.body.errors?.map((e) => e.field)]).toEqual([422, ['body.dryRun']]);
    const tooMany = await ws.call<Problem>('POST', '/v1/prospects/import', { prospects: Array.from({ length: 10_001 }, (_, i) => ({ email: `p${i}@x.test` })) });
    expect([tooMany.status, tooMany.body.errors?.map((e) => e.field)]).toEqual([422, ['body.prospects']]);
    const xml = await ws.call<Problem>('POST', '/v1/prospects/import', '<prospects/>', { 'content-type': 'application/xml' });
    // Refused by the OpenAPI validator before the handler: the declared media types are JSON and CSV.
    expect([xml.status, xml.body.type]).toEqual([415, '/problems/malformed-request']);
    const huge = await ws.call<Problem>('POST', '/v1/prospects/import', 'email\n' + 'a'.repeat(17 * 1024 * 1024), { 'content-type': 'text/csv' });
    expect([huge.status, huge.body.type]).toEqual([413, '/problems/payload-too-large']);
  });

  it('imports 10,000 rows in one request above the 1 MiB limit of other routes', async () => {
    const ws = await createKeyedWorkspace(app);
    const ops = await opsOf(ws);
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      email: `prospect${i}@company${i % 500}.test`,
      firstName: `First${i}`,
      lastName: `Last${i}`,
      title: 'Head of Sales',
      phone: '+33 1 23 45 67 89',
      country: 'FR',
      company: `Company ${i % 500}`,
      companyDomain: `company${i % 500}.test`,
    }));
    const body = JSON.stringify({ prospects: rows });
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES);
    const started = Date.now();
    const res = await ops<Result>('POST', '/v1/prospects/import', body);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 10_000, updated: 0, skipped: 0, errors: [] });
    expect(elapsed).toBeLessThan(15_000);
    expect(await rowsOf(ws)).toHaveLength(10_000);
    expect(await db.db.select().from(accounts).where(eq(accounts.workspaceId, ws.workspaceId))).toHaveLength(500);

    // The CSV form of the same rows: all already there, a tenth changed.
    const header = 'email,firstName,lastName,title,phone,country,company,companyDomain';
    const csv = [header, ...rows.map((r, i) => [r.email, r.firstName, r.lastName, i % 10 === 0 ? 'VP Sales' : r.title, r.phone, r.country, r.company, r.companyDomain].join(','))].join('\n');
    const again = await ops<Result>('POST', '/v1/prospects/import', csv, { 'content-type': 'text/csv' });
    expect(again.body).toEqual({ created: 0, updated: 1_000, skipped: 9_000, errors: [] });
    const [changed] = await db.db.select().from(prospects).where(and(eq(prospects.workspaceId, ws.workspaceId), eq(prospects.email, 'prospect0@company0.test')));
    expect(changed!.title).toBe('VP Sales');
  });

  it('importProspects is callable directly (benchmarks)', async () => {
    const ws = await createKeyedWorkspace(app);
    const res = await importProspects(db.db, ws.workspaceId, [{ email: 'direct@x.test', timeZone: 'UTC' }, { email: 'bad' }, { email: 'nul@x.test', title: 'a\u0000b' }]);
    expect(res).toMatchObject({ created: 1, updated: 0, skipped: 0, errors: [{ row: 2, field: 'email' }, { row: 3, field: 'title' }] });
  });
});
