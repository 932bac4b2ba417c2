// The Message-IDs of ours an inbound email may be about, most telling first: for a bounce or a
// complaint, the returned message's own Message-ID; then In-Reply-To, then References, newest first.

const ID = /<[^<>\s]+@[^<>\s]+>/g;

/** "<id@host>" with its angle brackets, whether or not the sender kept them. */
export function normalizeMessageId(id: string): string | null {
  const bare = id.trim().replace(/^<|>$/g, '');
  return /^[^<>\s]+@[^<>\s]+$/.test(bare) ? `<${bare}>` : null;
}

function returnedMessageIds(text: string | undefined): string[] {
  if (!text) return [];
  const unfolded = text.replace(/\r\n?/g, '\n').replace(/\n[ \t]+/g, ' ');
  return [...unfolded.matchAll(/^\s*(?:x-original-)?message-id\s*:\s*(.+)$/gim)].flatMap((m) => m[1]!.match(ID) ?? []);
}

export function answeredMessageIds(
  mail: { inReplyTo: string | null; references: string[]; returnedHeaders?: string | undefined; deliveryStatus?: string | undefined; text: string },
  bounce: boolean,
): string[] {
  const ids = [
    // The returned headers, a delivery report's X-Original-Message-ID, or a copy inline in the text.
    ...(bounce ? [mail.returnedHeaders, mail.deliveryStatus, mail.text].flatMap(returnedMessageIds) : []),
    ...(mail.inReplyTo ? [mail.inReplyTo] : []),
    ...[...mail.references].reverse(),
  ]
    .map(normalizeMessageId)
    .filter((id): id is string => id !== null);
  return [...new Set(ids)].slice(0, 50);
}
