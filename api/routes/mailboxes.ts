// The reps' sending mailboxes (SMTP, Gmail or Microsoft 365): a sequence's emails leave from the
// enrolling rep's mailbox. Credentials (SMTP or IMAP password or OAuth2 grant, Gmail or Microsoft refresh token) are
// sealed at rest and never returned. The OAuth consent itself is out of scope: an integration
// obtains the refresh token (for the client of GOOGLE_CLIENT_ID or MICROSOFT_CLIENT_ID) and hands it over here. Admins, ops and
// integrations manage every mailbox; a rep key only its own user's.
import { recordSendingDomainCheck } from '../../application/sending-domain.js';
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { mailboxes } from '../../db/schema.js';
import type { Database } from '../../db/client.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv, type Principal } from '../middleware/auth.js';
import { PageQuery } from '../pagination.js';
import { ProblemError, problemResponse } from '../problem.js';
import { z } from '../scope.js';
import type { SmtpSettings } from '../../channels/email/smtp.js';
import { createMailbox, deleteMailbox, findMailbox, invalid, lockUser, mailboxFigures, mailboxFiguresOf, mailboxJson, makeDefault, markConnected, vetMailboxHost, vetTokenUrl, type Mailbox } from '../services/mailboxes.js';
import { MailboxCreate, MailboxJson, MailboxPatch, MailboxWithFigures, Credentials, DkimSettings, STATUSES, type ImapBody, type SmtpBody } from './mailbox-schemas.js';
import { sealOAuth2Secret } from '../../channels/email/oauth2-grant.js';
import { pageInCreationOrder } from '../services/creation-page.js';
import { dkimKeyFrom } from '../../channels/email/dkim-key.js';
import { checkSendingDomain, dnsResolverFor, senderOf } from '../../channels/email/sender-dns.js';
import { resourceRoutes } from '../resource-routes.js';

const missing = 'No such mailbox in this workspace (or another rep than the key)';
const access = ['ops', 'rep', 'integration'] as const;
const resource = resourceRoutes({ base: '/v1/mailboxes', id: 'id', noun: 'mailbox', plural: 'mailboxes', tags: ['mailboxes'], missing });

