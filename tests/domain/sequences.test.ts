import { describe, expect, it } from 'vitest';
import {
  announcedCallVars,
  DEFAULT_SEQUENCES,
  KNOWN_TEMPLATE_VARIABLES,
  parseSequenceDefinition,
  renderTemplate,
  sentWhen,
  SequenceDefinitionError,
  templateProblems,
  templateVariables,
  unknownTemplateVariables,
  type SequenceDefinitionInput,
  type TemplateVars,
} from '../../domain/sequences/index.js';
import announcedCallJson from '../../domain/sequences/defaults/announced-call.json' with { type: 'json' };

const VARS: TemplateVars = {
  prospect: { firstName: 'Claire', lastName: 'Martin', fullName: 'Claire Martin', title: 'CFO', email: 'claire@acme.example', phone: '+33 1 23 45 67 89' },
  account: { name: 'Acme & Fils' },
  rep: { name: 'Paul Durand', email: 'paul@relance.example', phone: '+33 6 12 34 56 78' },
  context: 'your Series B',
  pretext: 'We helped Bolt cut month-end closing from 9 to 4 days.',
  // 08:15Z on 2026-11-24 is 09:15 in Paris (CET).
  announcedCall: announcedCallVars('2026-11-24T08:15:00Z', 'Europe/Paris'),
  // The announcing email left late (pacing): 12:48Z is 1:48 pm in Paris, the day of the call.
  announcement: { sent: sentWhen('2026-11-24T12:48:00Z', '2026-11-24T13:50:00Z', 'Europe/Paris') },
  assistant: { name: 'Sophie' },
};

/** A minimal valid definition; tests break one thing at a time. */
function valid(): SequenceDefinitionInput {
  return {
    schemaVersion: 1,
    key: 'test',
    name: 'Test',
    steps: [
      { id: 'email', type: 'email', timing: { kind: 'immediately' }, announce: { callStep: 'call', at: '09:15' }, template: { subject: 'Hi {{prospect.firstName}}', body: 'Call at {{announcedCall.time}}' } },
      { id: 'call', type: 'call', timing: { kind: 'announced_time' }, on: { no_answer: 'wait' } },
      { id: 'wait', type: 'wait', timing: { kind: 'after', minutes: 60 } },
    ],
  };
}

/** Runs the parser and returns the reported errors (fails the test when it does not throw). */
function errorsOf(input: unknown): Array<{ field: string; message: string }> {
  try {
    parseSequenceDefinition(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SequenceDefinitionError);
    return (error as SequenceDefinitionError).errors;
  }
  throw new Error('expected a SequenceDefinitionError, nothing was thrown');
}

function withStep(index: number, patch: Record<string, unknown>): SequenceDefinitionInput {
  const def = valid();
  def.steps[index] = { ...def.steps[index], ...patch } as SequenceDefinitionInput['steps'][number];
  return def;
}

