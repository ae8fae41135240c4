import { ServiceError } from '../../protocols/service-error';
import { inProgress, submitRequest } from '../../world/requests';
import type { Operation, OperationContext } from '../service';
import {
  accountOrThrow,
  assignmentStatus,
  checkInstance,
  pageOf,
  permissionSetOrThrow,
  requestOrThrow,
  type SsoInput,
  statusMetadata,
  str,
} from './common';
import { SSO_ADMIN_INPUTS as INPUTS } from './shapes';

/** The observed text when too many creations are in progress. */
const TOO_MANY_PROCESSING =
  'There are too many requests processing. Please try again later.';

const submit = (
  input: SsoInput,
  context: OperationContext,
  kind: 'ASSIGNMENT_CREATION' | 'ASSIGNMENT_DELETION',
) => {
  const { world } = context;
  checkInstance(world, input);
  const state = world.state;
  const ps = permissionSetOrThrow(state, str(input, 'PermissionSetArn'));
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
      principalType: str(input, 'PrincipalType') as 'USER' | 'GROUP',
      principalId: str(input, 'PrincipalId'),
    },
    world.nowMs(),
  );
};

/** Assignments and their asynchronous creation and deletion. */
export const assignmentOperations: Readonly<Record<string, Operation>> = {
  ListAccountAssignments: {
    input: INPUTS.ListAccountAssignments,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const state = context.world.state;
      const ps = permissionSetOrThrow(state, str(input, 'PermissionSetArn'));
      const accountId = str(input, 'AccountId');
      const list = state.assignments
        .filter((a) => a.accountId === accountId && a.permissionSetId === ps.id)
        .map((a) => ({
          AccountId: a.accountId,
          PermissionSetArn: ps.arn,
          PrincipalType: a.principalType,
          PrincipalId: a.principalId,
        }));
      const page = pageOf(
        context,
        `ListAccountAssignments:${ps.id}:${accountId}`,
        list,
        input,
      );

      return { AccountAssignments: page.items, NextToken: page.nextToken };
    },
  },

  ListAccountAssignmentsForPrincipal: {
    input: INPUTS.ListAccountAssignmentsForPrincipal,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const state = context.world.state;
      const principalId = str(input, 'PrincipalId');
      const principalType = str(input, 'PrincipalType');
      const accountId = (input.Filter as { AccountId?: string } | undefined)
        ?.AccountId;
      const list = state.assignments
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
        }));
      const scope = `ForPrincipal:${principalId}:${accountId ?? '*'}`;
      const page = pageOf(context, scope, list, input);

      return { AccountAssignments: page.items, NextToken: page.nextToken };
    },
  },

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

  DescribeAccountAssignmentCreationStatus: {
    input: INPUTS.DescribeAccountAssignmentCreationStatus,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const request = requestOrThrow(
        context.world.state,
        str(input, 'AccountAssignmentCreationRequestId'),
        'ASSIGNMENT_CREATION',
      );

      return {
        AccountAssignmentCreationStatus: assignmentStatus(
          context.world,
          request,
        ),
      };
    },
  },

  DescribeAccountAssignmentDeletionStatus: {
    input: INPUTS.DescribeAccountAssignmentDeletionStatus,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const request = requestOrThrow(
        context.world.state,
        str(input, 'AccountAssignmentDeletionRequestId'),
        'ASSIGNMENT_DELETION',
      );

      return {
        AccountAssignmentDeletionStatus: assignmentStatus(
          context.world,
          request,
        ),
      };
    },
  },

  ListAccountAssignmentCreationStatus: {
    input: INPUTS.ListAccountAssignmentCreationStatus,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const list = statusMetadata(context, 'ASSIGNMENT_CREATION', input);
      const page = pageOf(context, 'ListCreationStatus', list, input);

      return {
        AccountAssignmentsCreationStatus: page.items,
        NextToken: page.nextToken,
      };
    },
  },

  ListAccountAssignmentDeletionStatus: {
    input: INPUTS.ListAccountAssignmentDeletionStatus,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const list = statusMetadata(context, 'ASSIGNMENT_DELETION', input);
      const page = pageOf(context, 'ListDeletionStatus', list, input);

      return {
        AccountAssignmentsDeletionStatus: page.items,
        NextToken: page.nextToken,
      };
    },
  },
};
