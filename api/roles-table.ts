// The roles of every operation as a Markdown table, read from the OpenAPI document: docs/api-roles.md
// is this table, and a test keeps the two equal, so the documentation cannot drift from the code.
import type { RelanceApp } from './app.js';

type Operation = { 'x-relance-roles'?: string[]; 'x-relance-access'?: string; summary?: string };

const HEADER = `# Who may call what

Generated from the OpenAPI document (\`x-relance-roles\`, \`x-relance-access\`) by \`npm run docs:roles\`;
a test fails when it is out of date. **admin** may call everything. Other keys get 403 on an
operation that does not list their role, before anything else answers (an Idempotency-Key
replay included). A **rep** key acts as its user: on the operations it may call, it sees and
changes only its own enrollments, tasks and mailboxes (another rep's are "not found").

| operation | roles |
| --- | --- |
`;

export async function rolesTable(app: Pick<RelanceApp, 'request'>): Promise<string> {
  const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> };
  const rows: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [method, op] of Object.entries(methods)) {
      const who = op['x-relance-roles']?.join(', ') ?? `public: ${op['x-relance-access'] ?? '?'}`;
      rows.push(`| \`${method.toUpperCase()} ${path}\` | ${who} |`);
    }
  }
  return `${HEADER}${rows.join('\n')}\n`;
}