describe('default sequences', () => {
  it('both parse, with the playbook step order', () => {
    expect(DEFAULT_SEQUENCES.map((d) => d.key)).toEqual(['announced-call', 'expected-callback']);
    const [announced, expected] = DEFAULT_SEQUENCES;
    expect(announced?.steps.map((s) => s.id)).toEqual(['linkedin-note', 'announce-email', 'announced-call', 'voicemail', 'callback', 'escalation']);
    expect(expected?.steps.map((s) => s.id)).toEqual(['inbound-call', 'voicemail', 'follow-up-email', 'callback', 'escalation']);
    expect(parseSequenceDefinition(announcedCallJson)).toEqual(announced);
  });

  it('announce at 09:15 from an 08:00 email, and call at the announced time with a grace period', () => {
    const announced = DEFAULT_SEQUENCES[0]!;
    const email = announced.steps.find((s) => s.id === 'announce-email');
    expect(email?.timing).toEqual({ kind: 'next_business_day_at', at: '08:00' });
    expect(email?.announce).toEqual({ callStep: 'announced-call', at: '09:15' });
    const call = announced.steps.find((s) => s.id === 'announced-call');
    expect(call).toMatchObject({ timing: { kind: 'announced_time' }, graceMinutes: 15, onBroken: 'callback' });
  });

  it('renders every template with the names and the announced time', () => {
    for (const def of DEFAULT_SEQUENCES) {
      for (const step of def.steps) {
        expect(step.template, `${def.key}/${step.id} has a template`).toBeDefined();
        const { subject, body } = renderTemplate(step.template!, VARS);
        const text = `${subject ?? ''}\n${body}`;
        expect(text, `${def.key}/${step.id}`).not.toMatch(/\{\{|\}\}|&amp;|undefined|null|\[object/);
        expect(text, `${def.key}/${step.id}`).toContain('Claire');
        expect(text, `${def.key}/${step.id}`).toContain('Paul Durand');
      }
    }
    const announced = DEFAULT_SEQUENCES[0]!;
    const render = (id: string) => renderTemplate(announced.steps.find((s) => s.id === id)!.template!, VARS);
    expect(render('announce-email').subject).toBe('Tuesday 09:15: quick call about your Series B');
    expect(render('announce-email').body).toContain('I will call you at 09:15 sharp about your Series B.');
    expect(render('announce-email').body).toContain(VARS.pretext);
    expect(render('announced-call').body).toContain('I emailed Claire at 1:48 pm today about your Series B');
    expect(render('announced-call').body).not.toMatch(/at 8|this morning|08:00/);
    expect(render('voicemail').body).toContain('as announced in my email at 1:48 pm today');
    expect(render('announced-call').body).toContain('09:15');
    expect(render('voicemail').body).toContain('+33 6 12 34 56 78');
    expect(render('callback').body).toContain('Hello Sophie, Paul Durand');
    expect(render('linkedin-note').body.length).toBeLessThanOrEqual(300); // LinkedIn's note limit
    const inbound = DEFAULT_SEQUENCES[1]!.steps[0]!;
    expect(renderTemplate(inbound.template!, { ...VARS, context: 'pricing for 50 seats' }).body).toContain('You asked about pricing for 50 seats on our site');
  });

  it('renders cleanly without context, pretext or assistant', () => {
    const bare: TemplateVars = { ...VARS, context: '', pretext: '', assistant: null };
    for (const def of DEFAULT_SEQUENCES) {
      for (const step of def.steps) {
        const { subject, body } = renderTemplate(step.template!, bare);
        expect(`${subject ?? ''}${body}`, `${def.key}/${step.id}`).not.toMatch(/\{\{|about \.|about ,| \.|\n\n\n/);
      }
    }
    const callback = DEFAULT_SEQUENCES[0]!.steps.find((s) => s.id === 'callback')!;
    expect(renderTemplate(callback.template!, bare).body).toContain('Hello, Paul Durand again');
  });

  it('claims no email that has not left: the call script says so instead', () => {
    const call = DEFAULT_SEQUENCES[0]!.steps.find((s) => s.id === 'announced-call')!;
    const body = renderTemplate(call.template!, { ...VARS, announcement: null }).body;
    expect(body).toContain('has not left yet');
    expect(body).toContain('Gatekeeper: "Hello, Paul Durand speaking. I am calling Claire about your Series B. Could you put me through?"');
    expect(body).not.toMatch(/I emailed|as announced/);
  });
});

describe('sentWhen', () => {
  it('says when an email left in natural words, in the prospect zone, relative to the call', () => {
    const paris = 'Europe/Paris';
    expect(sentWhen('2026-11-24T12:48:00Z', '2026-11-24T13:50:00Z', paris)).toBe('at 1:48 pm today');
    expect(sentWhen('2026-11-23T07:02:00Z', '2026-11-24T08:15:00Z', paris)).toBe('yesterday at 8:02 am');
    expect(sentWhen('2026-11-20T07:00:00Z', '2026-11-23T08:15:00Z', paris)).toBe('on Friday 20 November at 8:00 am');
    // 23:30Z on the 23rd is already the 24th in Paris: "today" is the prospect's day, not UTC's.
    expect(sentWhen('2026-11-23T23:30:00Z', '2026-11-24T08:15:00Z', paris)).toBe('at 12:30 am today');
    // Across the spring-forward night (a 23-hour day) yesterday is still yesterday.
    expect(sentWhen('2026-03-28T07:00:00Z', '2026-03-29T07:15:00Z', paris)).toBe('yesterday at 8:00 am');
  });
});

describe('parseSequenceDefinition', () => {
  it('accepts a valid definition', () => {
    expect(parseSequenceDefinition(valid()).steps).toHaveLength(3);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['wrong schemaVersion', { ...valid(), schemaVersion: 2 }, 'schemaVersion', /1/],
    ['unknown timing kind', withStep(2, { timing: { kind: 'someday' } }), 'steps.2.timing.kind', /immediately/],
    ['unknown key', withStep(0, { colour: 'red' }), 'steps.0.colour', /unknown key "colour"/],
    ['unknown outcome key', withStep(1, { on: { hung_up: 'next' } }), 'steps.1.on.hung_up', /unknown outcome "hung_up"/],
    ['bad target type', withStep(2, { next: 42 }), 'steps.2.next', /step id/],
    ['duplicate id', withStep(2, { id: 'call' }), 'steps.2.id', /duplicate step id "call"/],
    ['unknown target in on', withStep(1, { on: { no_answer: 'nowhere' } }), 'steps.1.on.no_answer', /unknown step "nowhere"/],
    ['announce on a non-email step', withStep(2, { announce: { callStep: 'call', at: '09:15' } }), 'steps.2.announce', /only email/],
    ['announced_time without an announcing email', withStep(0, { announce: undefined }), 'steps.1.timing', /announced by an earlier email/],
    ['email without subject', withStep(0, { template: { body: 'Hello' } }), 'steps.0.template.subject', /subject/],
    ['unknown template variable', withStep(0, { template: { subject: 'Hi', body: 'Hi {{prospect.nickname}}' } }), 'steps.0.template.body', /unknown template variable \{\{prospect\.nickname\}\}/],
    ['unknown variable in a subject', withStep(0, { template: { subject: '{{company}}', body: 'Hi' } }), 'steps.0.template.subject', /\{\{company\}\}/],
    ['broken template syntax', withStep(0, { template: { subject: 'Hi', body: '{{#context}}x' } }), 'steps.0.template.body', /Unclosed section/],
    ['outcome the step never receives', withStep(1, { on: { done: 'wait' } }), 'steps.1.on.done', /does not fit a call step/],
    ['redirected exit outcome', withStep(1, { on: { meeting_booked: 'wait' } }), 'steps.1.on.meeting_booked', /always ends/],
  ])('rejects %s, naming the field', (_name, input, field, message) => {
    const errors = errorsOf(input);
    const hit = errors.find((e) => e.field === field);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit?.message).toMatch(message);
  });

  it('reports one error per unknown key, and template errors together with schema errors', () => {
    const def = withStep(0, { colour: 'red', size: 3, template: { subject: 'Hi', body: '{{oops}}' } });
    const fields = errorsOf({ ...def, flavour: 'x' }).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['flavour', 'steps.0.colour', 'steps.0.size', 'steps.0.template.body']));
  });

  it('summarizes the errors in the message', () => {
    expect(() => parseSequenceDefinition({ ...valid(), schemaVersion: 2 })).toThrow(/invalid sequence definition: schemaVersion: /);
    expect(errorsOf(null)).toEqual([{ field: '', message: expect.stringMatching(/object/) }]);
  });
});