const routes = {
  create: resource.create({
    summary: "Add a rep's sending mailbox (SMTP settings and password, optionally IMAP to read its replies, or a Gmail or Microsoft 365 OAuth refresh token)",
    description:
      'Without credentials the mailbox is `disconnected` (its emails wait) until PUT .../credentials. The first mailbox of a user is its default. ' +
      'SMTP and IMAP log in with a password or with OAuth2 (XOAUTH2: `oauth2` with the token endpoint, client id and secret and a refresh token; sealed, never returned; a grant the provider refuses disconnects the mailbox with the reason). ' +
      'An SMTP mailbox with `imap` settings has its replies, out-of-office answers and bounces read by a worker over IMAP (IDLE on INBOX, every folder read again every 30 s): a reply stops the cadence within a minute. ' +
      'The OAuth consent flow is not part of Relance: an integration obtains the refresh token and hands it over here. ' +
      'Gmail: for the OAuth client of GOOGLE_CLIENT_ID, scopes gmail.send, gmail.readonly, calendar.events. ' +
      'Microsoft 365: for the Entra app of MICROSOFT_CLIENT_ID, permissions Mail.ReadWrite, Mail.Send, Calendars.ReadWrite, offline_access; ' +
      'emails leave through Microsoft Graph, replies are read from the inbox and junk folders (delta queries, every 30 s), and the refresh token Microsoft rotates at each use is sealed and stored in place of the old one.',
    access,
    body: MailboxCreate,
    returns: MailboxJson,
    responses: { 403: problemResponse('A rep key adding a mailbox for another user'), 409: problemResponse('Address already used'), 422: problemResponse('Invalid body, unknown user, an SMTP or IMAP host or OAuth2 token endpoint mailboxes may not use, or both a password and an OAuth2 grant') },
  }),
  list: resource.list({ summary: 'Mailboxes, oldest first, by user and status, each with its live send figures', access, item: MailboxWithFigures, query: PageQuery.extend({ userId: z.uuid().optional(), status: z.enum(STATUSES).optional() }) }),
  get: resource.get({ summary: 'One mailbox, with what it sent in the last hour and 24 hours and what waits on it', access, returns: MailboxWithFigures }),
  update: resource.update({
    summary: 'Rename, make default, change caps (ops), disable, re-enable or resume after a bounce pause (ops)',
    access,
    body: MailboxPatch,
    returns: MailboxJson,
    responses: { 403: problemResponse('Caps and status are for ops'), 409: problemResponse('Re-enabling a mailbox without credentials') },
  }),
  credentials: resource.on({
    method: 'put',
    sub: 'credentials',
    summary: 'Reconnect: new SMTP password or OAuth2 grant (with settings) or Gmail or Microsoft 365 refresh token; held emails leave again. SMTP mailboxes: `imap` alone sets, changes or (null) removes how replies are read',
    access,
    body: Credentials,
    returns: MailboxJson,
    done: 'Connected',
    responses: { 422: problemResponse('Missing or wrong credential for this provider, or an IMAP host or OAuth2 token endpoint mailboxes may not use') },
  }),
  dkim: resource.on({
    method: 'put',
    sub: 'dkim',
    summary: "SMTP mailboxes: sign emails with DKIM under this selector, with the given private key or one generated now; answers the TXT record to publish",
    description: 'The private key is sealed like the password and never returned. Publish `dkim.dnsRecord` in the sending domain, then POST .../dns-check to see receivers can find it.',
    access,
    body: DkimSettings,
    returns: MailboxJson,
    done: 'Signing from the next email on',
    responses: { 422: problemResponse('A Gmail mailbox (Google signs), a selector that is not DNS labels, or a key that is not an RSA (1024 to 4096 bits) or Ed25519 PEM private key') },
  }),
  dkimRemove: resource.on({
    method: 'delete',
    sub: 'dkim',
    summary: 'Stop DKIM-signing this mailbox\'s emails; the sealed key is deleted',
    access,
    returns: MailboxJson,
    done: 'No longer signed',
  }),
  dnsCheck: resource.on({
    method: 'post',
    sub: 'dns-check',
    summary: "Check the sending domain's SPF, DKIM and DMARC records now; the result is kept on the mailbox (`dns`)",
    description:
      'SPF: whether the record lets the SMTP host (its addresses) send for the domain (Gmail: whether it includes Google). DKIM: the selector Relance signs with (Gmail: `google`) and, when Relance signs, whether the published key is its own. DMARC: the policy that applies, from the domain or its organizational domain. ' +
      'Each record is `found`, `missing`, `invalid` or `unknown` (the lookup failed) with what is wrong in words.',
    access,
    returns: MailboxWithFigures,
    done: 'The mailbox with its fresh check',
  }),
  remove: resource.remove({ summary: 'Delete a mailbox; refused while emails or calendar holds still wait on it', access, responses: { 409: problemResponse('Emails or calendar holds still wait on it') } }),
};

type ImapFields = Pick<Partial<Mailbox>, 'imapSettings' | 'imapSealedSecret' | 'imapStatusDetail' | 'imapCheckedAt'>;

const forbidden = (field: string, detail: string) => new ProblemError('forbidden', 403, detail, { errors: [{ field, message: detail }] });
const isOps = (p: Principal) => p.role === 'admin' || p.role === 'ops';

function checkCaps(daily: number, hourly: number, warmup?: { startCap: number } | null) {
  if (hourly > daily) throw invalid('body.hourlyCap', `cannot exceed the daily cap (${daily})`);
  if (warmup && warmup.startCap >= daily) throw invalid('body.warmup.startCap', `a ramp starts below the daily cap (${daily})`);
}

