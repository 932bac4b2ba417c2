/** Sequence definitions (data), their parser, Mustache step templates and the cadence graph. */
export * from './definition.js';
export { SequenceDefinitionError, UnknownStepError, type SequenceFieldError } from './errors.js';
export { parseSequenceDefinition } from './parse.js';
export { variantFor } from './variants.js';
export {
  announcedCallVars,
  KNOWN_TEMPLATE_VARIABLES,
  renderTemplate,
  sentWhen,
  TEMPLATE_SECTIONS,
  templateProblems,
  templateVariables,
  unknownTemplateVariables,
  type TemplateVariable,
  type TemplateVars,
} from './templates.js';
export {
  allowedOutcomes,
  brokenAnnouncementTarget,
  EXIT_OUTCOMES,
  isOrganizationalBlocker,
  nextAfterOutcome,
  nextAfterStep,
  outcomeError,
  stepById,
  type OutcomeOptions,
  type Transition,
} from './transitions.js';
export { ANNOUNCED_CALL_SEQUENCE, DEFAULT_SEQUENCES, EXPECTED_CALLBACK_SEQUENCE } from './defaults/index.js';
export { coldCallMessage, coldCalls, DEFAULT_WARM_RULE, warmRuleFor, type ColdCall, type WarmRule } from './warm-before-call.js';
export { diffDefinitions, type FieldChange, type SequenceDiff, type StepChange } from './diff.js';
export { sequenceInWords, type StepInWords } from './in-words.js';
