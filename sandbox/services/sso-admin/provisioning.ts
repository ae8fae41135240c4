import { ServiceError } from '../../protocols/service-error';
import { inProgress, submitRequest } from '../../world/requests';
import { provisionKey, type WorldState } from '../../world/state';
import type { Operation } from '../service';
import {
  accountOrThrow,
  checkInstance,
  pageOf,
  permissionSetOrThrow,
  provisioningStatus,
  requestOrThrow,
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
  ListPermissionSetsProvisionedToAccount: {
    input: INPUTS.ListPermissionSetsProvisionedToAccount,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const state = context.world.state;
      const accountId = str(input, 'AccountId');
      const filter = input.ProvisioningStatus as ProvisioningFilter;
      const arns = [...state.permissionSets.values()]
        .filter((ps) => {
          const version = state.provisioned.get(provisionKey(ps.id, accountId));

          return version !== undefined && passes(filter, version, ps.version);
        })
        .map((ps) => ps.arn);
      const scope = `ProvisionedToAccount:${accountId}:${filter ?? '*'}`;
      const page = pageOf(context, scope, arns, input);

      return { PermissionSets: page.items, NextToken: page.nextToken };
    },
  },

  ListAccountsForProvisionedPermissionSet: {
    input: INPUTS.ListAccountsForProvisionedPermissionSet,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const state = context.world.state;
      const ps = permissionSetOrThrow(state, str(input, 'PermissionSetArn'));
      const filter = input.ProvisioningStatus as ProvisioningFilter;
      const ids = provisionedAccounts(state, ps.id)
        .filter(({ version }) => passes(filter, version, ps.version))
        .map(({ accountId }) => accountId);
      const page = pageOf(
        context,
        `AccountsFor:${ps.id}:${filter ?? '*'}`,
        ids,
        input,
      );

      return { AccountIds: page.items, NextToken: page.nextToken };
    },
  },

  ProvisionPermissionSet: {
    input: INPUTS.ProvisionPermissionSet,
    write: true,
    handler: (input, context) => {
      const { world } = context;
      checkInstance(world, input);
      const state = world.state;
      const ps = permissionSetOrThrow(state, str(input, 'PermissionSetArn'));
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
        throw new ServiceError(
          'ConflictException',
          'There is a conflicting operation in process.',
        );
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

  DescribePermissionSetProvisioningStatus: {
    input: INPUTS.DescribePermissionSetProvisioningStatus,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const request = requestOrThrow(
        context.world.state,
        str(input, 'ProvisionPermissionSetRequestId'),
        'PROVISIONING',
      );

      return {
        PermissionSetProvisioningStatus: provisioningStatus(
          context.world,
          request,
        ),
      };
    },
  },

  ListPermissionSetProvisioningStatus: {
    input: INPUTS.ListPermissionSetProvisioningStatus,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const list = statusMetadata(context, 'PROVISIONING', input);
      const page = pageOf(context, 'ListProvisioningStatus', list, input);

      return {
        PermissionSetsProvisioningStatus: page.items,
        NextToken: page.nextToken,
      };
    },
  },
};
