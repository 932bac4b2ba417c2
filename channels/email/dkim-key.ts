// A mailbox's DKIM key: the private key a rep hands over (or one generated here) is checked,
// sealed by the caller, and turned into the TXT record the domain must publish. Signing happens
// in the SMTP sender, on the finished MIME bytes (mailauth's signer).
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { dkimSign } from 'mailauth/lib/dkim/sign.js';

export type DkimKey = { privateKeyPem: string; dnsValue: string };

/** The key to sign with and its DNS record, or why it cannot serve (RSA of 1024 to 4096 bits, or Ed25519). */
export function dkimKeyFrom(pem: string | undefined): DkimKey | { error: string } {
  let key: KeyObject;
  try {
    key = pem ? createPrivateKey(pem) : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  } catch {
    return { error: 'not a PEM private key' };
  }
  const type = key.asymmetricKeyType;
  if (type === 'rsa') {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < 1024 || bits > 4096) return { error: `an RSA key of ${bits} bits (receivers accept 1024 to 4096; 2048 is usual)` };
  } else if (type !== 'ed25519') return { error: `a ${type ?? 'unknown'} key: DKIM signs with RSA or Ed25519` };
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  // RFC 8463: an Ed25519 record carries the bare 32-byte key, an RSA one the SubjectPublicKeyInfo.
  const p = type === 'ed25519' ? spki.subarray(spki.length - 32).toString('base64') : spki.toString('base64');
  return { privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(), dnsValue: `v=DKIM1; k=${type}; p=${p}` };
}

/** The TXT record of a selector: its name and value. */
export function dkimDnsRecord(selector: string, domain: string, dnsValue: string) {
  return { name: `${selector}._domainkey.${domain}`, type: 'TXT' as const, value: dnsValue };
}

/** The p= value of a key record, whitespace removed ('' when absent or revoked). */
export function dkimPublicValue(record: string): string {
  return /(?:^|;)\s*p=([^;]*)/.exec(record)?.[1]?.replace(/\s+/g, '') ?? '';
}

export type DkimSigner = { domain: string; selector: string; privateKeyPem: string };

/** The message with its DKIM-Signature header in front (relaxed/relaxed, the usual headers). */
export async function signDkim(raw: Buffer, s: DkimSigner): Promise<Buffer> {
  const signature = { signingDomain: s.domain, selector: s.selector, privateKey: s.privateKeyPem };
  const result = await dkimSign(raw, { ...signature, canonicalization: 'relaxed/relaxed', signatureData: [signature] });
  if (!result.signatures) throw new Error(`DKIM signing failed: ${result.errors.map((e) => e.err.message).join('; ') || 'no signature'}`);
  return Buffer.concat([Buffer.from(result.signatures), raw]);
}
