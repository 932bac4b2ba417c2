// Process configuration from the environment, validated once at start so a typo fails
// loudly with the variable's name instead of surfacing later as a confusing runtime error.
import { z } from 'zod';
import { log } from '../logging/log.js';
import { MICROSOFT_DEFAULTS, type MailConfig } from '../channels/config.js';
import type { ImapWatchersConfig } from './imap-watchers.js';

export type { GoogleConfig, MailConfig, MicrosoftConfig } from '../channels/config.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(0).max(65535);

const EnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** "false" for a pooler in transaction mode that cannot keep named statements. */
  DATABASE_PREPARED_STATEMENTS: z.string().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: z.url().optional(),
  TEMPORAL_ADDRESS: z.string().min(1).default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('relance'),
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS: bool.optional(),
  TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_CA_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  TEMPORAL_UI_PORT: port.default(8233),
  EMBEDDED_TEMPORAL: bool.optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Authorizes POST /v1/workspaces (creating a workspace and its first admin key). */
  RELANCE_OPERATOR_TOKEN: z.string().min(24, 'at least 24 characters').optional(),
  RATE_LIMIT_PER_SECOND: z.coerce.number().int().positive().default(100),
  RATE_LIMIT_BURST: z.coerce.number().int().positive().default(200),
  /** Reps without a mailbox: keep their emails in the local outbox (default outside production). */
  RELANCE_LOCAL_OUTBOX: bool.optional(),
  RELANCE_OUTBOX_DIR: z.string().min(1).optional(),
  /** The OAuth client Gmail mailboxes' refresh tokens were issued to. */
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where Google's REST APIs and token endpoint are (a test server, a proxy); Google's by default. */
  GOOGLE_API_ROOT_URL: z.url().optional(),
  GOOGLE_OAUTH_TOKEN_URL: z.url().optional(),
  /** The Microsoft Entra app registration Microsoft 365 mailboxes' refresh tokens were issued to. */
  MICROSOFT_CLIENT_ID: z.string().min(1).optional(),
  MICROSOFT_CLIENT_SECRET: z.string().min(1).optional(),
  MICROSOFT_TENANT_ID: z.string().regex(/^[A-Za-z0-9.-]+$/, 'a directory id, a domain, or organizations').default(MICROSOFT_DEFAULTS.tenant),
  /** Where Microsoft's sign-in and Graph are (a test server, a sovereign cloud); Microsoft's public cloud by default. */
  MICROSOFT_AUTHORITY_HOST: z.url().default(MICROSOFT_DEFAULTS.authorityHost),
  MICROSOFT_GRAPH_URL: z.url().default(MICROSOFT_DEFAULTS.graphUrl),
  /** A pending enrollment older than this has its workflow started by a worker's reconciler. */
  ENROLLMENT_START_GRACE_SECONDS: z.coerce.number().positive().default(60),
  /** SIGTERM or SIGINT: how long a process may take to finish or hand back its work before it exits anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().positive().default(20),
  /** Read the replies of SMTP mailboxes with IMAP settings in this worker process. */
  IMAP_WATCH: bool.default(true),
  /** Mailboxes one worker process watches at most (one IMAP connection each). */
  IMAP_MAX_WATCHERS: z.coerce.number().int().min(1).max(5000).default(500),
  /** Every watched folder is read again at least this often, besides IDLE on INBOX. */
  IMAP_POLL_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  /** DNS servers the sending-domain check asks ("10.0.0.2", "127.0.0.1:5353", comma-separated); the system's by default. */
  DNS_SERVERS: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[0-9a-fA-F:.]+)(:\d{1,5})?$/, 'IP addresses, each with an optional :port'))),
});

