/**
 * A small matcher of EventBridge event patterns, for testing the rule of
 * the stack without AWS. It knows the operators the rule uses and a few
 * neighbours: exact values, `prefix`, `suffix`, `equals-ignore-case`,
 * `anything-but` (a value, a list, or a `prefix`/`suffix`), `exists`,
 * `numeric` and `$or`.
 *
 * It follows EventBridge's semantics:
 * - every field of the pattern must match (AND), and a field matches when
 *   any of its matchers does (OR);
 * - when the event holds an array, the field matches when any element
 *   does;
 * - a field that is absent matches nothing but `{ "exists": false }`,
 *   not even `anything-but`;
 * - `exists` looks at leaves only: an object is not a present leaf;
 * - values match with their type: the string "5" is not the number 5.
 *
 * Not covered: `wildcard`, `cidr`, and `anything-but` with
 * `equals-ignore-case` or `wildcard`. An unknown operator throws, so a
 * pattern this matcher cannot judge never passes silently.
 */

/** An event pattern as EventBridge takes it (plain JSON). */
export type EventPatternJson = { readonly [field: string]: unknown };

/** Thrown for a pattern that EventBridge would reject or this cannot judge. */
export class EventPatternError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'EventPatternError';
  }
}

const ABSENT = Symbol('absent');
type Value = unknown | typeof ABSENT;

/** True when `event` matches `pattern`. */
export const matchesEventPattern = (
  pattern: EventPatternJson,
  event: unknown,
): boolean => matchObject(pattern, event, '');

const matchObject = (
  pattern: EventPatternJson,
  value: Value,
  path: string,
): boolean => {
  if (Array.isArray(value)) {
    return value.some((element) => matchObject(pattern, element, path));
  }

  const fields = isObject(value) ? value : {};

  return Object.entries(pattern).every(([key, rule]) => {
    const here = path ? `${path}.${key}` : key;
    if (key === '$or') {
      return matchOr(rule, value, here);
    }

    const field = key in fields ? fields[key] : ABSENT;
    if (Array.isArray(rule)) {
      return matchLeaf(rule, field, here);
    }
    if (isObject(rule)) {
      return matchObject(rule, field, here);
    }
    throw new EventPatternError(
      `"${here}": expected an array of matchers or a nested object, ` +
        `received ${JSON.stringify(rule)}.`,
    );
  });
};

const matchOr = (rule: unknown, value: Value, path: string): boolean => {
  if (!Array.isArray(rule) || rule.length < 2 || !rule.every(isObject)) {
    throw new EventPatternError(
      `"${path}": expected an array of at least two patterns.`,
    );
  }

  return rule.some((alternative) => matchObject(alternative, value, path));
};

const matchLeaf = (
  matchers: readonly unknown[],
  field: Value,
  path: string,
): boolean => {
  if (matchers.length === 0) {
    throw new EventPatternError(`"${path}": the list of matchers is empty.`);
  }

  return matchers.some((matcher) => matchOne(matcher, field, path));
};

/** The leaves of a field: scalars, or the scalars of an array. */
const leaves = (field: Value): readonly unknown[] => {
  if (field === ABSENT || isObject(field)) {
    return [];
  }
  if (Array.isArray(field)) {
    return field.filter(
      (element) => !isObject(element) && !Array.isArray(element),
    );
  }

  return [field];
};

const matchOne = (matcher: unknown, field: Value, path: string): boolean => {
  const values = leaves(field);

  if (!isObject(matcher)) {
    return values.some((value) => value === matcher);
  }

  const entries = Object.entries(matcher);
  if (entries.length !== 1) {
    throw new EventPatternError(
      `"${path}": a matcher object has one operator, received ` +
        `${JSON.stringify(matcher)}.`,
    );
  }

  const [operator, operand] = entries[0] as [string, unknown];
  switch (operator) {
    case 'exists':
      if (typeof operand !== 'boolean') {
        throw new EventPatternError(`"${path}": exists takes true or false.`);
      }

      return operand ? values.length > 0 : values.length === 0;
    case 'prefix':
      return values.some((value) => affix(operand, value, path, 'prefix'));
    case 'suffix':
      return values.some((value) => affix(operand, value, path, 'suffix'));
    case 'equals-ignore-case':
      return values.some(
        (value) =>
          typeof value === 'string' &&
          value.toLowerCase() === String(operand).toLowerCase(),
      );
    case 'anything-but':
      return values.some((value) => !anythingButExcludes(operand, value, path));
    case 'numeric':
      return values.some((value) => numeric(operand, value, path));
    default:
      throw new EventPatternError(
        `"${path}": operator "${operator}" is not supported by this matcher.`,
      );
  }
};

const affix = (
  operand: unknown,
  value: unknown,
  path: string,
  kind: 'prefix' | 'suffix',
): boolean => {
  let text = operand;
  let ignoreCase = false;
  if (isObject(operand) && 'equals-ignore-case' in operand) {
    text = operand['equals-ignore-case'];
    ignoreCase = true;
  }
  if (typeof text !== 'string') {
    throw new EventPatternError(`"${path}": ${kind} takes a string.`);
  }
  if (typeof value !== 'string') {
    return false;
  }

  const subject = ignoreCase ? value.toLowerCase() : value;
  const wanted = ignoreCase ? text.toLowerCase() : text;

  return kind === 'prefix'
    ? subject.startsWith(wanted)
    : subject.endsWith(wanted);
};

/** True when `anything-but` rules the value out. */
const anythingButExcludes = (
  operand: unknown,
  value: unknown,
  path: string,
): boolean => {
  if (isObject(operand)) {
    const [kind, text] = (Object.entries(operand)[0] ?? []) as [
      string,
      unknown,
    ];
    if (kind === 'prefix' || kind === 'suffix') {
      return affix(text, value, path, kind);
    }
    throw new EventPatternError(
      `"${path}": anything-but with "${kind}" is not supported by this matcher.`,
    );
  }

  const excluded = Array.isArray(operand) ? operand : [operand];

  return excluded.some((item) => item === value);
};

const COMPARISONS: Readonly<
  Record<string, (value: number, bound: number) => boolean>
> = {
  '=': (value, bound) => value === bound,
  '<': (value, bound) => value < bound,
  '<=': (value, bound) => value <= bound,
  '>': (value, bound) => value > bound,
  '>=': (value, bound) => value >= bound,
};

const numeric = (operand: unknown, value: unknown, path: string): boolean => {
  if (!Array.isArray(operand) || operand.length % 2 !== 0) {
    throw new EventPatternError(
      `"${path}": numeric takes pairs of operator and number.`,
    );
  }
  if (typeof value !== 'number') {
    return false;
  }

  for (let i = 0; i < operand.length; i += 2) {
    const compare = COMPARISONS[String(operand[i])];
    const bound = operand[i + 1];
    if (!compare || typeof bound !== 'number') {
      throw new EventPatternError(
        `"${path}": numeric operator "${String(operand[i])}" or its bound ` +
          'is not valid.',
      );
    }
    if (!compare(value, bound)) {
      return false;
    }
  }

  return true;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
