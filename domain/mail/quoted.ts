// The new part of a reply: quoted lines ("> ...") and everything after the quote header
// ("On ... wrote:", "Le ... a écrit :", "-----Original Message-----", a "From:" block) left out,
// so the dates and words of our own email are never read as the prospect's.

const QUOTE_HEADER = [
  /^\s*-{2,}\s*(original message|message d['’]origine|ursprüngliche nachricht|forwarded message|message transféré)/i,
  /^\s*(on|le|am)\s.{4,200}\s(wrote|a écrit|schrieb)\s*:\s*$/i,
  /^\s*(from|de|von)\s*:\s*\S.*$/i,
  /^\s*_{8,}\s*$/,
];

export function withoutQuotedText(text: string): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (QUOTE_HEADER.some((r) => r.test(line))) break;
    if (/^\s*>/.test(line)) continue;
    out.push(line);
  }
  return out.join('\n');
}
