// A workspace as the API shows it (creation and the settings routes answer with it).
import { z } from '@hono/zod-openapi';
import type { workspaces } from '../db/schema.js';

const Json = z.record(z.string(), z.unknown());

export const Workspace = z.object({ id: z.uuid(), name: z.string(), timeZone: z.string(), timingRules: Json, escalationPolicy: Json, handoffPolicy: Json }).openapi('Workspace');

export const toWorkspace = (w: typeof workspaces.$inferSelect): z.infer<typeof Workspace> => ({
  id: w.id,
  name: w.name,
  timeZone: w.timeZone,
  timingRules: w.timingRules as Record<string, unknown>,
  escalationPolicy: w.escalationPolicy as Record<string, unknown>,
  handoffPolicy: w.handoffPolicy as Record<string, unknown>,
});
