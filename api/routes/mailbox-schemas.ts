// Request and response shapes of /v1/mailboxes. Caps have market-like defaults (400 a day, 100
// an hour, 20 s between two sends) and bounds that keep a mailbox out of spam folders.
import { ImapSettingsSchema } from '../../channels/email/imap-settings.js';
import { SmtpSettingsSchema } from '../../channels/email/smtp.js';
import { SendingDomainCheckSchema } from '../../channels/email/sender-dns.js';
import { OAuth2GrantSchema } from '../../channels/email/oauth2-grant.js';
import { z } from '../scope.js';

export const STATUSES = ['connected', 'disconnected', 'paused', 'disabled'] as const;

const Password = z.string().min(1).max(1000);
const RefreshToken = z.string().min(1).max(4096);
/** XOAUTH2 instead of a password: the grant's settings are kept (shown), its two secrets sealed. */
const OAuth2 = z
  .strictObject({
    ...OAuth2GrantSchema.shape,
    tokenUrl: z.url({ protocol: /^https?$/ }).max(2000).openapi({ description: "The provider's token endpoint (https; plain http only on a host WEBHOOK_ALLOWED_HOSTS allows), vetted like a webhook URL" }),
    clientSecret: z.string().min(1).max(1000).openapi({ description: 'Sealed, never returned' }),
    refreshToken: RefreshToken.openapi({ description: 'Sealed, never returned; refused by the provider (invalid_grant): the mailbox is disconnected with the reason' }),
  })
  .openapi('MailboxOAuth2Grant', {
    description:
      'Log in with XOAUTH2: an access token is obtained from `tokenUrl` with the refresh token (refresh_token grant, client secret posted), renewed a minute before it expires and once when the server refuses it. ' +
      'Give either this or a password.',
    example: { tokenUrl: 'https://oauth2.googleapis.com/token', clientId: '1234.apps.googleusercontent.com', clientSecret: 'client-secret', refreshToken: '1//refresh-token', scope: 'https://mail.google.com/' },
  });
/** The settings the SMTP sender reads (channels/email/smtp.ts), unknown fields refused. */
const Smtp = z.strictObject({ ...SmtpSettingsSchema.shape, oauth2: OAuth2.optional() });
/** Where replies are read (channels/email/imap-settings.ts), unknown fields refused; the password, or the SMTP one. */
const Imap = z
  .strictObject({
    ...ImapSettingsSchema.shape,
    password: Password.optional().openapi({ description: 'The IMAP password; absent (and no `oauth2`): the SMTP password or grant serves for IMAP too' }),
    oauth2: OAuth2.optional(),
  })
  .openapi('MailboxImapSettings', {
    description:
      'Replies, out-of-office answers and bounces are read over IMAP (IDLE on INBOX, every folder read again every 30 s) and stop or pause the cadence. ' +
      '`folders` absent: INBOX and the junk folder when the server has one.',
    example: { host: 'imap.acme.test', port: 993, secure: true, username: 'sam@acme.test', password: 'app-password' },
  });
export type SmtpBody = z.infer<typeof Smtp> & { password?: string | undefined };
export type ImapBody = z.infer<typeof Imap>;

const caps = {
  dailyCap: z.number().int().min(1).max(2000).optional().openapi({ description: 'Emails per 24 hours (default 400)' }),
  hourlyCap: z.number().int().min(1).max(500).optional().openapi({ description: 'Emails per hour (default 100)' }),
  minGapSeconds: z.number().int().min(0).max(3600).optional().openapi({ description: 'Least time between two sends (default 20)' }),
  domainDailyCap: z.number().int().min(1).max(2000).nullable().optional().openapi({ description: 'Emails per recipient domain per day (default none)' }),
  warmup: z
    .strictObject({
      startCap: z.number().int().min(1).max(2000).openapi({ description: 'The daily cap on the first day (below `dailyCap`)' }),
      step: z.number().int().min(1).max(2000).openapi({ description: 'What each further day adds, up to `dailyCap`' }),
    })
    .nullable()
    .optional()
    .openapi('MailboxWarmupSettings', {
      description:
        'Warm-up ramp for a new address: the daily cap starts at `startCap` and grows by `step` every 24 hours up to `dailyCap`; emails past the day\'s cap wait, scheduled, for the next day. ' +
        'Off unless asked (a rep\'s everyday mailbox already has a sending history); null: stop ramping. Setting it on a mailbox without one starts the ramp now.',
      example: { startCap: 20, step: 20 },
    }),
};
const common = {
  userId: z.uuid().openapi({ description: 'The rep who owns it; a rep key may only name itself' }),
  address: z.email().max(320),
  displayName: z.string().min(1).max(200).optional(),
  isDefault: z.boolean().optional().openapi({ description: "Send this user's sequences from it (the first mailbox is the default)" }),
  calendarHolds: z.boolean().optional().openapi({ description: 'Gmail, Microsoft 365: hold announced calls on the Google or Outlook calendar (default true)' }),
  ...caps,
};

