import { ServiceError } from '../../protocols/service-error';
import { inProgress, submitRequest } from '../../world/requests';
import { provisionKey, type WorldState } from '../../world/state';
import type { Operation } from '../service';
import {
  accountOrThrow,
  checkInstance,
  conflictError,
  describeStatusOperation,
  listOperation,
  permissionSetOf,
  provisioningStatus,
  statusMetadata,
  str,
} from './common';
import { SSO_ADMIN_INPUTS as INPUTS } from './shapes';

type ProvisioningFilter =
  | 'LATEST_PERMISSION_SET_PROVISIONED'
  | 'LATEST_PERMISSION_SET_NOT_PROVISIONED'
  | undefined;

/** Whether a provisioned version passes a `ProvisioningStatus` filter. */
const passes = (
  filter: ProvisioningFilter,
  provisioned: number,
  latest: number,
): boolean =>
  filter === undefined ||
  (filter === 'LATEST_PERMISSION_SET_PROVISIONED'
    ? provisioned >= latest
    : provisioned < latest);

/** Provisioned versions of one permission set, by account id. */
const provisionedAccounts = (state: WorldState, permissionSetId: string) =>
  [...state.accounts.keys()].flatMap((accountId) => {
    const version = state.provisioned.get(
      provisionKey(permissionSetId, accountId),
    );

    return version === undefined ? [] : [{ accountId, version }];
  });

/** Provisioning of permission sets to accounts. */
export const provisioningOperations: Readonly<Record<string, Operation>> = {
  ListPermissionSetsProvisionedToAccount: listOperation({
    input: INPUTS.ListPermissionSetsProvisionedToAccount,
    output: 'PermissionSets',
    list: (input, world) => {
      const state = world.state;
      const accountId = str(input, 'AccountId');
      const filter = input.ProvisioningStatus as ProvisioningFilter;

      return {
        scope: `ProvisionedToAccount:${accountId}:${filter ?? '*'}`,
        items: [...state.permissionSets.values()]
          .filter((ps) => {
            const key = provisionKey(ps.id, accountId);
            const version = state.provisioned.get(key);

            return version !== undefined && passes(filter, version, ps.version);
          })
          .map((ps) => ps.arn),
      };
    },
  }),

  ListAccountsForProvisionedPermissionSet: listOperation({
    input: INPUTS.ListAccountsForProvisionedPermissionSet,
    output: 'AccountIds',
    list: (input, world) => {
      const state = world.state;
      const ps = permissionSetOf(state, input);
      const filter = input.ProvisioningStatus as ProvisioningFilter;

      return {
        scope: `AccountsFor:${ps.id}:${filter ?? '*'}`,
        items: provisionedAccounts(state, ps.id)
          .filter(({ version }) => passes(filter, version, ps.version))
          .map(({ accountId }) => accountId),
      };
    },
  }),

  ProvisionPermissionSet: {
    input: INPUTS.ProvisionPermissionSet,
    write: true,
    handler: (input, context) => {
      const { world } = context;
      checkInstance(world, input);
      const state = world.state;
      const ps = permissionSetOf(state, input);
      const toAccount = str(input, 'TargetType') === 'AWS_ACCOUNT';
      const accountId = toAccount ? str(input, 'TargetId') : undefined;

      if (toAccount && !accountId) {
        throw new ServiceError(
          'ValidationException',
          'TargetId is required when TargetType is AWS_ACCOUNT',
        );
      }
      if (accountId) {
        accountOrThrow(state, accountId);
      }
      // One update of a role at a time: a second provisioning of the same
      // permission set to the same account conflicts with the first.
      const clash = inProgress(
        state,
        'PROVISIONING',
        (r) =>
          r.permissionSetArn === ps.arn &&
          (r.accountId === undefined ||
            accountId === undefined ||
            r.accountId === accountId),
      );
      if (clash.length > 0) {
        throw conflictError();
      }

      const request = submitRequest(
        state,
        'PROVISIONING',
        { permissionSetArn: ps.arn, accountId },
        world.nowMs(),
      );

      return {
        PermissionSetProvisioningStatus: provisioningStatus(world, request),
      };
    },
  },

  DescribePermissionSetProvisioningStatus: describeStatusOperation({
    input: INPUTS.DescribePermissionSetProvisioningStatus,
    requestId: 'ProvisionPermissionSetRequestId',
    kind: 'PROVISIONING',
    output: 'PermissionSetProvisioningStatus',
    shape: provisioningStatus,
  }),

  ListPermissionSetProvisioningStatus: listOperation({
    input: INPUTS.ListPermissionSetProvisioningStatus,
    output: 'PermissionSetsProvisioningStatus',
    list: (input, world) => ({
      scope: 'ListProvisioningStatus',
      items: statusMetadata(world, 'PROVISIONING', input),
    }),
  }),
};
