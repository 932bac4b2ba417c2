// The first slice of Relance's domain. Every table but workspaces carries workspace_id:
// every query is scoped to one workspace, and the composite indexes start with it.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

// The columns most tables repeat, written once.
/** A random uuid primary key. */
export const primaryId = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** The owning workspace: deleting it deletes the row. */
export const workspaceRef = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
/** A user the row belongs to (`user_id` unless named otherwise): deleting the user deletes the row. */
export const ownerRef = (column = 'user_id') =>
  uuid(column)
    .notNull()
    .references((): AnyPgColumn => users.id, { onDelete: 'cascade' });
/** A workspace's row owned by one user (a mailbox, a session): its id, workspace and owner. */
export const userOwnedRow = () => ({ id: primaryId(), workspaceId: workspaceRef(), userId: ownerRef() });
/** The key of a row that extends its parent one to one: the parent's id, deleted with it. */
export const extensionOf = (column: string, parent: () => AnyPgColumn) => uuid(column).primaryKey().references(parent, { onDelete: 'cascade' });

export const workspaces = pgTable('workspaces', {
  id: primaryId(),
  name: text('name').notNull(),
  /** Default IANA time zone of the workspace, used when a rep or prospect has none. */
  timeZone: text('time_zone').notNull().default('Europe/Paris'),
  /** Ops' timing rules (partial TimingRulesInput); sequences may override them. */
  timingRules: jsonb('timing_rules').notNull().default(sql`'{}'::jsonb`),
  /** Escalation quotas: { perAccount, perRep, windowDays }. */
  escalationPolicy: jsonb('escalation_policy').notNull().default(sql`'{}'::jsonb`),
  /** Overrides of the bounce and complaint limits that pause a mailbox (domain/mail/bounce-rate.ts). */
  deliverabilityPolicy: jsonb('deliverability_policy').notNull().default(sql`'{}'::jsonb`),
  /** Handoff follow-up (partial HandoffPolicy): when a field rep is asked for a meeting's outcome, reminded, and their manager told. */
  handoffPolicy: jsonb('handoff_policy').notNull().default(sql`'{}'::jsonb`),
  /** Links in sent emails go through a signed redirect that records the click (off by default: docs/reports.md). */
  clickTracking: boolean('click_tracking').notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** rep, manager, ops or admin: what the person does in the sales team. */
    role: text('role', { enum: ['rep', 'manager', 'ops', 'admin'] }).notNull().default('rep'),
    timeZone: text('time_zone'),
    /** ISO 3166-1 alpha-2 / ISO 3166-2 subdivision of where the person works: whose public holidays are theirs. Null: their zone's country. */
    country: text('country'),
    region: text('region'),
    phone: text('phone'),
    /** Call capacity: the announced call slots a rep can really keep. */
    callsPerHour: integer('calls_per_hour').notNull().default(12),
    /** Dedicated call blocks [{ days?, start, end }] in the rep's zone; empty means any time in the call window. */
    callBlocks: jsonb('call_blocks').notNull().default(sql`'[]'::jsonb`),
    /** { days?, start, end } in the user's zone: when tasks may fall due for them; null: the default (Mon-Fri 09:00-18:00). */
    workingHours: jsonb('working_hours'),
    managerId: uuid('manager_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    /** A field rep (account executive) holds the meetings SDRs book (PLAYBOOK §5); any role may be one. */
    fieldRep: boolean('field_rep').notNull().default(false),
    /** Set by an admin: the person can no longer sign in, their sessions and API keys stop at once; null: active. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_workspace_email').on(t.workspaceId, t.email), index('users_workspace_manager').on(t.workspaceId, t.managerId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    domain: text('domain'),
    /** ISO 3166-1 alpha-2 country and ISO 3166-2 region: they decide holidays and the default time zone. */
    country: text('country'),
    region: text('region'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('accounts_workspace_domain').on(t.workspaceId, t.domain)],
);

export const prospects = pgTable(
  'prospects',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    firstName: text('first_name'),
    lastName: text('last_name'),
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    linkedinUrl: text('linkedin_url'),
    country: text('country'),
    region: text('region'),
    /** Explicit IANA time zone; when null it is derived from country and region. */
    timeZone: text('time_zone'),
    /** active, opted_out or invalid_email: an opted-out prospect is never touched again. */
    status: text('status', { enum: ['active', 'opted_out', 'invalid_email'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('prospects_workspace_email').on(t.workspaceId, t.email),
    index('prospects_workspace_account').on(t.workspaceId, t.accountId),
  ],
);

export const sequences = pgTable(
  'sequences',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    /** Stable key used in workflow ids, e.g. "announced-call". */
    key: text('key').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['draft', 'active', 'archived'] }).notNull().default('draft'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sequences_workspace_key').on(t.workspaceId, t.key)],
);

/** A published version is frozen: enrollments keep the version they started with. */
export const sequenceVersions = pgTable(
  'sequence_versions',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    sequenceId: uuid('sequence_id')
      .notNull()
      .references(() => sequences.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sequence_versions_sequence_version').on(t.sequenceId, t.version)],
);

export const enrollments = pgTable(
  'enrollments',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    prospectId: uuid('prospect_id')
      .notNull()
      .references(() => prospects.id, { onDelete: 'cascade' }),
    sequenceId: uuid('sequence_id')
      .notNull()
      .references(() => sequences.id, { onDelete: 'cascade' }),
    sequenceVersion: integer('sequence_version').notNull(),
    repId: uuid('rep_id')
      .notNull()
      .references(() => users.id),
    /**
     * `enrollment:<id>`, fixed when the enrollment is created: one row, so one workflow, per
     * (prospect, sequence); enrolling twice finds this row and never runs twice.
     */
    workflowId: text('workflow_id').notNull(),
    status: text('status', {
      enum: ['pending', 'active', 'paused', 'completed', 'stopped'],
    })
      .notNull()
      .default('pending'),
    /** Trigger event that makes the touch relevant (fundraise, trade show, new law...). */
    context: text('context'),
    /** Reason to call ("we helped X reach Y, may I send the case study?"). */
    pretext: text('pretext'),
    /** Why the cadence ended (stopped or completed); never a pause's reason. */
    stopReason: text('stop_reason'),
    /** Why the cadence is paused, and until when (null: until resumed); cleared on resume. */
    pauseReason: text('pause_reason'),
    pausedUntil: timestamp('paused_until', { withTimezone: true }),
    /** The rep's mailbox its emails leave from; null: the rep's default mailbox at send time. */
    mailboxId: uuid('mailbox_id').references((): AnyPgColumn => mailboxes.id, { onDelete: 'set null' }),
    currentStepId: text('current_step_id'),
    /** The cadence does not start before this instant (the enroll request's startAt). */
    startAt: timestamp('start_at', { withTimezone: true }),
    /**
     * When a reconciler last made sure the workflow of this pending enrollment exists
     * (runtime/enrollment-reconciler.ts): each pending row is looked at once per grace period,
     * by one process.
     */
    startCheckedAt: timestamp('start_checked_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('enrollments_workflow_id').on(t.workflowId),
    // The reconciler's look-up: pending rows by the time their workflow should have begun.
    index('enrollments_pending_since')
      .on(sql`coalesce(${t.startAt}, ${t.createdAt})`)
      .where(sql`${t.status} = 'pending'`),
    // One enrollment per prospect and sequence; also serves a prospect's enrollments.
    uniqueIndex('enrollments_workspace_prospect_sequence').on(t.workspaceId, t.prospectId, t.sequenceId),
  ],
);

/** A human step of a cadence, in the rep's queue. One row per (enrollment, step): idempotent. */
export const tasks = pgTable(
  'tasks',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'cascade' }),
    repId: uuid('rep_id')
      .notNull()
      .references(() => users.id),
    stepKey: text('step_key').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /**
     * Where the task sits in the rep's queue once due (domain/cadence/queue-rank.ts), known when
     * the task is created: 0 an inbound lead's expected callback, 1 an announced call, 2 the rest.
     */
    queueRank: smallint('queue_rank').notNull().default(2),
    /**
     * upcoming: an announced call whose slot is reserved but whose email has not left yet (visible
     * to prepare, not yet actionable); missed: an announced call not logged within its grace
     * window (a broken promise).
     */
    status: text('status', { enum: ['upcoming', 'open', 'done', 'missed', 'cancelled'] }).notNull().default('open'),
    /** What the rep needs to prepare: decision maker, announcement sent, context, pretext, objections. */
    prep: jsonb('prep').notNull().default(sql`'{}'::jsonb`),
    outcome: jsonb('outcome'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('tasks_enrollment_step').on(t.enrollmentId, t.stepKey),
    // Tasks outside any cadence (reconnect a mailbox): one per workspace and key.
    uniqueIndex('tasks_workspace_system_key').on(t.workspaceId, t.stepKey).where(sql`enrollment_id is null`),
    index('tasks_queue').on(t.workspaceId, t.repId, t.status, t.dueAt),
    // The few tasks that top a queue when due: found without walking the rep's whole queue.
    index('tasks_queue_priority').on(t.workspaceId, t.repId, t.status, t.queueRank, t.dueAt).where(sql`queue_rank < 2`),
    // The manager's view reads a period of tasks by due time, per rep, whatever their status.
    index('tasks_workspace_due').on(t.workspaceId, t.dueAt, t.repId),
    index('tasks_workspace_completed').on(t.workspaceId, t.completedAt).where(sql`completed_at is not null`),
  ],
);

/** Append-only timeline per prospect; feeds webhooks and reports. */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceRef(),
    prospectId: uuid('prospect_id').references(() => prospects.id, { onDelete: 'cascade' }),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
    /** Makes writes from retried activities idempotent. */
    dedupeKey: text('dedupe_key').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('events_workspace_dedupe').on(t.workspaceId, t.dedupeKey),
    index('events_workspace_prospect').on(t.workspaceId, t.prospectId, t.id),
    // Reports read one kind of event over a period (objections heard, calls logged).
    index('events_workspace_type_time').on(t.workspaceId, t.type, t.occurredAt),
    // An enrollment's outcomes, read again each time its facts are refreshed (enrollment_facts).
    index('events_enrollment_outcomes')
      .on(t.enrollmentId, t.type)
      .where(sql`enrollment_id is not null and type in ('prospect.replied', 'prospect.auto_replied', 'prospect.opted_out', 'email.bounced', 'meeting.booked', 'announcement.broken', 'email.clicked')`),
  ],
);

