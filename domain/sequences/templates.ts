// Step templates are Mustache (logic-less: sequence authors cannot run code) rendered as plain
// text. Only a fixed set of variables exists, so a typo is rejected when the sequence is saved
// instead of silently rendering as an empty string in front of a prospect.
import Mustache, { type OpeningAndClosingTags, type RenderOptions, type TemplateCache, type TemplateSpans } from 'mustache';
import { assertTimeZone, parseInstant } from '../timing/index.js';

export type TemplateVars = {
  prospect: { firstName: string; lastName: string; fullName: string; title: string; email: string; phone: string };
  account: { name: string };
  rep: { name: string; email: string; phone: string };
  /**
   * PLAYBOOK §3: the trigger event as a noun phrase ("your Series B", "the new e-invoicing law";
   * for inbound: what they asked about, "pricing for 50 seats"); '' when none.
   */
  context: string;
  /** PLAYBOOK §3: the reason to call, as full sentences ("We helped X reach Y. May I send you the case study?"); '' when none. */
  pretext: string;
  /** The slot the announcing email promised, in the prospect's zone; null before it is reserved. */
  announcedCall: {
    /** "HH:mm", prospect-local. */
    time: string;
    /** e.g. "Tuesday". */
    weekday: string;
    /** e.g. "Tuesday 24 November". */
    date: string;
    timeZone: string;
  } | null;
  /**
   * The email that announced the call, as it really left (the outbox's send time, which pacing
   * or a held mailbox may put hours after 08:00); null while it has not left (or its sending
   * is unconfirmed): a script must never claim a send that did not happen (PLAYBOOK §3).
   */
  announcement: {
    /** When it left, prospect-local, relative to the call: "at 1:48 pm today", "yesterday at 8:02 am". */
    sent: string;
  } | null;
  /** The gatekeeper's name once a call logged it. */
  assistant: { name: string } | null;
};

/** Dotted paths of the string leaves of a view type, e.g. "prospect.firstName". */
type LeafPaths<T> = {
  [K in keyof T & string]: NonNullable<T[K]> extends string ? K : `${K}.${LeafPaths<NonNullable<T[K]>>}`;
}[keyof T & string];
export type TemplateVariable = LeafPaths<TemplateVars>;

const KNOWN = [
  'prospect.firstName',
  'prospect.lastName',
  'prospect.fullName',
  'prospect.title',
  'prospect.email',
  'prospect.phone',
  'account.name',
  'rep.name',
  'rep.email',
  'rep.phone',
  'context',
  'pretext',
  'announcedCall.time',
  'announcedCall.weekday',
  'announcedCall.date',
  'announcedCall.timeZone',
  'announcement.sent',
  'assistant.name',
] as const satisfies readonly TemplateVariable[];
// Compile-time completeness: adding a field to TemplateVars without listing it here fails tsc.
const _complete: Exclude<TemplateVariable, (typeof KNOWN)[number]> extends never ? true : never = true;

export const KNOWN_TEMPLATE_VARIABLES: readonly string[] = KNOWN;

/**
 * Names usable as `{{#name}}...{{/name}}` / `{{^name}}...{{/name}}`: the optional parts of the
 * view (an empty string or null hides the section). A section on anything else would iterate
 * or hide on values that are always present, which is never what the author meant.
 */
export const TEMPLATE_SECTIONS: readonly string[] = ['announcedCall', 'announcement', 'assistant', 'context', 'pretext'];

const known = new Set(KNOWN_TEMPLATE_VARIABLES);
const sections = new Set(TEMPLATE_SECTIONS);

// Fixed delimiters: never depend on a global `Mustache.tags` someone else might change.
const TAGS: OpeningAndClosingTags = ['{{', '}}'];
// A private writer without cache: the default writer caches every template it ever saw
// (unbounded with user-authored templates), and parsing a few hundred characters is cheap.
const writer = new Mustache.Writer();
(writer as unknown as { templateCache: TemplateCache | undefined }).templateCache = undefined;

type Token = TemplateSpans[number];
type Usage = { kind: 'variable' | 'section' | 'partial' | 'delimiters'; name: string };

function usages(text: string): Usage[] {
  const out: Usage[] = [];
  const walk = (tokens: TemplateSpans) => {
    for (const token of tokens as Token[]) {
      const [type, name] = token;
      if (type === 'name' || type === '&') out.push({ kind: 'variable', name });
      else if (type === '#' || type === '^') {
        out.push({ kind: 'section', name });
        const children = token[4];
        if (Array.isArray(children)) walk(children);
      } else if (type === '>') out.push({ kind: 'partial', name });
      else if (type === '=') out.push({ kind: 'delimiters', name });
      // 'text' and '!' (comments) carry no variable.
    }
  };
  walk(writer.parse(text, TAGS));
  return out;
}

