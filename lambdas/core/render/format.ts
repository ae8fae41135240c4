import type { ActionTaken, PolicyFinding } from '../types';

/**
 * Small text helpers shared by the plain text and chat renderers.
 */

/** Line width of the plain text: short enough for any email client. */
export const WIDTH = 72;

/**
 * Shortens `text` to at most `max` characters, saying that it did. Used on
 * free text that AWS or a person wrote, which can be of any length.
 */
export const clip = (text: string, max: number): string => {
  const characters = [...text];
  if (characters.length <= max) {
    return text;
  }

  const note = ' [... shortened]';

  return `${characters.slice(0, Math.max(max - note.length, 0)).join('')}${note}`;
};

/** The longest prefix of `text` that takes at most `bytes` UTF-8 bytes. */
export const clipBytes = (text: string, bytes: number): string => {
  if (Buffer.byteLength(text, 'utf8') <= bytes) {
    return text;
  }

  let used = 0;
  let end = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character, 'utf8');
    if (used + size > bytes) {
      break;
    }

    used += size;
    end += character.length;
  }

  return text.slice(0, end);
};

/**
 * Wraps `text` at word boundaries to `width` columns, every line starting
 * with `indent`. A word longer than a line (an ARN, a link) keeps a line of
 * its own rather than being broken, so that it can still be copied.
 */
export const wrap = (text: string, indent = '', width = WIDTH): string[] => {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }

    lines.push(indent + line);
  }

  return lines;
};

/**
 * Wraps `text` after `prefix` (such as `  2. `), with the following lines
 * indented to where the text started.
 */
export const hanging = (
  prefix: string,
  text: string,
  width = WIDTH,
): string[] => {
  const indent = ' '.repeat(prefix.length);
  const [first = '', ...rest] = wrap(text, indent, width);

  return [`${prefix}${first.slice(indent.length)}`, ...rest];
};

/**
 * Breaks a one-line AWS CLI command before each option, with shell line
 * continuations, so that it reads in a narrow email and still pastes.
 */
export const commandLines = (command: string, indent: string): string[] => {
  const [head = '', ...options] = command.split(' --');
  const parts = [head, ...options.map((option) => `  --${option}`)];

  return parts.map(
    (part, index) => `${indent}${part}${index < parts.length - 1 ? ' \\' : ''}`,
  );
};

/** `1,234`: numbers as people read them. */
export const count = (value: number): string => value.toLocaleString('en-US');

export const yesNo = (value: boolean | undefined): string =>
  value === undefined ? 'not checked' : value ? 'yes' : 'no';

const SUBJECT_WORDS: Readonly<Record<PolicyFinding['subject'], string>> = {
  INLINE_POLICY: 'inline policy',
  MANAGED_POLICY: 'AWS managed policy',
  CUSTOMER_MANAGED_POLICY: 'customer managed policy',
  PERMISSIONS_BOUNDARY: 'permissions boundary',
};

/** `In the inline policy, line 3, column 5`. */
export const findingPlace = (finding: PolicyFinding): string => {
  const place = finding.location
    ? `, line ${finding.location.line}, column ${finding.location.column}`
    : '';

  return `In the ${SUBJECT_WORDS[finding.subject]}${place}:`;
};

/** `ERROR MISSING_ACTION (inline policy, line 3, column 5)`. */
export const findingTitle = (finding: PolicyFinding): string => {
  const place = finding.location
    ? `, line ${finding.location.line}, column ${finding.location.column}`
    : '';

  return `${finding.severity} ${finding.code} (${SUBJECT_WORDS[finding.subject]}${place})`;
};

const SEVERITY_ORDER: Readonly<Record<PolicyFinding['severity'], number>> = {
  ERROR: 0,
  SECURITY_WARNING: 1,
  WARNING: 2,
  SUGGESTION: 3,
};

/** Findings, the most severe first, in their order otherwise. */
export const bySeverity = (
  findings: readonly PolicyFinding[],
): PolicyFinding[] =>
  [...findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );

/** `ProvisionPermissionSet: SUCCEEDED` or the dry-run "would have". */
export const actionTitle = (action: ActionTaken): string =>
  action.dryRun
    ? `Would have called ${action.operation} (dry run: no write made)`
    : `${action.operation} at ${action.at}: ${action.status}`;