/**
 * A rep's time off: whole local days in the rep's zone, `endsOn` the last day away. Capacity zero:
 * no call is announced in it; the rep's cadences wait until the return, or pass to the covering
 * rep the manager chose for it.
 */
export const repAbsences = pgTable(
  'rep_absences',
  {
    ...userOwnedRow(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    coveringUserId: uuid('covering_user_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('rep_absences_user_ends').on(t.userId, t.endsOn), check('rep_absences_order', sql`${t.endsOn} >= ${t.startsOn}`)],
);

/** A slot of a rep's call capacity, reserved before the email that announces the call leaves. */
export const callSlots = pgTable(
  'call_slots',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    repId: ownerRef('rep_id'),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    stepKey: text('step_key').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['reserved', 'released'] }).notNull().default('reserved'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('call_slots_enrollment_step').on(t.enrollmentId, t.stepKey),
    uniqueIndex('call_slots_rep_start_reserved').on(t.repId, t.startsAt).where(sql`status = 'reserved'`),
    index('call_slots_rep_window').on(t.repId, t.startsAt),
  ],
);

/** Touches the system sent (or refused to send) on a channel; one per (enrollment, step visit). */
export const touches = pgTable(
  'touches',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    prospectId: uuid('prospect_id')
      .notNull()
      .references(() => prospects.id, { onDelete: 'cascade' }),
    stepKey: text('step_key').notNull(),
    channel: text('channel').notNull(),
    provider: text('provider').notNull(),
    /**
     * scheduled (staged ahead of its due time) -> sending (claimed by one sender) -> sent, or
     * suppressed (opt-out, invalid address), cancelled (cadence stopped, paused or skipped before
     * it left), failed, uncertain (a sender died mid-send: never resent blindly), held (its
     * mailbox is disconnected or missing: it waits, visibly, and leaves when it is reconnected).
     */
    status: text('status', { enum: ['scheduled', 'sending', 'sent', 'suppressed', 'cancelled', 'failed', 'uncertain', 'held'] }).notNull(),
    /** When it is due to leave (the 08:00 of the cadence). */
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    toAddress: text('to_address'),
    subject: text('subject'),
    body: text('body'),
    /** The call time this touch announced, when it announced one. */
    announcedCallAt: timestamp('announced_call_at', { withTimezone: true }),
    detail: text('detail'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** When a hard bounce of this email came back (the mailbox's bounce rate counts them). */
    bouncedAt: timestamp('bounced_at', { withTimezone: true }),
    /** When the recipient marked this email as spam (a feedback-loop report). */
    complainedAt: timestamp('complained_at', { withTimezone: true }),
    /** The mailbox an email leaves from (the enrolling rep's); null: the local outbox or a non-email channel. */
    mailboxId: uuid('mailbox_id').references((): AnyPgColumn => mailboxes.id, { onDelete: 'set null' }),
    /** RFC 5322 Message-ID with angle brackets, deterministic per (enrollment, step visit). */
    messageId: text('message_id'),
    /** Message-ID of the cadence's previous email: follow-ups thread under it. */
    inReplyTo: text('in_reply_to'),
    /** Provider thread (Gmail threadId) so follow-ups thread and replies are found. */
    threadId: text('thread_id'),
    providerMessageId: text('provider_message_id'),
    /** Send attempts so far (SMTP 4xx and connection failures are retried with backoff). */
    attempts: integer('attempts').notNull().default(0),
    /** When a sender claimed it: a claim older than a few minutes means the sender died. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** The A/B variant of its step this email rendered (its key); null: the step has none. */
    variant: text('variant'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('touches_enrollment_step').on(t.enrollmentId, t.stepKey),
    // Pacing reads one mailbox's sends around a time; the stale-claim sweep reads `sending` rows.
    index('touches_mailbox_time').on(t.mailboxId, t.scheduledAt),
    index('touches_sending').on(t.claimedAt).where(sql`status = 'sending'`),
    index('touches_message_id').on(t.messageId),
    index('touches_workspace_prospect').on(t.workspaceId, t.prospectId),
    // The outbox dispatcher's scan: only what is waiting to leave.
    index('touches_due').on(t.scheduledAt).where(sql`status = 'scheduled'`),
    // Sequence analytics find the enrollments touched in a period by their emails' send times.
    index('touches_workspace_sent').on(t.workspaceId, t.sentAt).where(sql`status = 'sent'`),
  ],
);

/** Escalation decisions (allowed or refused), counted against the quotas. */
export const escalations = pgTable(
  'escalations',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    prospectId: uuid('prospect_id')
      .notNull()
      .references(() => prospects.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    repId: uuid('rep_id')
      .notNull()
      .references(() => users.id),
    managerId: uuid('manager_id').references(() => users.id),
    blockerKind: text('blocker_kind').notNull(),
    decision: text('decision', { enum: ['allowed', 'refused'] }).notNull(),
    reason: text('reason').notNull(),
    briefing: jsonb('briefing'),
    stepKey: text('step_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('escalations_enrollment_step').on(t.enrollmentId, t.stepKey),
    index('escalations_rep').on(t.workspaceId, t.repId, t.createdAt),
    index('escalations_account').on(t.workspaceId, t.accountId, t.createdAt),
  ],
);

// ---- Public API: keys, idempotency, suppression list, webhooks both ways ----

/**
 * API keys: `rk_<prefix>_<secret>`. Only the prefix (to find the row and show which key it is)
 * and a SHA-256 of the whole key are stored; the key itself is shown once, at creation.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    /** admin: everything; ops: sequences, timing, capacity, quotas; rep: own tasks and enrollments; integration: imports, webhooks. */
    role: text('role', { enum: ['admin', 'ops', 'rep', 'integration'] }).notNull(),
    /** The rep a rep key acts as. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_keys_prefix').on(t.prefix), index('api_keys_workspace').on(t.workspaceId, t.createdAt)],
);

/**
 * A POST with an Idempotency-Key answers the same response when the same API key repeats it
 * with the same body. A record belongs to the key that made it: another key, even an admin's,
 * never sees its answer (some carry a secret shown once).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** Method, path and a hash of the body: the same key with another request is refused. */
    fingerprint: text('fingerprint').notNull(),
    /** Null while the first request is still running. */
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    responseType: text('response_type'),
    /**
     * While the first request runs it keeps this in the future; a request that died (the
     * process was killed) stops renewing it, and a retry past it runs the request again.
     */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('idempotency_keys_api_key_key').on(t.apiKeyId, t.key), index('idempotency_keys_created').on(t.createdAt)],
);

/** Addresses and domains no cadence may touch, whatever enrolled them. */
export const suppressions = pgTable(
  'suppressions',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    /** A lower-cased email address, or a domain (no @). */
    value: text('value').notNull(),
    kind: text('kind', { enum: ['email', 'domain'] }).notNull(),
    reason: text('reason').notNull().default('manual'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('suppressions_workspace_value').on(t.workspaceId, t.value)],
);

/** Outbound webhook subscriptions, signed per the Standard Webhooks specification. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    url: text('url').notNull(),
    description: text('description'),
    /** Event types delivered; empty means all. */
    eventTypes: jsonb('event_types').notNull().default(sql`'[]'::jsonb`),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    disabledReason: text('disabled_reason'),
    /** [{ id, secret (encrypted whsec_...), createdAt, expiresAt? }]: several during a rotation. */
    secrets: jsonb('secrets').notNull(),
    /** Start of the current failure streak; null while deliveries succeed. */
    failingSince: timestamp('failing_since', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_subscriptions_workspace').on(t.workspaceId, t.createdAt)],
);

/** One message per (subscription, event): its id is the webhook-id header, stable across retries. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceRef(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** pending -> delivered, or failed (a 4xx other than 408/429, or retries exhausted). */
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    firstAttemptAt: timestamp('first_attempt_at', { withTimezone: true }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_subscription_event').on(t.subscriptionId, t.eventId),
    index('webhook_deliveries_pending').on(t.subscriptionId, t.eventId).where(sql`status = 'pending'`),
  ],
);

/** The delivery log: every HTTP attempt, its status and timing. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceRef(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_attempts_subscription').on(t.subscriptionId, t.id)],
);

/** Inbound webhook sources of a workspace, each with its own signing secret (encrypted). */
export const inboundSources = pgTable(
  'inbound_sources',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    source: text('source', { enum: ['email', 'telephony', 'linkedin', 'crm', 'lead'] }).notNull(),
    secret: text('secret').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('inbound_sources_workspace_source').on(t.workspaceId, t.source)],
);