export type Config = {
  databaseUrl: string | undefined;
  preparedStatements: boolean;
  dataDir: string;
  host: string;
  port: number;
  publicUrl: string;
  temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    apiKey: string | undefined;
    tls: boolean;
    tlsCertPath: string | undefined;
    tlsKeyPath: string | undefined;
    tlsCaPath: string | undefined;
    tlsServerName: string | undefined;
    uiPort: number;
    /** Run the embedded dev server (npm start default when TEMPORAL_ADDRESS is not set). */
    embedded: boolean;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  operatorToken: string | undefined;
  rateLimit: { perSecond: number; burst: number };
  mail: MailConfig;
  enrollmentStartGraceMs: number;
  shutdownGraceMs: number;
  /** The worker's IMAP reply watchers; null: none in this process. */
  imap: ImapWatchersConfig | null;
  /** DNS servers of the sending-domain check; empty: the system's. */
  dnsServers: string[];
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (Boolean(e.TEMPORAL_TLS_CERT_PATH) !== Boolean(e.TEMPORAL_TLS_KEY_PATH)) {
    throw new ConfigError('invalid environment:\n  TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together');
  }
  const displayHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  const publicUrl = e.PUBLIC_URL ?? `http://${displayHost}:${e.PORT}`;
  const localOutbox = e.RELANCE_LOCAL_OUTBOX ?? env.NODE_ENV !== 'production';
  return {
    databaseUrl: e.DATABASE_URL,
    preparedStatements: e.DATABASE_PREPARED_STATEMENTS !== 'false',
    dataDir: e.DATA_DIR,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      apiKey: e.TEMPORAL_API_KEY,
      // Temporal Cloud API keys and mTLS both need TLS; plain dev servers do not.
      tls: e.TEMPORAL_TLS ?? Boolean(e.TEMPORAL_API_KEY || e.TEMPORAL_TLS_CERT_PATH),
      tlsCertPath: e.TEMPORAL_TLS_CERT_PATH,
      tlsKeyPath: e.TEMPORAL_TLS_KEY_PATH,
      tlsCaPath: e.TEMPORAL_TLS_CA_PATH,
      tlsServerName: e.TEMPORAL_TLS_SERVER_NAME,
      uiPort: e.TEMPORAL_UI_PORT,
      embedded: e.EMBEDDED_TEMPORAL ?? env.TEMPORAL_ADDRESS === undefined,
    },
    logLevel: e.LOG_LEVEL,
    operatorToken: e.RELANCE_OPERATOR_TOKEN,
    rateLimit: { perSecond: e.RATE_LIMIT_PER_SECOND, burst: e.RATE_LIMIT_BURST },
    mail: {
      localOutboxDir: localOutbox ? (e.RELANCE_OUTBOX_DIR ?? `${e.DATA_DIR.replace(/\/$/, '')}/outbox`) : null,
      publicUrl,
      google: { clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET, rootUrl: e.GOOGLE_API_ROOT_URL, tokenUrl: e.GOOGLE_OAUTH_TOKEN_URL },
      microsoft: {
        clientId: e.MICROSOFT_CLIENT_ID,
        clientSecret: e.MICROSOFT_CLIENT_SECRET,
        tenant: e.MICROSOFT_TENANT_ID,
        authorityHost: e.MICROSOFT_AUTHORITY_HOST.replace(/\/+$/, ''),
        graphUrl: e.MICROSOFT_GRAPH_URL.replace(/\/+$/, ''),
      },
    },
    enrollmentStartGraceMs: e.ENROLLMENT_START_GRACE_SECONDS * 1000,
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    imap: e.IMAP_WATCH ? { maxWatchers: e.IMAP_MAX_WATCHERS, pollMs: e.IMAP_POLL_SECONDS * 1000 } : null,
    dnsServers: e.DNS_SERVERS,
  };
}

/** What an entry (api-main, worker-main, npm start) reads once as it starts: the configuration, its log level applied. */
export function configureProcess(env: NodeJS.ProcessEnv = process.env): Config {
  const config = loadConfig(env);
  log.level = config.logLevel;
  return config;
}