/** The warm-up columns for a ramp asked for: a new ramp starts now, a changed one keeps its start. */
function warmupFields(warmup: { startCap: number; step: number } | null | undefined, current: Date | null): Partial<Mailbox> {
  if (warmup === undefined) return {};
  if (warmup === null) return { warmupStartCap: null, warmupStep: null, warmupStartedAt: null };
  return { warmupStartCap: warmup.startCap, warmupStep: warmup.step, warmupStartedAt: current ?? new Date() };
}

export function mailboxRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;
  const { secrets: box, allowList } = deps;
  const tx = <T,>(fn: (t: Database) => Promise<T>) => db.transaction((t) => fn(t));
  /** A password or an OAuth2 grant (its endpoint vetted), sealed; the grant's settings kept beside the host's. */
  const login = async (password: string | undefined, oauth2: SmtpBody['oauth2'], field: string) => {
    if (password !== undefined && oauth2) throw invalid(`${field}.oauth2`, 'give either a password or an OAuth2 grant, not both');
    if (!oauth2) return { grant: {}, sealed: password ? box.seal(password) : null };
    const { clientSecret, refreshToken, ...grant } = oauth2;
    await vetTokenUrl(grant.tokenUrl, allowList, deps.lookup, `${field}.oauth2.tokenUrl`);
    return { grant: { oauth2: grant }, sealed: sealOAuth2Secret(box, { clientSecret, refreshToken }) };
  };
  /** SMTP settings as stored: host vetted, the login sealed (absent: none yet). */
  const smtpFields = async (smtp: SmtpBody, field: string) => {
    const { password, oauth2, ...s } = smtp;
    const settings: SmtpSettings = { ...s, host: s.host.toLowerCase() };
    await vetMailboxHost(settings, allowList, deps.lookup, `${field}.host`);
    const l = await login(password, oauth2, field);
    return { settings: { ...settings, ...l.grant }, sealedSecret: l.sealed };
  };
  /** IMAP settings as stored: host vetted, password or grant sealed apart (absent: the SMTP one serves). */
  const imapFields = async (imap: ImapBody): Promise<ImapFields> => {
    const { password, oauth2, ...settings } = imap;
    const s = { ...settings, host: settings.host.toLowerCase() };
    await vetMailboxHost(s, allowList, deps.lookup, 'body.imap.host');
    const l = await login(password, oauth2, 'body.imap');
    return { imapSettings: { ...s, ...l.grant }, imapSealedSecret: l.sealed, imapStatusDetail: null, imapCheckedAt: null };
  };

  app.openapi(routes.create, async (c) => {
    const p = principalOf(c);
    const body = c.req.valid('json');
    if (p.role === 'rep' && body.userId !== p.userId) throw forbidden('body.userId', 'a rep key adds mailboxes for its own user only');
    checkCaps(body.dailyCap ?? 400, body.hourlyCap ?? 100, body.warmup);
    let settings: SmtpSettings | Record<string, never> = {};
    let sealedSecret: string | null;
    let imap: ImapFields = {};
    if (body.provider === 'smtp') {
      ({ settings, sealedSecret } = await smtpFields(body.smtp, 'body.smtp'));
      if (body.imap) imap = await imapFields(body.imap);
    } else {
      const token = body.provider === 'gmail' ? body.gmail.refreshToken : body.microsoft.refreshToken;
      sealedSecret = token ? box.seal(token) : null;
    }
    const row = await createMailbox(
      db,
      {
        workspaceId: p.workspaceId,
        userId: body.userId,
        address: body.address.toLowerCase(),
        displayName: body.displayName ?? null,
        provider: body.provider,
        settings,
        sealedSecret,
        dailyCap: body.dailyCap,
        hourlyCap: body.hourlyCap,
        minGapSeconds: body.minGapSeconds,
        domainDailyCap: body.domainDailyCap ?? null,
        calendarHolds: body.calendarHolds,
        ...warmupFields(body.warmup, null),
        ...imap,
      },
      body.isDefault,
    );
    return c.json(mailboxJson(row), 201);
  });

  app.openapi(routes.list, async (c) => {
    const p = principalOf(c);
    const q = c.req.valid('query');
    const filters = [
      p.role === 'rep' ? eq(mailboxes.userId, p.userId ?? '00000000-0000-0000-0000-000000000000') : undefined,
      q.userId ? eq(mailboxes.userId, q.userId) : undefined,
      q.status ? eq(mailboxes.status, q.status) : undefined,
    ];
    const listed = await pageInCreationOrder(db, mailboxes, p.workspaceId, q, mailboxJson, ...filters);
    // One figures query for the page, not one request per mailbox.
    const figures = await mailboxFiguresOf(db, p.workspaceId, listed.data.map((m) => m.id));
    return c.json({ ...listed, data: listed.data.map((m) => ({ ...m, figures: figures.get(m.id)! })) }, 200);
  });

  app.openapi(routes.get, async (c) => {
    const m = await findMailbox(db, principalOf(c), c.req.valid('param').id);
    return c.json({ ...mailboxJson(m), figures: await mailboxFigures(db, m) }, 200);
  });

  app.openapi(routes.update, async (c) => {
    const p = principalOf(c);
    const m = await findMailbox(db, p, c.req.valid('param').id);
    const body = c.req.valid('json');
    const { isDefault, status, warmup, ...caps } = body;
    const fields = { ...caps, ...warmupFields(warmup, m.warmupStartedAt) };
    const opsOnly = (['status', 'dailyCap', 'hourlyCap', 'minGapSeconds', 'domainDailyCap', 'warmup'] as const).find((k) => body[k] !== undefined);
    if (opsOnly && !isOps(p)) throw forbidden(`body.${opsOnly}`, 'caps and status are changed by admin or ops keys');
    if (Object.keys(body).length === 0) return c.json(mailboxJson(m), 200);
    checkCaps(fields.dailyCap ?? m.dailyCap, fields.hourlyCap ?? m.hourlyCap, warmup);
    if (status === 'connected' && m.status !== 'connected' && !m.sealedSecret) throw new ProblemError('conflict', 409, 'the mailbox has no credentials: PUT /v1/mailboxes/{id}/credentials');
    const row = await tx(async (t) => {
      await lockUser(t, m.workspaceId, m.userId);
      if (isDefault) await makeDefault(t, m);
      if (status === 'connected' && m.status !== 'connected') return markConnected(t, m, fields, m.status === 'paused' ? 'resumed by ops' : 're-enabled by ops');
      const disabling = status === 'disabled' && m.status !== 'disabled' ? { status: 'disabled' as const, statusDetail: 'disabled by ops', statusChangedAt: new Date() } : {};
      const [updated] = await t
        .update(mailboxes)
        .set({ ...fields, ...disabling, updatedAt: new Date() })
        .where(and(eq(mailboxes.id, m.id), eq(mailboxes.workspaceId, m.workspaceId)))
        .returning();
      return updated!;
    });
    return c.json(mailboxJson(row), 200);
  });

  app.openapi(routes.credentials, async (c) => {
    const p = principalOf(c);
    const m = await findMailbox(db, p, c.req.valid('param').id);
    const body = c.req.valid('json');
    const set: Partial<Mailbox> = {};
    if (m.provider === 'smtp') {
      if (body.refreshToken !== undefined) throw invalid('body.refreshToken', 'an SMTP mailbox takes a password');
      if (body.imap !== undefined) Object.assign(set, body.imap === null ? { imapSettings: null, imapSealedSecret: null, imapStatusDetail: null, imapCheckedAt: null } : await imapFields(body.imap));
      if (body.smtp && !body.password && !body.smtp.oauth2) throw invalid('body.password', 'required with new SMTP settings (or smtp.oauth2)');
      if (!body.password && !body.smtp) {
        // IMAP alone: how replies are read changes; sending is left as it is.
        if (body.imap === undefined) throw invalid('body.password', 'required for an SMTP mailbox');
        const [row] = await db.update(mailboxes).set({ ...set, updatedAt: new Date() }).where(and(eq(mailboxes.id, m.id), eq(mailboxes.workspaceId, m.workspaceId))).returning();
        return c.json(mailboxJson(row!), 200);
      }
      if (body.smtp) {
        const f = await smtpFields({ ...body.smtp, password: body.password }, 'body.smtp');
        set.settings = f.settings;
        set.sealedSecret = f.sealedSecret;
      } else {
        // A password alone: the login is a password again, whatever it was.
        const { oauth2: _grant, ...settings } = m.settings as SmtpSettings;
        set.settings = settings;
        set.sealedSecret = box.seal(body.password!);
      }
    } else {
      const stray = (['password', 'smtp', 'imap'] as const).find((k) => body[k] !== undefined);
      const kind = m.provider === 'gmail' ? 'Gmail' : 'Microsoft 365';
      if (stray) throw invalid(`body.${stray}`, stray === 'imap' ? `a ${kind} mailbox's replies are read through its API` : `a ${kind} mailbox takes a refresh token`);
      if (!body.refreshToken) throw invalid('body.refreshToken', `required for a ${kind} mailbox`);
      set.sealedSecret = box.seal(body.refreshToken);
    }
    // Disabled by ops, or paused after hard bounces: the new credentials are kept, the mailbox stays off until ops re-enable or resume it.
    const row = await tx(async (t) =>
      m.status === 'disabled' || m.status === 'paused'
        ? (await t.update(mailboxes).set({ ...set, updatedAt: new Date() }).where(and(eq(mailboxes.id, m.id), eq(mailboxes.workspaceId, m.workspaceId))).returning())[0]!
        : markConnected(t, m, set, 'credentials replaced'),
    );
    return c.json(mailboxJson(row), 200);
  });

  const update = async (m: Mailbox, set: Partial<Mailbox>) =>
    (await db.update(mailboxes).set({ ...set, updatedAt: new Date() }).where(and(eq(mailboxes.id, m.id), eq(mailboxes.workspaceId, m.workspaceId))).returning())[0]!;

  app.openapi(routes.dkim, async (c) => {
    const m = await findMailbox(db, principalOf(c), c.req.valid('param').id);
    const body = c.req.valid('json');
    if (m.provider !== 'smtp') throw invalid('body.selector', 'Google signs the emails of a Gmail mailbox (selector google)');
    const key = dkimKeyFrom(body.privateKey);
    if ('error' in key) throw invalid('body.privateKey', key.error);
    const row = await update(m, { dkimSelector: body.selector.toLowerCase(), dkimSealedKey: box.seal(key.privateKeyPem), dkimPublicKey: key.dnsValue });
    return c.json(mailboxJson(row), 200);
  });

  app.openapi(routes.dkimRemove, async (c) => {
    const m = await findMailbox(db, principalOf(c), c.req.valid('param').id);
    return c.json(mailboxJson(await update(m, { dkimSelector: null, dkimSealedKey: null, dkimPublicKey: null })), 200);
  });

  const resolveDns = deps.dns ?? dnsResolverFor();
  app.openapi(routes.dnsCheck, async (c) => {
    const m = await findMailbox(db, principalOf(c), c.req.valid('param').id);
    const check = await checkSendingDomain(resolveDns, senderOf(m));
    // Only the check is written (a rename or new credentials meanwhile are kept); a record that
    // stopped passing is told to the rep, a task about records passing again is closed.
    await recordSendingDomainCheck(db, m, check);
    return c.json({ ...mailboxJson({ ...m, dnsCheck: check }), figures: await mailboxFigures(db, m) }, 200);
  });

  app.openapi(routes.remove, async (c) => {
    const m = await findMailbox(db, principalOf(c), c.req.valid('param').id);
    await deleteMailbox(db, m);
    return c.body(null, 204);
  });

  return app;
}
