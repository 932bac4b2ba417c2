// `npm run db:migrate`: apply migrations to DATABASE_URL (or the embedded PGlite) and exit.
import { loadConfig } from '../runtime/config.js';
import { openDatabase } from './client.js';
import { migrateDatabase } from './migrate.js';

const config = loadConfig();
const handle = await openDatabase(config);
await migrateDatabase(handle);
console.log(`migrations applied to ${handle.describe}`);
await handle.close();
