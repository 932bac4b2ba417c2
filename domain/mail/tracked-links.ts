// Click tracking rewrites the links of a plain-text email (issue 19 §4): each http(s) URL in the
// body goes through `wrap`. Pure; the signing is the caller's. Trailing punctuation of a sentence
// ("see https://acme.test/pricing.") stays outside the link, as mail clients read it.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'()[\]{}]+/gi;
const TRAILING = /[.,;:!?]+$/;

export function trackLinks(text: string, wrap: (url: string) => string | null): string {
  return text.replace(URL_IN_TEXT, (found) => {
    const tail = TRAILING.exec(found)?.[0] ?? '';
    const url = found.slice(0, found.length - tail.length);
    return `${wrap(url) ?? url}${tail}`;
  });
}
