import type { Violation } from './validation';

const shown = (value: unknown): string => {
  if (value === null) {
    return 'null';
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);

  return `'${text}'`;
};

const rule = (violation: Violation): string => {
  const { constraint, limit } = violation;

  switch (constraint) {
    case 'required':
      return 'Member must not be null';
    case 'minLength':
      return `Member must have length greater than or equal to ${limit}`;
    case 'maxLength':
      return `Member must have length less than or equal to ${limit}`;
    case 'pattern':
      return `Member must satisfy regular expression pattern: ${limit}`;
    case 'enum': {
      const values = (limit as string[]).join(', ');

      return `Member must satisfy enum value set: [${values}]`;
    }
    case 'minValue':
      return `Member must have value greater than or equal to ${limit}`;
    case 'maxValue':
      return `Member must have value less than or equal to ${limit}`;
    case 'type':
      return `Member must be of type ${limit}`;
  }
};

/**
 * One violation in AWS's request-validation wording, e.g.
 * `Value '123' at 'accountId' failed to satisfy constraint: Member must
 * satisfy regular expression pattern: \d{12}`.
 */
export const violationText = (violation: Violation): string =>
  `Value ${shown(violation.value)} at '${violation.path}' ` +
  `failed to satisfy constraint: ${rule(violation)}`;

/**
 * The whole `ValidationException` message, as AWS builds it:
 * `1 validation error detected: …` or
 * `2 validation errors detected: …; …`.
 */
export const validationMessage = (violations: readonly Violation[]): string => {
  const count = violations.length;
  const noun = count === 1 ? 'error' : 'errors';
  const texts = violations.map(violationText).join('; ');

  return `${count} validation ${noun} detected: ${texts}`;
};
