// Types for the two mailauth modules the sending-domain check uses that ship without them
// (mailauth 7.1: lib/dmarc/get-dmarc-record.js, lib/tools.js); only what is called here.
declare module 'mailauth/lib/dmarc/get-dmarc-record.js' {
  type Resolve = (name: string, type: string) => Promise<string[][] | string[]>;
  type DmarcRecord = { rr: string; p?: string; sp?: string; rua?: string; isOrgRecord: boolean; recordDomain: string | null; orgDomain: string | null } & Record<string, unknown>;
  function getDmarcRecord(domain: string, resolver?: Resolve): Promise<DmarcRecord | false>;
  namespace getDmarcRecord {
    function getPolicyTags(record: Record<string, unknown>): { p: string } | null;
  }
  export = getDmarcRecord;
}

declare module 'mailauth/lib/tools.js' {
  type Resolve = (name: string, type: string) => Promise<string[][] | string[]>;
  export function getPublicKey(type: 'DKIM', name: string, minBitLength: number, resolver?: Resolve): Promise<{ publicKey: string; rr: string; modulusLength?: number; keyType: string; testing: boolean }>;
}
