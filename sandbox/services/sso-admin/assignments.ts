import { ServiceError } from '../../protocols/service-error';
import { inProgress, submitRequest } from '../../world/requests';
import type { PrincipalType } from '../../world/state';
import type { Operation, OperationContext, OperationInput } from '../service';
import {
  accountOrThrow,
  assignmentStatus,
  checkInstance,
  describeStatusOperation,
  listOperation,
  permissionSetOf,
  statusMetadata,
  str,
} from './common';
import { SSO_ADMIN_INPUTS as INPUTS } from './shapes';

/** The observed text when too many creations are in progress. */
const TOO_MANY_PROCESSING =
  'There are too many requests processing. Please try again later.';

const submit = (
  input: OperationInput,
  context: OperationContext,
  kind: 'ASSIGNMENT_CREATION' | 'ASSIGNMENT_DELETION',
) => {
  const { world } = context;
  checkInstance(world, input);
  const state = world.state;
  const ps = permissionSetOf(state, input);
  accountOrThrow(state, str(input, 'TargetId'));

  const limit = context.maxOutstandingCreations;
  if (
    kind === 'ASSIGNMENT_CREATION' &&
    limit !== undefined &&
    inProgress(state, 'ASSIGNMENT_CREATION').length >= limit
  ) {
    throw new ServiceError('ThrottlingException', TOO_MANY_PROCESSING);
  }

  return submitRequest(
    state,
    kind,
    {
      permissionSetArn: ps.arn,
      accountId: str(input, 'TargetId'),
      principalType: str(input, 'PrincipalType') as PrincipalType,
      principalId: str(input, 'PrincipalId'),
    },
    world.nowMs(),
  );
};

/** Assignments and their asynchronous creation and deletion. */
export const assignmentOperations: Readonly<Record<string, Operation>> = {
  ListAccountAssignments: listOperation({
    input: INPUTS.ListAccountAssignments,
    output: 'AccountAssignments',
    list: (input, world) => {
      const state = world.state;
      const ps = permissionSetOf(state, input);
      const accountId = str(input, 'AccountId');

      return {
        scope: `ListAccountAssignments:${ps.id}:${accountId}`,
        items: state.assignments
          .filter(
            (a) => a.accountId === accountId && a.permissionSetId === ps.id,
          )
          .map((a) => ({
            AccountId: a.accountId,
            PermissionSetArn: ps.arn,
            PrincipalType: a.principalType,
            PrincipalId: a.principalId,
          })),
      };
    },
  }),

  ListAccountAssignmentsForPrincipal: listOperation({
    input: INPUTS.ListAccountAssignmentsForPrincipal,
    output: 'AccountAssignments',
    list: (input, world) => {
      const state = world.state;
      const principalId = str(input, 'PrincipalId');
      const principalType = str(input, 'PrincipalType');
      const accountId = (input.Filter as { AccountId?: string } | undefined)
        ?.AccountId;

      return {
        scope: `ForPrincipal:${principalId}:${accountId ?? '*'}`,
        items: state.assignments
          .filter(
            (a) =>
              a.principalId === principalId &&
              a.principalType === principalType &&
              (accountId === undefined || a.accountId === accountId),
          )
          .map((a) => ({
            AccountId: a.accountId,
            PermissionSetArn: state.permissionSets.get(a.permissionSetId)?.arn,
            PrincipalId: a.principalId,
            PrincipalType: a.principalType,
          })),
      };
    },
  }),

  CreateAccountAssignment: {
    input: INPUTS.CreateAccountAssignment,
    write: true,
    handler: (input, context) => ({
      AccountAssignmentCreationStatus: assignmentStatus(
        context.world,
        submit(input, context, 'ASSIGNMENT_CREATION'),
      ),
    }),
  },

  DeleteAccountAssignment: {
    input: INPUTS.DeleteAccountAssignment,
    write: true,
    handler: (input, context) => ({
      AccountAssignmentDeletionStatus: assignmentStatus(
        context.world,
        submit(input, context, 'ASSIGNMENT_DELETION'),
      ),
    }),
  },

  DescribeAccountAssignmentCreationStatus: describeStatusOperation({
    input: INPUTS.DescribeAccountAssignmentCreationStatus,
    requestId: 'AccountAssignmentCreationRequestId',
    kind: 'ASSIGNMENT_CREATION',
    output: 'AccountAssignmentCreationStatus',
    shape: assignmentStatus,
  }),

  DescribeAccountAssignmentDeletionStatus: describeStatusOperation({
    input: INPUTS.DescribeAccountAssignmentDeletionStatus,
    requestId: 'AccountAssignmentDeletionRequestId',
    kind: 'ASSIGNMENT_DELETION',
    output: 'AccountAssignmentDeletionStatus',
    shape: assignmentStatus,
  }),

  ListAccountAssignmentCreationStatus: listOperation({
    input: INPUTS.ListAccountAssignmentCreationStatus,
    output: 'AccountAssignmentsCreationStatus',
    list: (input, world) => ({
      scope: 'ListCreationStatus',
      items: statusMetadata(world, 'ASSIGNMENT_CREATION', input),
    }),
  }),

  ListAccountAssignmentDeletionStatus: listOperation({
    input: INPUTS.ListAccountAssignmentDeletionStatus,
    output: 'AccountAssignmentsDeletionStatus',
    list: (input, world) => ({
      scope: 'ListDeletionStatus',
      items: statusMetadata(world, 'ASSIGNMENT_DELETION', input),
    }),
  }),
};