/** Message ids already accepted per source: a replayed delivery is acknowledged, not applied twice. */
export const inboundReceipts = pgTable(
  'inbound_receipts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceRef(),
    source: text('source').notNull(),
    messageId: text('message_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inbound_receipts_message').on(t.workspaceId, t.source, t.messageId)],
);

/**
 * A rep's sending mailbox (a rep may own several; one is the default). Credentials (SMTP
 * password, Gmail OAuth refresh token) are sealed with security/secrets.ts, never stored plain.
 */
export const mailboxes = pgTable(
  'mailboxes',
  {
    ...userOwnedRow(),
    /** Lower-cased sending address. */
    address: text('address').notNull(),
    displayName: text('display_name'),
    provider: text('provider', { enum: ['smtp', 'gmail', 'microsoft'] }).notNull(),
    /**
     * connected; disconnected (credentials missing, refused or revoked: its emails are held);
     * paused by itself (too many hard bounces: its emails are held until a person resumes it); disabled by ops.
     */
    status: text('status', { enum: ['connected', 'disconnected', 'paused', 'disabled'] }).notNull().default('connected'),
    statusDetail: text('status_detail'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    isDefault: boolean('is_default').notNull().default(false),
    /** SMTP: { host, port, secure, username }. Gmail, Microsoft 365: {}. */
    settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
    /** Sealed SMTP password or Gmail / Microsoft 365 refresh token (Microsoft's rotated one stored as it comes); null means no credentials yet. */
    sealedSecret: text('sealed_secret'),
    dailyCap: integer('daily_cap').notNull().default(400),
    hourlyCap: integer('hourly_cap').notNull().default(100),
    /** Stagger: the least time between two sends from this mailbox. */
    minGapSeconds: integer('min_gap_seconds').notNull().default(20),
    /** Optional cap per recipient domain per day (null: none). */
    domainDailyCap: integer('domain_daily_cap'),
    /** Gmail: the history id reply polling has read up to. */
    gmailHistoryId: text('gmail_history_id'),
    /** Microsoft 365: the Graph delta link reply polling resumes from, per watched folder ({ inbox, junkemail }). */
    graphDeltaLinks: jsonb('graph_delta_links').$type<Record<string, string>>(),
    /** Gmail, Microsoft 365: no worker polls the mailbox for replies again before this instant (one poll per round across the fleet). */
    replyPollNotBefore: timestamp('reply_poll_not_before', { withTimezone: true }),
    /** Also hold the rep's announced calls on the calendar of this (Gmail or Microsoft 365) mailbox. */
    calendarHolds: boolean('calendar_holds').notNull().default(true),
    /** SMTP mailboxes: where replies are read ({ host, port, secure, username, folders }); null: not read. */
    imapSettings: jsonb('imap_settings'),
    /** Sealed IMAP password; null: the SMTP password serves for IMAP too. */
    imapSealedSecret: text('imap_sealed_secret'),
    /** Why the IMAP watcher cannot read the mailbox now (refused login, unreachable); null: it reads. */
    imapStatusDetail: text('imap_status_detail'),
    /** When the IMAP watcher last read every watched folder to the end. */
    imapCheckedAt: timestamp('imap_checked_at', { withTimezone: true }),
    /** Warm-up ramp: the daily cap on its first day (null: no warm-up, the daily cap from the start). */
    warmupStartCap: integer('warmup_start_cap'),
    /** Warm-up ramp: what each further day adds to the cap, up to the daily cap. */
    warmupStep: integer('warmup_step'),
    /** Warm-up ramp: its first day starts at this instant (day n is the n-th 24 hours after it). */
    warmupStartedAt: timestamp('warmup_started_at', { withTimezone: true }),
    /** SMTP mailboxes: the DKIM selector emails are signed with (null: not signed by Relance). */
    dkimSelector: text('dkim_selector'),
    /** The sealed DKIM private key (PEM); never returned. */
    dkimSealedKey: text('dkim_sealed_key'),
    /** The public key to publish (base64 SubjectPublicKeyInfo), so the DNS record is shown without opening the seal. */
    dkimPublicKey: text('dkim_public_key'),
    /** The last check of the sending domain's SPF, DKIM and DMARC records (channels/email/sender-dns.ts), with its time. */
    dnsCheck: jsonb('dns_check'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('mailboxes_workspace_address').on(t.workspaceId, t.address),
    uniqueIndex('mailboxes_user_default').on(t.userId).where(sql`is_default`),
    index('mailboxes_workspace_user').on(t.workspaceId, t.userId),
  ],
);

/**
 * How far the IMAP watcher has read each watched folder of a mailbox: the folder's UIDVALIDITY and
 * the last UID seen. A restart resumes after that UID; a new UIDVALIDITY (the folder rebuilt)
 * reads the folder again from recent mail, and the receipts keep anything from applying twice.
 */
export const mailboxImapFolders = pgTable(
  'mailbox_imap_folders',
  {
    workspaceId: workspaceRef(),
    mailboxId: uuid('mailbox_id')
      .notNull()
      .references(() => mailboxes.id, { onDelete: 'cascade' }),
    folder: text('folder').notNull(),
    uidValidity: bigint('uid_validity', { mode: 'number' }).notNull(),
    lastUid: bigint('last_uid', { mode: 'number' }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.mailboxId, t.folder] })],
);

