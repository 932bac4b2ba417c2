// A sequence definition as ops post it, for tests that build their own: schema version 1, a key,
// its steps, and any other field (its name is its key unless given).
export type StepJson = Record<string, unknown>;

export const sequenceDefinition = (key: string, steps: StepJson[], more: Record<string, unknown> = {}) => ({ schemaVersion: 1, key, name: key, ...more, steps });
