import {
  CreateAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribePermissionSetProvisioningStatusCommand,
  ProvisionPermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import { ssoAdmin } from './clients';
import { logger } from './logger';
import { toStatusEvidence } from './status';
import type { PendingWrite, Principal, Request, StatusEvidence } from './types';

/**
 * The only writes the healer makes, and the reads of their status. Both
 * writes are asynchronous in AWS: they return a request id whose status
 * is read until it leaves `IN_PROGRESS`. Nothing here deletes anything.
 */

/**
 * Provisions the permission set to the request's account, and to that
 * account only: never `ALL_PROVISIONED_ACCOUNTS`, which would touch every
 * account the permission set reaches.
 */
export const provisionToAccount = async (
  request: Request,
): Promise<StatusEvidence> => {
  const { PermissionSetProvisioningStatus: status } = await ssoAdmin().send(
    new ProvisionPermissionSetCommand({
      InstanceArn: request.instanceArn,
      PermissionSetArn: request.permissionSetArn,
      TargetType: 'AWS_ACCOUNT',
      TargetId: request.accountId,
    }),
  );
  const result = toStatusEvidence(status);
  logger.info('permission set provisioning requested', {
    operation: 'ProvisionPermissionSet',
    ...result,
  });

  return result;
};

/**
 * Creates the assignment again with the same six fields as the original
 * call.
 */
export const createAssignment = async (
  request: Request & { readonly principal: Principal },
): Promise<StatusEvidence> => {
  const { AccountAssignmentCreationStatus: status } = await ssoAdmin().send(
    new CreateAccountAssignmentCommand({
      InstanceArn: request.instanceArn,
      TargetId: request.accountId,
      TargetType: 'AWS_ACCOUNT',
      PermissionSetArn: request.permissionSetArn,
      PrincipalType: request.principal.type,
      PrincipalId: request.principal.id,
    }),
  );
  const result = toStatusEvidence(status);
  logger.info('assignment creation requested', {
    operation: 'CreateAccountAssignment',
    ...result,
  });

  return result;
};

/** Reads the status of a write by its kind and request id. */
export const readWriteStatus = async (
  instanceArn: string,
  kind: PendingWrite['kind'],
  requestId: string,
): Promise<StatusEvidence> => {
  if (kind === 'PROVISIONING') {
    const { PermissionSetProvisioningStatus: status } = await ssoAdmin().send(
      new DescribePermissionSetProvisioningStatusCommand({
        InstanceArn: instanceArn,
        ProvisionPermissionSetRequestId: requestId,
      }),
    );

    return toStatusEvidence(status, requestId);
  }

  const { AccountAssignmentCreationStatus: status } = await ssoAdmin().send(
    new DescribeAccountAssignmentCreationStatusCommand({
      InstanceArn: instanceArn,
      AccountAssignmentCreationRequestId: requestId,
    }),
  );

  return toStatusEvidence(status, requestId);
};