/**
 * Which worker process watches a mailbox over IMAP, until when: renewed while it watches, taken
 * over by another worker once expired, so the mailboxes of a fleet are shared and never watched twice.
 */
export const mailboxWatchLeases = pgTable(
  'mailbox_watch_leases',
  {
    mailboxId: extensionOf('mailbox_id', () => mailboxes.id),
    workspaceId: workspaceRef(),
    holder: text('holder').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mailbox_watch_leases_holder').on(t.holder)],
);

/**
 * A hold on the rep's Google or Outlook calendar for an announced call: the desired state written by the
 * engine (present at a time, or absent), reconciled with Google by the calendar sync. The event
 * id is deterministic, so an insert retried after a crash finds its own event.
 */
export const calendarHolds = pgTable(
  'calendar_holds',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    /** The announced call's step visit (the call slot's key). */
    stepKey: text('step_key').notNull(),
    mailboxId: uuid('mailbox_id')
      .notNull()
      .references(() => mailboxes.id, { onDelete: 'cascade' }),
    /** Google event id: base32hex, derived from (enrollment, step); Outlook's create transactionId too. */
    googleEventId: text('google_event_id').notNull(),
    /** Outlook: the event id Graph gave (it takes none from us); null until created. */
    remoteEventId: text('remote_event_id'),
    desired: text('desired', { enum: ['present', 'absent'] }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    summary: text('summary').notNull(),
    description: text('description').notNull(),
    /** Bumped at each change of the desired state; synced_version is what Google has. */
    version: integer('version').notNull().default(1),
    syncedVersion: integer('synced_version').notNull().default(0),
    /** Whether the event currently exists on Google's side. */
    existsRemotely: boolean('exists_remotely').notNull().default(false),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('calendar_holds_enrollment_step').on(t.enrollmentId, t.stepKey),
    index('calendar_holds_pending').on(t.nextAttemptAt).where(sql`version > synced_version`),
  ],
);

/**
 * An external service a workspace hands one channel's touches to (LinkedIn automation,
 * telephony, voicemail drops): requests are signed, results come back through the signed
 * inbound webhook. Without one, the channel's touches are rep tasks.
 */
export const actionProviders = pgTable(
  'action_providers',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    channel: text('channel', { enum: ['linkedin', 'call', 'voicemail'] }).notNull(),
    kind: text('kind', { enum: ['http'] }).notNull().default('http'),
    url: text('url').notNull(),
    /** Sealed whsec_ signing secret (Standard Webhooks). */
    secret: text('secret').notNull(),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('action_providers_workspace_channel').on(t.workspaceId, t.channel)],
);

