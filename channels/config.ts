// What the channels are configured with; runtime/config.ts reads it from the environment once.
export type GoogleConfig = {
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** googleapis rootUrl (https://www.googleapis.com/ by default). */
  rootUrl: string | undefined;
  tokenUrl: string | undefined;
};

/** The Microsoft Entra app registration Microsoft 365 mailboxes' refresh tokens were issued to, and where Graph is. */
export type MicrosoftConfig = {
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** Directory (tenant) id, or `organizations` for an app serving every work account. */
  tenant: string;
  /** https://login.microsoftonline.com by default; a plain-http host is a local test server. */
  authorityHost: string;
  /** https://graph.microsoft.com by default. */
  graphUrl: string;
};

export const MICROSOFT_DEFAULTS = { tenant: 'organizations', authorityHost: 'https://login.microsoftonline.com', graphUrl: 'https://graph.microsoft.com' } as const;

/** A deployment without a Microsoft app registration: Microsoft 365 mailboxes stay disconnected, saying so. */
export const UNCONFIGURED_MICROSOFT: MicrosoftConfig = { clientId: undefined, clientSecret: undefined, ...MICROSOFT_DEFAULTS };

export type MailConfig = {
  /** Folder of the local outbox (.eml per message); null: reps without a mailbox have their emails held. */
  localOutboxDir: string | null;
  /** Base of the links in emails (one-click unsubscribe). */
  publicUrl: string;
  google: GoogleConfig;
  microsoft: MicrosoftConfig;
};
