// `npm run db:migrate`: apply migrations to DATABASE_URL (or the embedded PGlite) and exit.
import { configureProcess } from './config.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';

const config = configureProcess();
const handle = await openDatabase(config);
await migrateDatabase(handle);
console.log(`migrations applied to ${handle.describe}`);
await handle.close();
