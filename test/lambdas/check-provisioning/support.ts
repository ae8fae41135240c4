import {
  DescribeUserCommand,
  type IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import {
  DescribeAccountCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  type AccountAssignmentOperationStatus,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribePermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  type SSOAdminClient,
  type StatusValues,
} from '@aws-sdk/client-sso-admin';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import {
  ACCOUNT_ID,
  CREATION_REQUEST_ID,
  IDENTITY_STORE_ID,
  PERMISSION_SET_ARN,
  USER_ID,
} from '../core/workflow-fixtures';

/**
 * The AWS that "Check provisioning" reads, as the mocked clients of a
 * suite answer it.
 */

/** The mocked clients of the reads that the check makes. */
export interface CheckMocks {
  readonly ssoAdmin: AwsClientStub<SSOAdminClient>;
  readonly organizations: AwsClientStub<OrganizationsClient>;
  readonly identityStore: AwsClientStub<IdentitystoreClient>;
}

/** The `$metadata` that an SDK exception needs; the tests read none. */
export const metadata = { $metadata: {} };

/** The status of the recorded creation, for the user of the fixtures. */
export const creationStatus = (
  Status: StatusValues,
  extra: Partial<AccountAssignmentOperationStatus> = {},
) => ({
  AccountAssignmentCreationStatus: {
    Status,
    RequestId: CREATION_REQUEST_ID,
    TargetId: ACCOUNT_ID,
    TargetType: 'AWS_ACCOUNT' as const,
    PermissionSetArn: PERMISSION_SET_ARN,
    PrincipalType: 'USER' as const,
    PrincipalId: USER_ID,
    CreatedDate: new Date('2026-05-04T09:30:01.000Z'),
    ...extra,
  },
});

/** An assignment of the permission set to the account, as listed. */
export const assignment = (
  PrincipalType: 'USER' | 'GROUP',
  PrincipalId: string,
) => ({
  AccountId: ACCOUNT_ID,
  PermissionSetArn: PERMISSION_SET_ARN,
  PrincipalType,
  PrincipalId,
});

/**
 * Answers every read as for a healthy assignment of the user, created
 * with success; each test then changes one fact.
 */
export const givenHealthyAssignment = ({
  ssoAdmin,
  organizations,
  identityStore,
}: CheckMocks): void => {
  organizations.on(DescribeAccountCommand).resolves({
    Account: {
      Id: ACCOUNT_ID,
      Name: 'Production',
      Email: 'production@example.com',
      State: 'ACTIVE',
    },
  });
  ssoAdmin.on(DescribePermissionSetCommand).resolves({
    PermissionSet: {
      Name: 'DataReadOnly',
      PermissionSetArn: PERMISSION_SET_ARN,
    },
  });
  ssoAdmin
    .on(DescribeAccountAssignmentCreationStatusCommand)
    .resolves(creationStatus('SUCCEEDED'));
  identityStore.on(DescribeUserCommand).resolves({
    IdentityStoreId: IDENTITY_STORE_ID,
    UserId: USER_ID,
    UserName: 'jane.doe@example.com',
    DisplayName: 'Jane Doe',
  });
  ssoAdmin
    .on(ListAccountAssignmentsCommand)
    .resolves({ AccountAssignments: [assignment('USER', USER_ID)] });
  ssoAdmin
    .on(ListPermissionSetsProvisionedToAccountCommand)
    .resolves({ PermissionSets: [PERMISSION_SET_ARN] });
  ssoAdmin
    .on(ListPermissionSetsProvisionedToAccountCommand, {
      ProvisioningStatus: 'LATEST_PERMISSION_SET_NOT_PROVISIONED',
    })
    .resolves({ PermissionSets: [] });
};
