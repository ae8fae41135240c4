import type { PolicyFinding } from './types';

/**
 * Checks of a permission set's inline policy that need no AWS call: the
 * limits and the character set that Identity Center enforces and that IAM
 * Access Analyzer does not check.
 */

/** `PermissionSetPolicyDocument` length limit of the SSO Admin API. */
export const MAX_INLINE_POLICY_CHARACTERS = 32_768;

/** Identity Center's limit on the policy's non-whitespace characters. */
export const MAX_INLINE_POLICY_NON_WHITESPACE_BYTES = 10_240;

// The API's pattern for an inline policy: tab, line feed, carriage return
// and U+0020 to U+00FF (Latin-1). Anything else fails validation.
const OUTSIDE_LATIN_1 = /[^\t\n\r\u0020-\u00FF]/gu;

// Whitespace as JSON (and so IAM) knows it; the only whitespace that the
// Latin-1 pattern above allows below U+0020.
const WHITESPACE = /[\t\n\r ]/g;

/** A 1-based line and column, columns counted in characters. */
export interface Place {
  readonly line: number;
  readonly column: number;
}

/** What the local checks found, and the document when it parses. */
export interface InlinePolicyCheck {
  readonly characters: number;
  readonly nonWhitespaceBytes: number;
  readonly findings: readonly PolicyFinding[];
  /** True when the text is JSON; only then is it worth validating. */
  readonly parses: boolean;
}

/**
 * The line and column of the UTF-16 offset `index` in `text`. A line ends
 * at a line feed, a carriage return, or both together, as editors count.
 */
export const placeOf = (text: string, index: number): Place => {
  let line = 1;
  let column = 1;
  let offset = 0;
  const end = Math.min(Math.max(index, 0), text.length);
  while (offset < end) {
    const code = text.codePointAt(offset) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const crlf = code === 0x0d && text.charCodeAt(offset + 1) === 0x0a;
    if (code === 0x0a || (code === 0x0d && !crlf)) {
      line += 1;
      column = 1;
    } else if (!crlf) {
      column += 1;
    }

    offset += width;
  }

  return { line, column };
};

/**
 * Size of the policy as Identity Center measures it: the UTF-8 bytes of
 * its non-whitespace characters. Its limit is stated in bytes ("10,240
 * bytes"; the rejection reads "Current size of the non-whitespace
 * characters … is 10405 bytes"), next to a separate limit in characters,
 * and a UTF-8 body is what the API receives; a Latin-1 count would equal
 * the character count and would need no separate unit. The two counts
 * differ only for U+0080 to U+00FF, which UTF-8 stores in two bytes, so a
 * policy of plain ASCII measures the same either way.
 */
export const nonWhitespaceBytes = (text: string): number =>
  Buffer.byteLength(text.replace(WHITESPACE, ''), 'utf8');

const finding = (
  code: string,
  message: string,
  place?: Place,
): PolicyFinding => ({
  subject: 'INLINE_POLICY',
  severity: 'ERROR',
  code,
  message,
  ...(place ? { location: place } : {}),
});

const number = (value: number): string => value.toLocaleString('en-US');

const codePoint = (character: string): string =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

const characterFindings = (text: string): PolicyFinding[] => {
  const outside = [...text.matchAll(OUTSIDE_LATIN_1)];
  const first = outside[0];
  if (!first) {
    return [];
  }

  const place = placeOf(text, first.index);
  const others =
    outside.length > 1 ? ` and ${number(outside.length - 1)} more` : '';

  return [
    finding(
      'UNSUPPORTED_CHARACTER',
      `Character ${codePoint(first[0])} ("${first[0]}") at line ` +
        `${place.line}, column ${place.column}${others} is outside ` +
        'Latin-1: Identity Center accepts only tab, line feed, carriage ' +
        'return and U+0020 to U+00FF. Replace it, for example a typographic ' +
        'quote with a straight one.',
      place,
    ),
  ];
};

const sizeFindings = (characters: number, bytes: number): PolicyFinding[] => {
  const findings: PolicyFinding[] = [];
  if (characters > MAX_INLINE_POLICY_CHARACTERS) {
    findings.push(
      finding(
        'POLICY_TOO_LONG',
        `The inline policy has ${number(characters)} characters; Identity ` +
          `Center accepts at most ${number(MAX_INLINE_POLICY_CHARACTERS)}. ` +
          'Remove whitespace or move statements into a managed policy.',
      ),
    );
  }

  if (bytes > MAX_INLINE_POLICY_NON_WHITESPACE_BYTES) {
    findings.push(
      finding(
        'POLICY_TOO_LARGE',
        `The non-whitespace characters of the inline policy take ` +
          `${number(bytes)} bytes; Identity Center accepts at most ` +
          `${number(MAX_INLINE_POLICY_NON_WHITESPACE_BYTES)} bytes. ` +
          'Shorten it (wildcards, fewer statements) or move statements ' +
          'into a customer managed policy.',
      ),
    );
  }

  return findings;
};

// V8 ends its messages with "in JSON at position N", newer versions add
// "(line L column C)"; older ones say "Unexpected token … in JSON at …".
const POSITION = /\s*in JSON at position (\d+)(?:\s*\(line \d+ column \d+\))?/;

const parseFindings = (
  text: string,
): { readonly findings: PolicyFinding[]; readonly document?: unknown } => {
  try {
    return { findings: [], document: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = POSITION.exec(message);
    // "Unexpected end of JSON input" carries no position: the end it is.
    const index = match ? Number(match[1]) : text.length;
    const place = placeOf(text, index);
    const what = message.replace(POSITION, '').trim();

    return {
      findings: [
        finding(
          'INVALID_JSON',
          `The inline policy is not valid JSON: ${what} at line ` +
            `${place.line}, column ${place.column}.`,
          place,
        ),
      ],
    };
  }
};

const structureFindings = (document: unknown): PolicyFinding[] => {
  if (
    typeof document !== 'object' ||
    document === null ||
    Array.isArray(document)
  ) {
    return [
      finding(
        'POLICY_NOT_AN_OBJECT',
        'The inline policy must be a JSON object with "Version" and ' +
          '"Statement", such as {"Version": "2012-10-17", "Statement": [...]}.',
      ),
    ];
  }

  if (!('Statement' in document)) {
    return [
      finding(
        'MISSING_STATEMENT',
        'The inline policy has no "Statement": add at least one statement.',
      ),
    ];
  }

  return [];
};

/**
 * Checks an inline policy as Identity Center would before IAM sees it:
 * size in characters and in non-whitespace bytes, characters outside
 * Latin-1, JSON syntax (with the place of the error) and the top-level
 * shape. Every problem is an `ERROR`: Identity Center rejects the policy.
 */
export const checkInlinePolicy = (text: string): InlinePolicyCheck => {
  // The API counts characters (code points), not UTF-16 code units.
  const characters = [...text].length;
  const bytes = nonWhitespaceBytes(text);
  const parsed = parseFindings(text);
  const findings = [
    ...parsed.findings,
    ...sizeFindings(characters, bytes),
    ...characterFindings(text),
    ...('document' in parsed ? structureFindings(parsed.document) : []),
  ];

  return {
    characters,
    nonWhitespaceBytes: bytes,
    findings,
    parses: 'document' in parsed,
  };
};
