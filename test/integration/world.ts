import {
  DescribeGroupCommand,
  DescribeUserCommand,
  ResourceNotFoundException as IdentityStoreNotFoundException,
  ListGroupMembershipsForMemberCommand,
} from '@aws-sdk/client-identitystore';
import {
  AccountNotFoundException,
  DescribeAccountCommand,
} from '@aws-sdk/client-organizations';
import {
  CreateAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribePermissionSetCommand,
  DescribePermissionSetProvisioningStatusCommand,
  ListAccountAssignmentsCommand,
  ListInstancesCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  ProvisionPermissionSetCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-sso-admin';
import type {
  AccountState,
  AsyncStatus,
  Principal,
} from '../../lambdas/core/types';
import {
  ACCOUNT_ID,
  CREATION_REQUEST_ID,
  GROUP_ID,
  IDENTITY_STORE_ID,
  INSTANCE_ARN,
  PERMISSION_SET_ARN,
  PROVISION_REQUEST_ID,
  RECREATE_REQUEST_ID,
  USER_ID,
} from '../lambdas/core/workflow-fixtures';
import { type AwsMocks, type Fault, faultInjector } from './aws-mocks';
import { answerPolicies, type PolicyWorld } from './world-policies';

/**
 * AWS as the workflow sees it, described declaratively by a test and
 * played by the mocked clients.
 */

export const ACCOUNT_NAME = 'Data Lake Prod';

export const PERMISSION_SET_NAME = 'DataAnalyst';

export const GROUP_NAME = 'Data engineers';

export const USER_NAME = 'jane.doe';

/** A sequence of statuses, one per read; the last one repeats. */
export interface StatusScript {
  readonly statuses: readonly [AsyncStatus, ...AsyncStatus[]];
  /** The `FailureReason` of a `FAILED` status. */
  readonly failureReason?: string;
}

/** What AWS looks like to the workflow; every member has a default. */
export interface World extends PolicyWorld {
  /** Organizations `State`; `UNKNOWN` for an account it does not know. */
  readonly accountState?: AccountState | 'UNKNOWN';
  /** The permission set is provisioned to the account at any version. */
  readonly provisioned?: boolean;
  /** It is provisioned, but not at its latest version. */
  readonly outdated?: boolean;
  /**
   * The principals assigned to the account with the permission set.
   * @default the group of the event and the user of the fixtures
   */
  readonly assignments?: readonly Principal[];
  /** Groups that the user of the fixtures is a member of. */
  readonly memberships?: readonly string[];
  /** False when the identity store does not know the principal. */
  readonly principalExists?: boolean;
  /** False when the permission set was deleted. */
  readonly permissionSetExists?: boolean;
  /** Statuses of the original `CreateAccountAssignment` request. */
  readonly creation?: StatusScript;
  /** `ProvisionPermissionSet`'s answer, then each status read. */
  readonly provisioning?: StatusScript;
  /**
   * A provisioning that succeeds provisions the latest version; false
   * for one that AWS reports done but that the account never shows.
   * @default true
   */
  readonly provisioningTakesEffect?: boolean;
  /** The healer's `CreateAccountAssignment` answer, then each read. */
  readonly recreation?: StatusScript;
  readonly faults?: readonly Fault[];
}

const script = (
  statuses: StatusScript,
): (() => { Status: AsyncStatus; FailureReason?: string }) => {
  let reads = 0;

  return () => {
    const Status =
      statuses.statuses[Math.min(reads, statuses.statuses.length - 1)] ??
      'SUCCEEDED';
    reads += 1;

    return Status === 'FAILED' && statuses.failureReason
      ? { Status, FailureReason: statuses.failureReason }
      : { Status };
  };
};

const ASSIGNED: readonly Principal[] = [
  { type: 'GROUP', id: GROUP_ID },
  { type: 'USER', id: USER_ID },
];

/**
 * Configures the mocks as the world describes. The world changes as AWS
 * would: a provisioning that succeeds provisions the latest version, a
 * re-creation that succeeds makes the assignment exist.
 */
export const setUpWorld = (mocks: AwsMocks, world: World = {}): void => {
  const now = {
    provisioned: world.provisioned ?? true,
    outdated: world.outdated ?? false,
    assignments: [...(world.assignments ?? ASSIGNED)],
  };
  const notFound = (what: string) =>
    new ResourceNotFoundException({
      message: `${what} not found.`,
      $metadata: {},
    });
  const principalNotFound = (what: string) => {
    if (world.principalExists === false) {
      throw new IdentityStoreNotFoundException({
        message: `${what} not found.`,
        ResourceType: what === 'User' ? 'USER' : 'GROUP',
        $metadata: {},
      });
    }
  };
  const faulted = faultInjector(world.faults);

  const creation = script(world.creation ?? { statuses: ['SUCCEEDED'] });
  const provisioning = script(
    world.provisioning ?? { statuses: ['IN_PROGRESS', 'SUCCEEDED'] },
  );
  const recreation = script(
    world.recreation ?? { statuses: ['IN_PROGRESS', 'SUCCEEDED'] },
  );
  let recreated: Principal | undefined;

  const provisioningStatus = () => {
    const status = provisioning();
    if (
      status.Status === 'SUCCEEDED' &&
      world.provisioningTakesEffect !== false
    ) {
      now.provisioned = true;
      now.outdated = false;
    }

    return {
      PermissionSetProvisioningStatus: {
        ...status,
        RequestId: PROVISION_REQUEST_ID,
        AccountId: ACCOUNT_ID,
        PermissionSetArn: PERMISSION_SET_ARN,
        CreatedDate: new Date('2026-05-04T09:34:00.000Z'),
      },
    };
  };
  const creationStatus = (
    requestId: string,
    status: { Status: AsyncStatus; FailureReason?: string },
    principal: Principal,
  ) => ({
    AccountAssignmentCreationStatus: {
      ...status,
      RequestId: requestId,
      TargetId: ACCOUNT_ID,
      TargetType: 'AWS_ACCOUNT' as const,
      PermissionSetArn: PERMISSION_SET_ARN,
      PrincipalType: principal.type,
      PrincipalId: principal.id,
    },
  });
  const recreationStatus = () => {
    const status = recreation();
    if (status.Status === 'SUCCEEDED' && recreated) {
      now.assignments.push(recreated);
    }

    return creationStatus(
      RECREATE_REQUEST_ID,
      status,
      recreated ?? { type: 'GROUP', id: GROUP_ID },
    );
  };

  mocks.organizations.on(DescribeAccountCommand).callsFake(
    faulted(DescribeAccountCommand, () => {
      if (world.accountState === 'UNKNOWN') {
        throw new AccountNotFoundException({
          message: "You specified an account that doesn't exist.",
          $metadata: {},
        });
      }

      return {
        Account: {
          Id: ACCOUNT_ID,
          Name: ACCOUNT_NAME,
          Email: 'aws-data-lake-prod@example.com',
          State: world.accountState ?? 'ACTIVE',
        },
      };
    }),
  );

  const sso = mocks.ssoAdmin;
  sso.on(ListInstancesCommand).callsFake(
    faulted(ListInstancesCommand, () => ({
      Instances: [
        { InstanceArn: INSTANCE_ARN, IdentityStoreId: IDENTITY_STORE_ID },
      ],
    })),
  );
  sso.on(DescribePermissionSetCommand).callsFake(
    faulted(DescribePermissionSetCommand, () => {
      if (world.permissionSetExists === false) {
        throw notFound('Permission set');
      }

      return {
        PermissionSet: {
          Name: PERMISSION_SET_NAME,
          PermissionSetArn: PERMISSION_SET_ARN,
        },
      };
    }),
  );
  sso.on(DescribeAccountAssignmentCreationStatusCommand).callsFake(
    faulted(
      DescribeAccountAssignmentCreationStatusCommand,
      (input: { AccountAssignmentCreationRequestId?: string }) => {
        const id = input.AccountAssignmentCreationRequestId;
        if (id === CREATION_REQUEST_ID) {
          return creationStatus(id, creation(), {
            type: 'GROUP',
            id: GROUP_ID,
          });
        }
        if (id === RECREATE_REQUEST_ID && recreated) {
          return recreationStatus();
        }

        throw notFound(`Request ${id}`);
      },
    ),
  );
  sso.on(ListAccountAssignmentsCommand).callsFake(
    faulted(ListAccountAssignmentsCommand, () => ({
      AccountAssignments: now.assignments.map((principal) => ({
        AccountId: ACCOUNT_ID,
        PermissionSetArn: PERMISSION_SET_ARN,
        PrincipalType: principal.type,
        PrincipalId: principal.id,
      })),
    })),
  );
  sso.on(ListPermissionSetsProvisionedToAccountCommand).callsFake(
    faulted(
      ListPermissionSetsProvisionedToAccountCommand,
      (input: { ProvisioningStatus?: string }) => {
        const listed =
          input.ProvisioningStatus === 'LATEST_PERMISSION_SET_NOT_PROVISIONED'
            ? now.provisioned && now.outdated
            : now.provisioned;

        return { PermissionSets: listed ? [PERMISSION_SET_ARN] : [] };
      },
    ),
  );
  sso
    .on(ProvisionPermissionSetCommand)
    .callsFake(faulted(ProvisionPermissionSetCommand, provisioningStatus));
  sso
    .on(DescribePermissionSetProvisioningStatusCommand)
    .callsFake(
      faulted(
        DescribePermissionSetProvisioningStatusCommand,
        provisioningStatus,
      ),
    );
  sso.on(CreateAccountAssignmentCommand).callsFake(
    faulted(
      CreateAccountAssignmentCommand,
      (input: { PrincipalType?: 'USER' | 'GROUP'; PrincipalId?: string }) => {
        recreated = {
          type: input.PrincipalType ?? 'GROUP',
          id: input.PrincipalId ?? '',
        };

        return recreationStatus();
      },
    ),
  );
  mocks.identityStore.on(DescribeGroupCommand).callsFake(
    faulted(DescribeGroupCommand, () => {
      principalNotFound('Group');

      return {
        GroupId: GROUP_ID,
        DisplayName: GROUP_NAME,
        IdentityStoreId: IDENTITY_STORE_ID,
      };
    }),
  );
  mocks.identityStore.on(DescribeUserCommand).callsFake(
    faulted(DescribeUserCommand, () => {
      principalNotFound('User');

      return {
        UserId: USER_ID,
        UserName: USER_NAME,
        IdentityStoreId: IDENTITY_STORE_ID,
      };
    }),
  );
  mocks.identityStore.on(ListGroupMembershipsForMemberCommand).callsFake(
    faulted(ListGroupMembershipsForMemberCommand, () => ({
      GroupMemberships: (world.memberships ?? []).map((GroupId) => ({
        GroupId,
        IdentityStoreId: IDENTITY_STORE_ID,
        MemberId: { UserId: USER_ID },
      })),
    })),
  );

  answerPolicies(mocks, world, faulted);
};
