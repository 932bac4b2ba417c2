import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema.ts by `npm run db:generate` and applied at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./db/schema.ts', './db/auth-schema.ts'],
  out: './db/migrations',
});
