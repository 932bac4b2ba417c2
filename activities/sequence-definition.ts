// A published sequence version's definition, for workflows started with a reference to it
// (input version 3) rather than the definition itself.
import { ApplicationFailure } from '@temporalio/activity';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { sequenceVersions } from '../db/schema.js';
import { parseSequenceDefinition, type SequenceDefinition } from '../domain/sequences/index.js';

export type SequenceVersionRef = { workspaceId: string; sequenceId: string; version: number };

/**
 * Published versions never change: each is read and parsed once per process. The key holds the
 * workspace, so a version is only ever served to the workspace that owns it.
 */
const parsed = new Map<string, SequenceDefinition>();

export function createSequenceDefinitionActivities({ db }: { db: Database }) {
  return {
    async loadSequenceDefinition(ref: SequenceVersionRef): Promise<SequenceDefinition> {
      const key = `${ref.workspaceId}/${ref.sequenceId}@${ref.version}`;
      const cached = parsed.get(key);
      if (cached) return cached;
      const [row] = await db
        .select({ definition: sequenceVersions.definition })
        .from(sequenceVersions)
        .where(and(eq(sequenceVersions.workspaceId, ref.workspaceId), eq(sequenceVersions.sequenceId, ref.sequenceId), eq(sequenceVersions.version, ref.version), isNotNull(sequenceVersions.publishedAt)));
      if (!row) throw ApplicationFailure.nonRetryable(`sequence ${ref.sequenceId} has no published version ${ref.version} in workspace ${ref.workspaceId}`, 'NotFound');
      const def = parseSequenceDefinition(row.definition);
      if (parsed.size >= 1000) parsed.delete(parsed.keys().next().value!);
      parsed.set(key, def);
      return def;
    },
  };
}
