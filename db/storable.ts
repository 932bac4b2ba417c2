// Text PostgreSQL cannot store. U+0000 is refused in text columns (22021) and, on PGlite, in
// jsonb (22P05); an unpaired UTF-16 surrogate has no UTF-8 form, so PostgreSQL silently stores
// U+FFFD in text while PGlite refuses it in jsonb. Input is checked for both before it reaches a
// query, so such a value is a 4xx naming its field instead of a driver error (a 500).
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `s` cannot be stored, or null when it can. */
export function unstorableReason(s: string): string | null {
  if (NUL.test(s)) return 'contains U+0000 (NUL), which cannot be stored';
  if (LONE_SURROGATE.test(s)) return 'contains an unpaired UTF-16 surrogate, which cannot be stored';
  return null;
}

export type UnstorableField = { path: (string | number)[]; message: string };

/** Enough to name the fields to fix without answering with a copy of a huge body. */
const MAX_REPORTED = 20;

/** Every string (and object key) under `value` that cannot be stored, with its path. */
export function findUnstorable(value: unknown): UnstorableField[] {
  const found: UnstorableField[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (found.length >= MAX_REPORTED) return;
    if (typeof v === 'string') {
      const reason = unstorableReason(v);
      if (reason) found.push({ path, message: reason });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i]));
    } else if (v !== null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
      for (const [key, item] of Object.entries(v)) {
        const reason = unstorableReason(key);
        // The key itself would make an unreadable field name: the object is named instead.
        if (reason) found.push({ path, message: `a key ${reason}` });
        else walk(item, [...path, key]);
      }
    }
  };
  walk(value, []);
  return found.slice(0, MAX_REPORTED);
}
