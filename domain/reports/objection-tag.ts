// Objections are free text (PLAYBOOK §2); the report groups them by tag. A rep may tag one by
// starting it with a word and a colon ("price: over budget until Q3" counts under "price");
// otherwise the whole text, tidied, is its tag. The SQL in the report computes the same thing.
export function objectionTag(text: string): string {
  const head = text.includes(':') ? text.slice(0, text.indexOf(':')) : text;
  return head.replace(/\s+/g, ' ').trim().replace(/[.!?,;]+$/, '').trim().toLowerCase();
}
