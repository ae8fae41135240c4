import * as z from 'zod/mini';
import { instanceArnOf } from './arns';
import {
  FIELD_HINTS,
  FIELD_SCHEMAS,
  fieldProblem,
  instanceMismatchProblem,
  type ReadResult,
  type RequestField,
  unknownFieldProblem,
} from './request-schema';
import type { FieldProblem, Request } from './types';

/**
 * The input a person types in the Step Functions console (or the CLI) to
 * check one assignment by hand.
 *
 * @example
 * {
 *   "accountId": "444455556666",
 *   "permissionSetArn": "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef",
 *   "principalType": "USER",
 *   "principalId": "906712345a-0123abcd-4567-89ab-cdef-0123456789ab"
 * }
 */
export const manualInputSchema = z.strictObject({
  accountId: FIELD_SCHEMAS.accountId,
  permissionSetArn: FIELD_SCHEMAS.permissionSetArn,
  principalType: z.optional(FIELD_SCHEMAS.principalType),
  principalId: z.optional(FIELD_SCHEMAS.principalId),
  instanceArn: z.optional(FIELD_SCHEMAS.instanceArn),
  creationRequestId: z.optional(FIELD_SCHEMAS.creationRequestId),
});

export type ManualInput = z.infer<typeof manualInputSchema>;

export const MANUAL_FIELDS = Object.keys(
  manualInputSchema.shape,
) as RequestField[];

/**
 * Reads a manual input into a request, or into one problem per bad field.
 * `startedAt` is the execution's start time, which stands in for the time
 * of the call.
 */
export const readManualInput = (
  input: Readonly<Record<string, unknown>>,
  startedAt: string,
): ReadResult => {
  // An empty or null value is what a half-filled template looks like: it
  // means "not given", and a required field then says so.
  const given = Object.fromEntries(
    Object.entries(input).filter(
      ([, value]) =>
        value !== null && !(typeof value === 'string' && !value.trim()),
    ),
  );
  const parsed = manualInputSchema.safeParse(given);
  const problems = [
    ...toProblems(parsed.error?.issues ?? [], given),
    ...pairProblems(given),
    ...(parsed.success ? instanceProblems(parsed.data) : []),
  ];
  if (!parsed.success || problems.length > 0) {
    return { problems };
  }

  const { data } = parsed;
  const request: Request = {
    instanceArn:
      data.instanceArn ?? (instanceArnOf(data.permissionSetArn) as string),
    accountId: data.accountId,
    permissionSetArn: data.permissionSetArn,
    ...(data.principalType && data.principalId
      ? { principal: { type: data.principalType, id: data.principalId } }
      : {}),
    ...(data.creationRequestId
      ? { creationRequestId: data.creationRequestId }
      : {}),
    trigger: { kind: 'MANUAL', startedAt },
  };

  return { request };
};

const toProblems = (
  issues: readonly z.core.$ZodIssue[],
  given: Readonly<Record<string, unknown>>,
): FieldProblem[] => {
  const problems = new Map<string, FieldProblem>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.set(key, unknownFieldProblem(key, MANUAL_FIELDS));
      }
      continue;
    }

    const field = String(issue.path[0]) as RequestField;
    if (!problems.has(field)) {
      problems.set(field, fieldProblem(field, field, given[field]));
    }
  }

  return [...problems.values()];
};

/** A principal needs both its type and its id. */
const pairProblems = (
  given: Readonly<Record<string, unknown>>,
): FieldProblem[] => {
  const hasType = given.principalType !== undefined;
  const hasId = given.principalId !== undefined;
  if (hasType === hasId) {
    return [];
  }

  return hasType
    ? [pairProblem('principalId', 'principalType')]
    : [pairProblem('principalType', 'principalId')];
};

const instanceProblems = (data: ManualInput): FieldProblem[] => {
  const ownInstance = instanceArnOf(data.permissionSetArn);

  return data.instanceArn !== undefined && data.instanceArn !== ownInstance
    ? [instanceMismatchProblem('instanceArn', data.instanceArn, ownInstance)]
    : [];
};

const pairProblem = (
  missing: 'principalId' | 'principalType',
  given: 'principalId' | 'principalType',
): FieldProblem => ({
  field: missing,
  message:
    `Required when ${given} is given: expected ` +
    `${FIELD_HINTS[missing].expected}, received nothing; give both ` +
    'principalType and principalId, or neither to check only the ' +
    'permission set in the account.',
});