describe('templates', () => {
  it('lists variables, nested sections included', () => {
    expect(templateVariables('{{#context}}{{#announcedCall}}{{announcedCall.time}}{{/announcedCall}}{{/context}} {{{rep.name}}} {{& rep.phone}} {{! note }}')).toEqual([
      'context',
      'announcedCall',
      'announcedCall.time',
      'rep.name',
      'rep.phone',
    ]);
    expect(unknownTemplateVariables('{{prospect.firstName}} {{prospect.nickname}} {{#foo}}{{bar}}{{/foo}} {{#assistant}}{{/assistant}}')).toEqual([
      'prospect.nickname',
      'foo',
      'bar',
    ]);
    expect(KNOWN_TEMPLATE_VARIABLES).toContain('announcedCall.time');
  });

  it('allows sections only on the optional parts, and no partials', () => {
    expect(templateProblems('{{#context}}{{context}}{{/context}}{{^pretext}}-{{/pretext}}{{#assistant}}{{assistant.name}}{{/assistant}}')).toEqual([]);
    expect(templateProblems('{{#prospect.firstName}}x{{/prospect.firstName}}')).toEqual([expect.stringMatching(/cannot be a section/)]);
    expect(templateProblems('{{> footer}}')).toEqual([expect.stringMatching(/partials/)]);
    expect(templateProblems('{{announcedCall}}')).toEqual([expect.stringMatching(/unknown template variable/)]);
  });

  it('renders raw text (no HTML escaping) and omits empty sections', () => {
    const t = { subject: 'About {{account.name}}', body: '{{#context}}Re: {{context}}. {{/context}}<{{rep.email}}>' };
    expect(renderTemplate(t, VARS)).toEqual({ subject: 'About Acme & Fils', body: 'Re: your Series B. <paul@relance.example>' });
    expect(renderTemplate(t, { ...VARS, context: '' }).body).toBe('<paul@relance.example>');
    expect(renderTemplate({ body: 'x' }, VARS)).toEqual({ body: 'x' });
  });

  it('keeps a subject on one line', () => {
    expect(renderTemplate({ subject: 'Re: {{context}}', body: 'x' }, { ...VARS, context: 'a\r\nBcc: evil@example.com' }).subject).toBe('Re: a Bcc: evil@example.com');
  });

  it('does not render a value as a template', () => {
    expect(renderTemplate({ body: '{{context}}' }, { ...VARS, context: '{{rep.phone}}' }).body).toBe('{{rep.phone}}');
  });

  it('gives the announced call in the prospect zone, across DST', () => {
    expect(announcedCallVars('2026-11-24T08:15:00Z', 'Europe/Paris')).toEqual({ time: '09:15', weekday: 'Tuesday', date: 'Tuesday 24 November', timeZone: 'Europe/Paris' });
    expect(announcedCallVars('2026-06-23T07:15:00Z', 'Europe/Paris').time).toBe('09:15'); // CEST
    expect(announcedCallVars('2026-11-24T14:15:00Z', 'America/New_York')).toMatchObject({ time: '09:15', weekday: 'Tuesday' });
    expect(announcedCallVars('2026-11-24T08:15:00Z', 'Europe/Paris', 'fr')).toMatchObject({ weekday: 'mardi', date: 'mardi 24 novembre' });
    expect(() => announcedCallVars('2026-11-24T08:15:00', 'Europe/Paris')).toThrow(/offset/);
    expect(() => announcedCallVars('2026-11-24T08:15:00Z', 'Mars/Olympus')).toThrow(/time zone/);
  });
});

describe('a sequence timing override', () => {
  it('keeps only what it sets, so the workspace rules still apply to the rest', async () => {
    const { mergeTimingRules } = await import('../../domain/timing/index.js');
    const def = parseSequenceDefinition({ ...announcedCallJson, timing: { sendWindow: { start: '09:00', end: '17:00' } } });
    expect(def.timing).toEqual({ sendWindow: { start: '09:00', end: '17:00' } });
    const merged = mergeTimingRules({ weekendDays: [5, 6], minGapMinutes: 0 }, def.timing);
    expect(merged.weekendDays).toEqual([5, 6]);
    expect(merged.minGapMinutes).toBe(0);
    expect(merged.sendWindow).toEqual({ start: '09:00', end: '17:00' });
  });

  it('still refuses unknown keys and bad values, naming the field', () => {
    expect(() => parseSequenceDefinition({ ...announcedCallJson, timing: { sendwindow: {} } })).toThrow(/timing\.sendwindow/);
    expect(() => parseSequenceDefinition({ ...announcedCallJson, timing: { minGapMinutes: -1 } })).toThrow(/timing\.minGapMinutes/);
  });
});
