import {
  DescribeGroupCommand,
  DescribeUserCommand,
  ListGroupMembershipsForMemberCommand,
} from '@aws-sdk/client-identitystore';
import { ListInstancesCommand } from '@aws-sdk/client-sso-admin';
import { identityStore, ssoAdmin } from './clients';
import { hasErrorName } from './errors';
import { readAllPages } from './paginate';
import type { Principal } from './types';

/**
 * Reads users, groups and group memberships from the identity store of
 * the Identity Center instance.
 */

/**
 * The identity store of the instance: the configured one, or else the one
 * that `ListInstances` names. `undefined` when no instance has the ARN.
 */
export const findIdentityStoreId = async (
  instanceArn: string,
  configured: string | undefined,
): Promise<string | undefined> => {
  if (configured) {
    return configured;
  }

  const instances = await readAllPages(async (NextToken) => {
    const page = await ssoAdmin().send(new ListInstancesCommand({ NextToken }));

    return { items: page.Instances, nextToken: page.NextToken };
  });

  return instances.find((instance) => instance.InstanceArn === instanceArn)
    ?.IdentityStoreId;
};

/** What the identity store knows of a principal. */
export interface PrincipalRecord {
  readonly exists: boolean;
  readonly displayName?: string;
}

/**
 * Looks a user or group up. A principal that the identity store does not
 * know is an answer (`exists: false`), not an error.
 */
export const describePrincipal = async (
  identityStoreId: string,
  principal: Principal,
): Promise<PrincipalRecord> => {
  try {
    if (principal.type === 'USER') {
      const user = await identityStore().send(
        new DescribeUserCommand({
          IdentityStoreId: identityStoreId,
          UserId: principal.id,
        }),
      );
      const displayName = user.DisplayName || user.UserName;

      return { exists: true, ...(displayName ? { displayName } : {}) };
    }

    const group = await identityStore().send(
      new DescribeGroupCommand({
        IdentityStoreId: identityStoreId,
        GroupId: principal.id,
      }),
    );

    return {
      exists: true,
      ...(group.DisplayName ? { displayName: group.DisplayName } : {}),
    };
  } catch (error) {
    if (hasErrorName(error, 'ResourceNotFoundException')) {
      return { exists: false };
    }

    throw error;
  }
};

/** The ids of every group the user is a direct member of. */
export const listGroupIdsOfUser = async (
  identityStoreId: string,
  userId: string,
): Promise<string[]> => {
  const memberships = await readAllPages(async (NextToken) => {
    const page = await identityStore().send(
      new ListGroupMembershipsForMemberCommand({
        IdentityStoreId: identityStoreId,
        MemberId: { UserId: userId },
        NextToken,
      }),
    );

    return { items: page.GroupMemberships, nextToken: page.NextToken };
  });

  return memberships.flatMap((membership) =>
    membership.GroupId ? [membership.GroupId] : [],
  );
};
