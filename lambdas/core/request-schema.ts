import * as z from 'zod/mini';
import {
  ACCOUNT_ID_PATTERN,
  INSTANCE_ARN_PATTERN,
  MAX_ARN_LENGTH,
  PERMISSION_SET_ARN_PATTERN,
  PRINCIPAL_ID_PATTERN,
  REQUEST_ID_PATTERN,
} from './arns';
import type { FieldProblem, Request } from './types';

/**
 * The fields of a request, their schemas, and the words a person needs
 * when one of them is wrong: what was expected and how to fix it. Both the
 * manual input and the CloudTrail event are checked against these.
 */

// zod/mini: the same checks as zod, a tenth of the bundle.
const arn = (pattern: RegExp) =>
  z.string().check(z.trim(), z.maxLength(MAX_ARN_LENGTH), z.regex(pattern));

export const FIELD_SCHEMAS = {
  instanceArn: arn(INSTANCE_ARN_PATTERN),
  accountId: z.string().check(z.trim(), z.regex(ACCOUNT_ID_PATTERN)),
  permissionSetArn: arn(PERMISSION_SET_ARN_PATTERN),
  principalType: z.enum(['USER', 'GROUP']),
  principalId: z
    .string()
    .check(z.trim(), z.maxLength(47), z.regex(PRINCIPAL_ID_PATTERN)),
  creationRequestId: z.string().check(z.trim(), z.regex(REQUEST_ID_PATTERN)),
} as const;

export type RequestField = keyof typeof FIELD_SCHEMAS;

interface FieldHint {
  readonly expected: string;
  readonly fix: string;
}

export const FIELD_HINTS: Readonly<Record<RequestField, FieldHint>> = {
  instanceArn: {
    expected:
      'an Identity Center instance ARN such as ' +
      'arn:aws:sso:::instance/ssoins-0123456789abcdef',
    fix:
      'copy it from the IAM Identity Center console (Settings), or leave ' +
      'it out to use the instance of the permission set',
  },
  accountId: {
    expected: 'a 12-digit AWS account id in quotes, such as "111122223333"',
    fix:
      'copy the account id from the AWS Organizations console; keep ' +
      'leading zeros and write it as a string',
  },
  permissionSetArn: {
    expected:
      'a permission set ARN such as arn:aws:sso:::permissionSet/' +
      'ssoins-0123456789abcdef/ps-0123456789abcdef',
    fix:
      'copy the ARN from the permission set page of the IAM Identity ' +
      'Center console',
  },
  principalType: {
    expected: 'USER or GROUP',
    fix: 'write USER or GROUP in capitals, matching principalId',
  },
  principalId: {
    expected:
      'an identity store user or group id such as ' +
      '906712345a-0123abcd-4567-89ab-cdef-0123456789ab',
    fix:
      'copy the user or group id from the IAM Identity Center console ' +
      '(Users or Groups page)',
  },
  creationRequestId: {
    expected:
      'the request id of a CreateAccountAssignment call, a lower-case ' +
      'UUID such as f8604aff-1de0-48ba-b228-f65559e504c1',
    fix:
      'copy accountAssignmentCreationStatus.requestId from the ' +
      'CloudTrail record, or leave the field out',
  },
};

/** A request, or one problem per field that prevents one. */
export type ReadResult =
  | { readonly request: Request }
  | { readonly problems: readonly FieldProblem[] };

/** The input value as a person would recognise it in a message. */
export const describeValue = (value: unknown): string => {
  if (value === undefined) {
    return 'nothing';
  }

  if (typeof value === 'string') {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;

    return `"${shown}"`;
  }

  if (value === null || typeof value !== 'object') {
    return `${typeof value === 'number' ? 'the number ' : ''}${value}`;
  }

  return Array.isArray(value) ? 'a list' : 'an object';
};

/** The problem of one field whose value failed its schema. */
export const fieldProblem = (
  field: RequestField,
  path: string,
  value: unknown,
): FieldProblem => {
  const hint = FIELD_HINTS[field];
  const missing = value === undefined || value === null || value === '';

  return {
    field: path,
    message:
      `${missing ? 'Required: expected' : 'Expected'} ${hint.expected}, ` +
      `received ${describeValue(value)}; ${hint.fix}.`,
  };
};

/** The known field closest to an unknown key, when one is close. */
export const suggestField = (
  key: string,
  known: readonly string[],
): string | undefined => {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (best === undefined || distance < best.distance) {
      best = { name, distance };
    }
  }

  // Two edits catch a dropped, doubled or swapped letter without
  // suggesting an unrelated field for a short key.
  return best !== undefined && best.distance <= 2 ? best.name : undefined;
};

/** The problem of a key that no request field has. */
export const unknownFieldProblem = (
  key: string,
  known: readonly string[],
): FieldProblem => {
  const suggestion = suggestField(key, known);

  return {
    field: key,
    message: suggestion
      ? `Unknown field; did you mean ${suggestion}?`
      : `Unknown field; expected only ${known.join(', ')}: remove it.`,
  };
};

/** The problem of an instance ARN that does not own the permission set. */
export const instanceMismatchProblem = (
  path: string,
  instanceArn: string,
  ownInstance: string | undefined,
): FieldProblem => ({
  field: path,
  message:
    `Expected the instance of the permission set, ${ownInstance}, ` +
    `received "${instanceArn}"; the permission set belongs to another ` +
    'instance: correct the instance ARN or the permission set ARN.',
});

const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + substitution,
      );
    }
    previous = current;
  }

  return previous[b.length] ?? 0;
};
