// The console's typed client is generated from the OpenAPI document: the committed file must be
// what `npm run console:api` writes today, so the console cannot drift from the API.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONSOLE_API_TYPES, consoleApiTypes } from '../../scripts/lib/console-api-types.js';

describe("the console's API types", () => {
  it('are up to date with the OpenAPI document (npm run console:api)', async () => {
    const generated = await consoleApiTypes();
    expect(generated).toContain('"/v1/auth/sign-in"');
    expect(readFileSync(CONSOLE_API_TYPES, 'utf8') === generated, 'console/src/api/openapi.d.ts is stale: run npm run console:api').toBe(true);
  });
});
