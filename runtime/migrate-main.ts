// `npm run db:migrate`: apply migrations to DATABASE_URL (or the embedded PGlite) and exit.
import { loadConfig } from './config.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';

const config = loadConfig();
const handle = await openDatabase(config);
await migrateDatabase(handle);
console.log(`migrations applied to ${handle.describe}`);
await handle.close();