/**
 * A booked meeting handed from the SDR who set it to the field rep who holds it (PLAYBOOK §5):
 * one per call task that booked it. Its follow-up (asking the outcome, the reminder, the manager
 * told) is the workflow `handoff-<id>`, which writes every change of this row.
 */
export const handoffs = pgTable(
  'handoffs',
  {
    id: primaryId(),
    workspaceId: workspaceRef(),
    prospectId: uuid('prospect_id')
      .notNull()
      .references(() => prospects.id, { onDelete: 'cascade' }),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'set null' }),
    /** The call task whose outcome booked the meeting: one handoff per booking. */
    sourceTaskId: uuid('source_task_id').references(() => tasks.id, { onDelete: 'set null' }),
    /** Who set the meeting (the SDR, or a manager on an escalation call). */
    setterId: uuid('setter_id')
      .notNull()
      .references(() => users.id),
    /** Who holds it; null until someone assigns a field rep. */
    fieldRepId: uuid('field_rep_id').references(() => users.id),
    meetingAt: timestamp('meeting_at', { withTimezone: true }),
    location: text('location'),
    notes: text('notes'),
    recordingUrl: text('recording_url'),
    context: text('context'),
    pretext: text('pretext'),
    /**
     * to_schedule (no time or field rep yet), scheduled, awaiting_outcome (the meeting is past,
     * the field rep was asked), then the outcome: held, no_show, cancelled_by_prospect,
     * cancelled_by_us, disqualified. A reschedule goes back to scheduled, on the same row.
     */
    status: text('status', {
      enum: ['to_schedule', 'scheduled', 'awaiting_outcome', 'held', 'no_show', 'cancelled_by_prospect', 'cancelled_by_us', 'disqualified'],
    })
      .notNull()
      .default('to_schedule'),
    reschedules: integer('reschedules').notNull().default(0),
    outcomeNote: text('outcome_note'),
    outcomeById: uuid('outcome_by_id').references(() => users.id),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    outcomeRequestedAt: timestamp('outcome_requested_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    managerAlertedAt: timestamp('manager_alerted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('handoffs_source_task').on(t.sourceTaskId),
    index('handoffs_workspace_created').on(t.workspaceId, t.createdAt, t.id),
    index('handoffs_workspace_field_rep_meeting').on(t.workspaceId, t.fieldRepId, t.meetingAt),
    index('handoffs_workspace_setter').on(t.workspaceId, t.setterId, t.createdAt),
  ],
);

