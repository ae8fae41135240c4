import type { ConfigProblem } from '../errors';

/**
 * Turns raw context values into typed ones. Values from `cdk.json` arrive
 * as JSON (numbers, booleans, arrays); values from `-c key=value` arrive as
 * strings. Both are accepted; anything else becomes a {@link ConfigProblem}.
 */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: ConfigProblem };

/** How to set a context value, for the `fix` of a problem. */
export const howToSet = (setting: string, example: string): string =>
  `Set "${setting}" in the "context" of cdk.json, or pass ` +
  `-c ${setting}=${example}.`;

/** A received value, quoted so that an empty string is visible. */
export const describeValue = (raw: unknown): string =>
  raw === undefined ? 'nothing' : JSON.stringify(raw);

const problem = <T>(
  setting: string,
  expected: string,
  raw: unknown,
  example: string,
): Parsed<T> => ({
  ok: false,
  problem: {
    setting,
    expected,
    received: describeValue(raw),
    fix: howToSet(setting, example),
  },
});

/** An integer from `min` to `max`, given as a number or digits. */
export const parseInteger = (
  setting: string,
  raw: unknown,
  range: { readonly min: number; readonly max: number },
  example = String(range.min),
): Parsed<number> => {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  const value =
    typeof raw === 'number'
      ? raw
      : text !== undefined && /^-?\d+$/.test(text)
        ? Number(text)
        : Number.NaN;
  const expected = `an integer from ${range.min} to ${range.max}`;

  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    return problem(setting, expected, raw, example);
  }

  return { ok: true, value };
};

/** `true` or `false`, given as a boolean or as text. */
export const parseBoolean = (
  setting: string,
  raw: unknown,
): Parsed<boolean> => {
  if (typeof raw === 'boolean') {
    return { ok: true, value: raw };
  }

  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (text === 'true' || text === 'false') {
    return { ok: true, value: text === 'true' };
  }

  return problem(setting, 'true or false', raw, 'true');
};

/**
 * A list of strings: a JSON array, a JSON array as text, or text with
 * commas between the items. Empty text is an empty list.
 */
export const parseStringList = (
  setting: string,
  raw: unknown,
  example: string,
): Parsed<readonly string[]> => {
  const expected =
    'a list: a JSON array of strings, or items separated by commas';
  let items: unknown = raw;

  if (typeof raw === 'string') {
    const text = raw.trim();
    try {
      items = text.startsWith('[')
        ? JSON.parse(text)
        : text
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item.length > 0);
    } catch {
      return problem(setting, expected, raw, example);
    }
  }

  if (
    !Array.isArray(items) ||
    !items.every((item) => typeof item === 'string')
  ) {
    return problem(setting, expected, raw, example);
  }

  return { ok: true, value: items.map((item) => item.trim()) };
};

/** A string that matches `pattern`. */
export const parsePattern = (
  setting: string,
  raw: unknown,
  pattern: RegExp,
  expected: string,
  example: string,
): Parsed<string> => {
  if (typeof raw !== 'string' || !pattern.test(raw.trim())) {
    return problem(setting, expected, raw, example);
  }

  return { ok: true, value: raw.trim() };
};
