// What the channels are configured with; runtime/config.ts reads it from the environment once.
export type GoogleConfig = {
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** googleapis rootUrl (https://www.googleapis.com/ by default). */
  rootUrl: string | undefined;
  tokenUrl: string | undefined;
};

export type MailConfig = {
  /** Folder of the local outbox (.eml per message); null: reps without a mailbox have their emails held. */
  localOutboxDir: string | null;
  /** Base of the links in emails (one-click unsubscribe). */
  publicUrl: string;
  google: GoogleConfig;
};
