// Once per `npm test`: a real PostgreSQL (DATABASE_URL, else a throw-away cluster), a template
// database with the migrations applied, a real Temporal dev server, the time-skipping test
// server's wrapper, Dovecot installed (the IMAP tests start their own), the workflow bundle and the console's build. Test files get their addresses through inject().
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { openDatabase } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { ensureWorkflowBundle } from '../../runtime/workflow-bundle.js';
import { ensureConsoleBuild } from '../../runtime/console-bundle.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/lib/pg-cluster.js';
import { freePort } from '../../scripts/lib/ports.js';
import { runProvisioningScript } from '../../scripts/lib/run-script.js';
import { startTemporalDevServer, type RunningDevServer } from '../../scripts/lib/temporal-dev-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    temporalAddress: string;
    timeSkippingServer: string;
    workflowBundle: string;
    consoleDir: string;
  }
}

const TEMPLATE = 'relance_test_template';

export default async function setup(project: TestProject) {
  const t0 = Date.now();
  let cluster: ThrowawayPostgres | undefined;
  let devServer: RunningDevServer | undefined;
  const teardown = async () => {
    await devServer?.stop();
    await cluster?.stop();
  };
  try {
    const [pgUrl, dev, timeSkipping, bundle, consoleDir] = await Promise.all([
      process.env.DATABASE_URL
        ? Promise.resolve(process.env.DATABASE_URL)
        : startThrowawayPostgres().then((c) => ((cluster = c), c.url)),
      freePort().then((port) => startTemporalDevServer({ port })),
      runProvisioningScript('ensure-test-server.sh'),
      ensureWorkflowBundle(),
      ensureConsoleBuild(),
    ]);
    devServer = dev;
    // Installed here (first run only), so the IMAP tests' own servers start at once; after
    // PostgreSQL, whose script may be installing its package too (one apt at a time).
    await runProvisioningScript('ensure-dovecot.sh');

    // Each test file clones this template: a fresh, migrated database in milliseconds.
    const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${TEMPLATE} with (force)`);
    await admin.unsafe(`create database ${TEMPLATE}`);
    await admin.end();
    const templateUrl = new URL(pgUrl);
    templateUrl.pathname = `/${TEMPLATE}`;
    const handle = await openDatabase({ databaseUrl: templateUrl.toString(), maxConnections: 1 });
    await migrateDatabase(handle);
    await handle.close();

    project.provide('pgAdminUrl', pgUrl);
    project.provide('pgTemplate', TEMPLATE);
    project.provide('temporalAddress', dev.address);
    project.provide('timeSkippingServer', timeSkipping);
    project.provide('workflowBundle', bundle);
    project.provide('consoleDir', consoleDir);
    console.log(`[tests] services ready in ${Date.now() - t0} ms (Temporal ${dev.address})`);
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}
