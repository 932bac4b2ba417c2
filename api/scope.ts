// Every lookup is scoped to the workspace in the path: an id of another workspace is "not found".
import { z } from '@hono/zod-openapi';
import type { Database } from '../db/client.js';
import { enrollments } from '../db/schema.js';
import { findInWorkspace } from './services/in-workspace.js';
import { COUNTRY_INPUT_PATTERN, REGION_INPUT_PATTERN } from '../domain/timing/place.js';

// Routes are declared with defineRoute (api/access.ts), which carries their access rule.
export { z };

/**
 * A country or region as the timing domain reads them: the look is documented, existence is checked
 * there. `blankIsNone`: where "" counts as not given (prospects).
 */
const orBlank = (pattern: string, blankIsNone: boolean) => (blankIsNone ? `^$|${pattern}` : pattern);
export const countryInput = (blankIsNone = false) =>
  z.string().openapi({ pattern: orBlank(COUNTRY_INPUT_PATTERN, blankIsNone), description: 'ISO 3166-1 alpha-2 code (any case)', example: 'FR' });
export const regionInput = (blankIsNone = false) =>
  z.string().openapi({ pattern: orBlank(REGION_INPUT_PATTERN, blankIsNone), description: 'ISO 3166-2 subdivision ("US-CA", or "CA" with the country)', example: 'FR-67' });

export const pathId = (name: string) => z.uuid().openapi({ param: { name, in: 'path' } });
export const WorkspaceParams = z.object({ workspaceId: pathId('workspaceId') });

export const findEnrollment = (db: Database, workspaceId: string, enrollmentId: string) => findInWorkspace(db, enrollments, workspaceId, enrollmentId, 'enrollment');

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