/**
 * Each objection heard on a call (PLAYBOOK §2), written with its `objection.heard` timeline event
 * and read by the objections report: where it was heard (rep, sequence, step) and its tag, kept
 * with it so a period of a large timeline is one index range, no join.
 */
export const objections = pgTable(
  'objections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceRef(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    /** Its place among the call's objections: (task, position) is the objection. */
    position: smallint('position').notNull(),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'cascade' }),
    prospectId: uuid('prospect_id').references(() => prospects.id, { onDelete: 'cascade' }),
    repId: uuid('rep_id')
      .notNull()
      .references(() => users.id),
    sequenceId: uuid('sequence_id').references(() => sequences.id, { onDelete: 'set null' }),
    stepId: text('step_id').notNull(),
    /** domain/reports/objection-tag.ts */
    tag: text('tag').notNull(),
    text: text('text').notNull(),
    heardAt: timestamp('heard_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('objections_task_position').on(t.taskId, t.position), index('objections_workspace_heard').on(t.workspaceId, t.heardAt)],
);

/**
 * The objections counted per UTC day and cell (tag, sequence, step, rep), with the cell's last
 * instant: a period's whole days are read from here, its partial days at either end from
 * `objections`. Kept by statement triggers on objections (migration report_facts).
 */
export const objectionDays = pgTable(
  'objection_days',
  {
    workspaceId: uuid('workspace_id').notNull(),
    day: date('day').notNull(),
    tag: text('tag').notNull(),
    sequenceId: uuid('sequence_id'),
    stepId: text('step_id').notNull(),
    repId: uuid('rep_id').notNull(),
    n: integer('n').notNull(),
    lastHeardAt: timestamp('last_heard_at', { withTimezone: true }),
  },
  // An objection whose sequence is gone (set null) still has its cell: nulls are one value here.
  (t) => [unique('objection_days_cell').on(t.workspaceId, t.day, t.tag, t.sequenceId, t.stepId, t.repId).nullsNotDistinct()],
);

