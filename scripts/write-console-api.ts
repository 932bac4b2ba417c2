// `npm run console:api`: writes console/src/api/openapi.d.ts from the OpenAPI document.
import { writeFileSync } from 'node:fs';
import { CONSOLE_API_TYPES, consoleApiTypes } from './lib/console-api-types.js';

writeFileSync(CONSOLE_API_TYPES, await consoleApiTypes());
console.log('wrote console/src/api/openapi.d.ts');
