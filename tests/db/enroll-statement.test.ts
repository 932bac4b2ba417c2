// The enrollment statement derives an address's suppression keys in SQL; the send-time check
// derives them in TypeScript. Both must name the same entries, or a suppressed prospect could be
// enrolled (and only stopped later) or a clean one refused.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suppressionKeys } from '../../application/suppression.js';
import { suppressionKeysSql } from '../../api/services/enroll-statement.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

async function sqlKeys(email: string): Promise<string[]> {
  const rows = (await t.db.execute(sql`select k from (${suppressionKeysSql(sql`lower(trim(${email}::text))`)}) as keys(k)`)) as unknown as { k: string }[];
  return rows.map((r) => r.k);
}

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const email = fc
  .record({
    local: fc.stringMatching(/^[A-Za-z0-9._+-]{1,20}$/),
    labels: fc.array(label, { minLength: 1, maxLength: 5 }),
    upper: fc.boolean(),
    pad: fc.constantFrom('', ' ', '  '),
  })
  .map(({ local, labels, upper, pad }) => {
    const address = `${local}@${labels.join('.')}`;
    return `${pad}${upper ? address.toUpperCase() : address}${pad}`;
  });

describe('suppression keys in SQL and in TypeScript', () => {
  it('name the same entries, in the same order, for any address', async () => {
    await fc.assert(
      fc.asyncProperty(email, async (e) => {
        expect(await sqlKeys(e)).toEqual(suppressionKeys(e));
      }),
      { numRuns: 200 },
    );
  });

  it('cover parent domains down to two labels, never a bare TLD', async () => {
    expect(await sqlKeys('Ana@EU.Sales.Globex.com')).toEqual(['ana@eu.sales.globex.com', 'eu.sales.globex.com', 'sales.globex.com', 'globex.com']);
    expect(await sqlKeys('root@localhost')).toEqual(['root@localhost']);
  });
});