export const MailboxCreate = z
  .discriminatedUnion('provider', [
    z.strictObject({ ...common, provider: z.literal('smtp'), smtp: Smtp.extend({ password: Password.optional() }), imap: Imap.optional() }),
    z.strictObject({
      ...common,
      provider: z.literal('gmail'),
      gmail: z
        .strictObject({ refreshToken: RefreshToken.optional().openapi({ description: 'OAuth2 refresh token with the gmail.send, gmail.readonly and calendar.events scopes' }) })
        .default({}),
    }),
    z.strictObject({
      ...common,
      provider: z.literal('microsoft'),
      microsoft: z
        .strictObject({
          refreshToken: RefreshToken.optional().openapi({ description: 'OAuth2 refresh token of the Microsoft Entra app of MICROSOFT_CLIENT_ID, with the Mail.ReadWrite, Mail.Send, Calendars.ReadWrite and offline_access permissions' }),
        })
        .default({}),
    }),
  ])
  .openapi('MailboxCreate');

export const MailboxPatch = z
  .strictObject({
    displayName: z.string().min(1).max(200).nullable().optional(),
    isDefault: z.literal(true).optional().openapi({ description: "Make it the user's default (make another one default to change it)" }),
    calendarHolds: z.boolean().optional(),
    status: z.enum(['connected', 'disabled']).optional().openapi({ description: 'Ops: disable (its emails wait), re-enable, or resume a mailbox paused by itself after too many hard bounces' }),
    ...caps,
  })
  .openapi('MailboxPatch');

export const Credentials = z
  .strictObject({
    password: Password.optional().openapi({ description: 'SMTP mailboxes (alone: back to a password login if it used OAuth2)' }),
    smtp: Smtp.optional().openapi({ description: 'SMTP mailboxes: new settings with the password, or with `oauth2`' }),
    refreshToken: RefreshToken.optional().openapi({ description: 'Gmail and Microsoft 365 mailboxes' }),
    imap: Imap.nullable().optional().openapi({ description: 'SMTP mailboxes: read replies over IMAP with these settings (alone, or with a new SMTP password); null: stop reading them' }),
  })
  .openapi('MailboxCredentials');

export const MailboxJson = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    address: z.string(),
    displayName: z.string().nullable(),
    provider: z.enum(['smtp', 'gmail', 'microsoft']),
    status: z.enum(STATUSES).openapi({ description: 'paused: by itself, after 3 hard bounces among its last 100 emails (its emails wait; ops resume it)' }),
    statusDetail: z.string().nullable(),
    statusChangedAt: z.string().nullable(),
    isDefault: z.boolean(),
    smtp: SmtpSettingsSchema.nullable(),
    imap: ImapSettingsSchema.extend({
      hasOwnPassword: z.boolean().openapi({ description: 'Its own password or OAuth2 grant; false: the SMTP one is used' }),
      status: z.enum(['pending', 'reading', 'failing']).openapi({ description: 'pending: not read yet; reading: read to the end at checkedAt; failing: see detail (retried with backoff)' }),
      detail: z.string().nullable(),
      checkedAt: z.string().nullable().openapi({ description: 'When every watched folder was last read to the end' }),
    })
      .nullable()
      .openapi({ description: 'SMTP mailboxes whose replies are read over IMAP; null: not read (post them to the email inbound webhook)' }),
    hasCredentials: z.boolean().openapi({ description: 'Credentials are never returned' }),
    dailyCap: z.number().int(),
    hourlyCap: z.number().int(),
    minGapSeconds: z.number().int(),
    domainDailyCap: z.number().int().nullable(),
    calendarHolds: z.boolean(),
    warmup: z
      .object({
        startCap: z.number().int(),
        step: z.number().int(),
        startedAt: z.string(),
        day: z.number().int().openapi({ description: 'The ramp day now, 1 on the first' }),
        fullCapFrom: z.string().openapi({ description: 'When the ramp reaches `dailyCap`' }),
      })
      .nullable()
      .openapi({ description: 'The warm-up ramp; null: none' }),
    effectiveDailyCap: z.number().int().openapi({ description: 'The daily cap in force now: the ramp\'s while warming up, else `dailyCap`' }),
    dkim: z
      .object({
        selector: z.string(),
        domain: z.string(),
        dnsRecord: z.object({ name: z.string(), type: z.literal('TXT'), value: z.string() }).openapi({ description: 'Publish this TXT record so receivers can check the signatures' }),
      })
      .nullable()
      .openapi({ description: 'SMTP mailboxes: emails are DKIM-signed with this selector (the private key is sealed, never returned); null: not signed by Relance' }),
    dns: z.object(SendingDomainCheckSchema.shape).openapi('SendingDomainCheck').nullable().openapi({ description: 'The last check of the sending domain\'s SPF, DKIM and DMARC records (POST .../dns-check); null: not checked yet' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Mailbox');

export const MailboxWithFigures = MailboxJson.extend({
  figures: z.object({
    sentLastHour: z.number().int(),
    sentToday: z.number().int().openapi({ description: 'Sent in the last 24 hours' }),
    scheduled: z.number().int(),
    held: z.number().int(),
    uncertain: z.number().int(),
  }),
}).openapi('MailboxWithFigures');

export const DkimSettings = z
  .strictObject({
    selector: z
      .string()
      .min(1)
      .max(63)
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/, 'DNS labels: letters, digits, hyphens, dots')
      .openapi({ description: 'The DKIM selector: the record lives at `<selector>._domainkey.<domain>`' }),
    privateKey: z.string().min(1).max(10_000).optional().openapi({ description: 'The private key (PEM, RSA of 1024 to 4096 bits or Ed25519), sealed at rest and never returned; absent: a 2048-bit RSA key is generated' }),
  })
  .openapi('MailboxDkimSettings', { example: { selector: 's1' } });