/**
 * The manager's view pre-counted (issue 19's 200 ms over 200,000 tasks): per workspace, rep and
 * UTC day, the tasks due that day in each state and the calls completed that day. Kept by
 * statement triggers on tasks (migration report_rollups) in the transaction that writes the task,
 * so it never disagrees with the tasks; api/services/reports/activity.ts adds the raw rows of the
 * partial days at a period's edges. No foreign keys: a cascade delete of a workspace's tasks
 * subtracts from rows that must still be there.
 */
export const repActivityDays = pgTable(
  'rep_activity_days',
  {
    workspaceId: uuid('workspace_id').notNull(),
    repId: uuid('rep_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    tasksDue: integer('tasks_due').notNull().default(0),
    doneOnTime: integer('done_on_time').notNull().default(0),
    doneLate: integer('done_late').notNull().default(0),
    openTasks: integer('open_tasks').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    missed: integer('missed').notNull().default(0),
    announcedKept: integer('announced_kept').notNull().default(0),
    announcedBroken: integer('announced_broken').notNull().default(0),
    callsMade: integer('calls_made').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.repId, t.day] })],
);

/**
 * Each enrollment's first touch: the earliest of its emails sent and its tasks done, the instant
 * that puts it in a period's cohort (sequence analytics); null until then. Kept with the
 * enrollment's facts (below) by statement triggers on tasks, touches and events (migrations
 * report_rollups, report_facts) in the transaction that writes them. Its row is also the lock that
 * serialises two writers refreshing the same enrollment's facts, in a table of its own so the
 * triggers never lock the enrollment row the cadence updates.
 */
