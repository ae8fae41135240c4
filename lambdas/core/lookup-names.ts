import { DescribeAccountCommand } from '@aws-sdk/client-organizations';
import { DescribePermissionSetCommand } from '@aws-sdk/client-sso-admin';
import { organizations, ssoAdmin } from './clients';
import { logger } from './logger';
import type { LookedUpNames } from './render/model';
import type { WorkflowState } from './types';

/**
 * Looks up the account and permission set names that the evidence lacks,
 * so that the report can name them. Best effort: a failed lookup costs a
 * name, never the report.
 */
export const lookUpNames = async (
  state: WorkflowState,
): Promise<LookedUpNames> => {
  const { request, verdict } = state;
  if (!request) {
    return {};
  }

  const evidence = verdict?.evidence;
  const [accountName, permissionSetName] = await Promise.all([
    evidence?.account?.name || evidence?.missing === 'ACCOUNT'
      ? undefined
      : organizations()
          .send(new DescribeAccountCommand({ AccountId: request.accountId }))
          .then((output) => output.Account?.Name)
          .catch((error: unknown) => {
            logger.warn('account name lookup failed', { error });

            return undefined;
          }),
    evidence?.permissionSet?.name || evidence?.missing === 'PERMISSION_SET'
      ? undefined
      : ssoAdmin()
          .send(
            new DescribePermissionSetCommand({
              InstanceArn: request.instanceArn,
              PermissionSetArn: request.permissionSetArn,
            }),
          )
          .then((output) => output.PermissionSet?.Name)
          .catch((error: unknown) => {
            logger.warn('permission set name lookup failed', { error });

            return undefined;
          }),
  ]);

  return {
    ...(accountName ? { accountName } : {}),
    ...(permissionSetName ? { permissionSetName } : {}),
  };
};