/**
 * Every variable and section name used in `text`, nested sections included, in order of first
 * use. Throws mustache's Error on invalid syntax (e.g. 'Unclosed section "context" at 12').
 */
export function templateVariables(text: string): string[] {
  return [...new Set(usages(text).filter((u) => u.kind === 'variable' || u.kind === 'section').map((u) => u.name))];
}

/** Names in `text` the renderer does not provide (sections: also the section-only names). */
export function unknownTemplateVariables(text: string): string[] {
  const unknown = usages(text).filter((u) =>
    u.kind === 'variable' ? !known.has(u.name) : u.kind === 'section' && !known.has(u.name) && !sections.has(u.name),
  );
  return [...new Set(unknown.map((u) => u.name))];
}

/**
 * Everything wrong with a template, as sentences (empty when valid): syntax errors, unknown
 * variables, sections on non-optional values, partials and delimiter changes (unsupported:
 * templates must stay readable by every rep and checkable by this function).
 */
export function templateProblems(text: string): string[] {
  let used: Usage[];
  try {
    used = usages(text);
  } catch (error) {
    return [`invalid template: ${error instanceof Error ? error.message : String(error)}`];
  }
  const problems = new Set<string>();
  for (const u of used) {
    if (u.kind === 'variable' && !known.has(u.name)) {
      problems.add(`unknown template variable {{${u.name}}} (known: ${KNOWN_TEMPLATE_VARIABLES.join(', ')})`);
    } else if (u.kind === 'section' && !sections.has(u.name)) {
      problems.add(
        known.has(u.name)
          ? `{{#${u.name}}} cannot be a section (sections: ${TEMPLATE_SECTIONS.join(', ')})`
          : `unknown template section {{#${u.name}}} (sections: ${TEMPLATE_SECTIONS.join(', ')})`,
      );
    } else if (u.kind === 'partial') {
      problems.add(`partials are not supported ({{>${u.name}}})`);
    } else if (u.kind === 'delimiters') {
      problems.add('changing delimiters is not supported');
    }
  }
  return [...problems];
}

// Plain-text output: HTML escaping would show "&amp;" in an email body, a LinkedIn note or a
// call script. Whatever an HTML channel needs, it escapes itself.
const RENDER_OPTIONS: RenderOptions = { escape: (value: unknown) => String(value), tags: TAGS };

function render(text: string, vars: TemplateVars): string {
  return writer.render(text, vars, undefined, RENDER_OPTIONS);
}

export function renderTemplate(t: { subject?: string; body: string }, vars: TemplateVars): { subject?: string; body: string } {
  const body = render(t.body, vars);
  if (t.subject === undefined) return { body };
  // A subject is one header line: a context with line breaks must not spill into the headers.
  return { subject: render(t.subject, vars).replace(/\s+/g, ' ').trim(), body };
}

/** The `announcedCall` view of a reserved slot, as the prospect reads it in their own zone. */
export function announcedCallVars(
  instantIso: string,
  timeZone: string,
  locale = 'en',
): NonNullable<TemplateVars['announcedCall']> {
  const zone = assertTimeZone(timeZone);
  const local = parseInstant(instantIso, 'announcedCall').setZone(zone).setLocale(locale);
  return {
    time: local.toFormat('HH:mm'),
    weekday: local.toFormat('cccc'),
    date: local.toFormat('cccc d LLLL'),
    timeZone: zone,
  };
}

/**
 * When an email left, as the rep says it at `spokenAt` (the call's time), both in the
 * prospect's zone: "at 1:48 pm today", "yesterday at 8:02 am", "on Friday 4 December at 8:00 am".
 */
export function sentWhen(sentAtIso: string, spokenAtIso: string, timeZone: string): string {
  const zone = assertTimeZone(timeZone);
  const sent = parseInstant(sentAtIso, 'sentAt').setZone(zone).setLocale('en');
  const spoken = parseInstant(spokenAtIso, 'spokenAt').setZone(zone);
  const clock = sent.toFormat('h:mm a').toLowerCase();
  // Calendar days, not 24-hour periods (a DST day lasts 23 or 25 hours).
  const days = Math.round(spoken.startOf('day').diff(sent.startOf('day'), 'days').days);
  if (days === 0) return `at ${clock} today`;
  if (days === 1) return `yesterday at ${clock}`;
  return `on ${sent.toFormat('cccc d LLLL')} at ${clock}`;
}