export const enrollmentFirstTouches = pgTable(
  'enrollment_first_touches',
  {
    enrollmentId: extensionOf('enrollment_id', () => enrollments.id),
    workspaceId: uuid('workspace_id').notNull(),
    sequenceId: uuid('sequence_id').notNull(),
    at: timestamp('at', { withTimezone: true }),
  },
  (t) => [index('enrollment_first_touches_cohort').on(t.workspaceId, t.sequenceId, t.at)],
);

/**
 * Sequence analytics' facts, rolled up per enrollment: one row per figure and step an enrollment
 * reached (its step reached, a reply, a meeting, an opt-out...: api/services/reports/sequence-facts.ts),
 * with the variant its email of the step rendered and the instant of its first touch (`cohortAt`),
 * so a period's cohort is one index range. An enrollment's facts depend on its rows only, never on
 * the period asked, so they are recomputed whole (SQL function enrollment_facts_of) by statement
 * triggers on tasks, touches and events, for the enrollments a statement changed.
 * tests/reports/rollup-consistency.test.ts compares them with a recount.
 */
export const enrollmentFacts = pgTable(
  'enrollment_facts',
  {
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull(),
    sequenceId: uuid('sequence_id').notNull(),
    version: integer('version').notNull(),
    figure: text('figure').notNull(),
    stepId: text('step_id').notNull(),
    variant: text('variant'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    cohortAt: timestamp('cohort_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.enrollmentId, t.figure, t.stepId] }),
    // A period's cohort of a sequence, its figures read from the index alone.
    index('enrollment_facts_cohort').on(t.workspaceId, t.sequenceId, t.cohortAt, t.figure, t.version, t.stepId, t.enrollmentId),
  ],
);

/**
 * The facts counted per UTC day of their enrollments' first touch (the cohort's day), so a period's
 * whole days are read from here and only its partial days at either end from `enrollment_facts`.
 * `stepId` '*' counts each enrollment once per figure, whatever its step (a version's cohort, a
 * sequence's totals). Kept by the same refresh as the facts, which adds only what changed.
 */
export const sequenceFactDays = pgTable(
  'sequence_fact_days',
  {
    workspaceId: uuid('workspace_id').notNull(),
    sequenceId: uuid('sequence_id').notNull(),
    day: date('day').notNull(),
    version: integer('version').notNull(),
    stepId: text('step_id').notNull(),
    figure: text('figure').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.sequenceId, t.day, t.version, t.stepId, t.figure] })],
);
