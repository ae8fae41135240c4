import { DescribeAccountCommand } from '@aws-sdk/client-organizations';
import {
  DescribeAccountAssignmentCreationStatusCommand,
  DescribePermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  type ProvisioningStatus,
} from '@aws-sdk/client-sso-admin';
import { lastSegment } from './arns';
import { organizations, ssoAdmin } from './clients';
import { hasErrorName } from './errors';
import { logger } from './logger';
import { readAllPages } from './paginate';
import { withoutUndefined } from './state';
import { toStatusEvidence } from './status';
import type {
  AccountState,
  Evidence,
  Principal,
  Request,
  StatusEvidence,
} from './types';

/**
 * The read-only calls behind the evidence of "Check provisioning", one
 * function per question. A resource that does not exist is an answer;
 * every other error propagates, so Step Functions can retry it by name.
 */

type AccountEvidence = NonNullable<Evidence['account']>;

type PermissionSetEvidence = NonNullable<Evidence['permissionSet']>;

/** Organizations' view of the account, and whether it knows the account. */
export const describeAccount = async (
  accountId: string,
): Promise<{ found: boolean; account: AccountEvidence }> => {
  try {
    const { Account: account } = await organizations().send(
      new DescribeAccountCommand({ AccountId: accountId }),
    );

    // `Status` retires in September 2026; its three values are also
    // values of `State`, so it maps onto it unchanged.
    return {
      found: true,
      account: withoutUndefined({
        id: accountId,
        name: account?.Name,
        email: account?.Email,
        state: (account?.State ?? account?.Status) as AccountState | undefined,
      }),
    };
  } catch (error) {
    if (hasErrorName(error, 'AccountNotFoundException')) {
      return { found: false, account: { id: accountId } };
    }

    throw error;
  }
};

/** The permission set, and whether it exists. */
export const describePermissionSet = async (
  request: Request,
): Promise<{ found: boolean; permissionSet: PermissionSetEvidence }> => {
  try {
    const { PermissionSet: permissionSet } = await ssoAdmin().send(
      new DescribePermissionSetCommand({
        InstanceArn: request.instanceArn,
        PermissionSetArn: request.permissionSetArn,
      }),
    );

    return {
      found: true,
      permissionSet: {
        arn: request.permissionSetArn,
        // A permission set that AWS describes exists, so it gets a name
        // even if the response had none.
        name: permissionSet?.Name ?? lastSegment(request.permissionSetArn),
      },
    };
  } catch (error) {
    if (hasErrorName(error, 'ResourceNotFoundException')) {
      return { found: false, permissionSet: { arn: request.permissionSetArn } };
    }

    throw error;
  }
};

/** The status of an assignment creation, with what it was about. */
export interface CreationRecord {
  readonly status: StatusEvidence;
  readonly accountId?: string;
  readonly permissionSetArn?: string;
  readonly principal?: Principal;
}

/**
 * The status of a `CreateAccountAssignment` request; `undefined` when the
 * instance does not know the request id (mistyped, or older than AWS
 * keeps statuses), which takes away only this piece of evidence.
 */
export const describeCreation = async (
  instanceArn: string,
  requestId: string,
): Promise<CreationRecord | undefined> => {
  try {
    const { AccountAssignmentCreationStatus: status } = await ssoAdmin().send(
      new DescribeAccountAssignmentCreationStatusCommand({
        InstanceArn: instanceArn,
        AccountAssignmentCreationRequestId: requestId,
      }),
    );

    return withoutUndefined({
      status: toStatusEvidence(status, requestId),
      accountId: status?.TargetId,
      permissionSetArn: status?.PermissionSetArn,
      principal:
        status?.PrincipalType && status.PrincipalId
          ? { type: status.PrincipalType, id: status.PrincipalId }
          : undefined,
    });
  } catch (error) {
    if (hasErrorName(error, 'ResourceNotFoundException')) {
      logger.warn('creation request not found', { requestId });

      return undefined;
    }

    throw error;
  }
};

/** Every principal assigned to the account with the permission set. */
export const listAssignedPrincipals = async (
  request: Request,
): Promise<Principal[]> => {
  const assignments = await readAllPages(async (NextToken) => {
    const page = await ssoAdmin().send(
      new ListAccountAssignmentsCommand({
        InstanceArn: request.instanceArn,
        AccountId: request.accountId,
        PermissionSetArn: request.permissionSetArn,
        NextToken,
      }),
    );

    return { items: page.AccountAssignments, nextToken: page.NextToken };
  });

  return assignments.flatMap((assignment) =>
    assignment.PrincipalType && assignment.PrincipalId
      ? [{ type: assignment.PrincipalType, id: assignment.PrincipalId }]
      : [],
  );
};

/**
 * The permission sets provisioned to the account: all of them, or only
 * those whose latest version is not provisioned there.
 */
export const listProvisionedPermissionSets = async (
  request: Request,
  provisioningStatus?: ProvisioningStatus,
): Promise<string[]> =>
  readAllPages(async (NextToken) => {
    const page = await ssoAdmin().send(
      new ListPermissionSetsProvisionedToAccountCommand({
        InstanceArn: request.instanceArn,
        AccountId: request.accountId,
        ProvisioningStatus: provisioningStatus,
        NextToken,
      }),
    );

    return { items: page.PermissionSets, nextToken: page.NextToken };
  });
