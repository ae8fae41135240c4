import { ServiceError } from '../../protocols/service-error';
import { putInlinePolicy } from '../../world/world-changes';
import { grammarFindings } from '../access-analyzer/policy-grammar';
import type { Operation } from '../service';
import {
  checkInstance,
  listOperation,
  notFound,
  pageOf,
  permissionSetOf,
  str,
} from './common';
import { SSO_ADMIN_INPUTS as INPUTS } from './shapes';

const NON_WHITESPACE_LIMIT = 10_240;

/** Instances, permission sets and their policies. */
export const permissionSetOperations: Readonly<Record<string, Operation>> = {
  // The one list that names no instance, so it is not a `listOperation`.
  ListInstances: {
    input: INPUTS.ListInstances,
    handler: (input, context) => {
      const { instance, managementAccountId } = context.world.state;
      const page = pageOf(context, 'ListInstances', [instance], input);

      return {
        Instances: page.items.map((i) => ({
          InstanceArn: i.arn,
          IdentityStoreId: i.identityStoreId,
          OwnerAccountId: managementAccountId,
          Name: i.name,
          CreatedDate: i.createdEpochMs / 1000,
          Status: 'ACTIVE',
        })),
        NextToken: page.nextToken,
      };
    },
  },

  ListPermissionSets: listOperation({
    input: INPUTS.ListPermissionSets,
    output: 'PermissionSets',
    list: (_input, world) => ({
      scope: 'ListPermissionSets',
      items: [...world.state.permissionSets.values()].map((p) => p.arn),
    }),
  }),

  DescribePermissionSet: {
    input: INPUTS.DescribePermissionSet,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const ps = permissionSetOf(context.world.state, input);

      return {
        PermissionSet: {
          Name: ps.name,
          PermissionSetArn: ps.arn,
          Description: ps.description,
          CreatedDate: ps.createdEpochMs / 1000,
          SessionDuration: ps.sessionDuration,
          RelayState: ps.relayState,
        },
      };
    },
  },

  GetInlinePolicyForPermissionSet: {
    input: INPUTS.GetInlinePolicyForPermissionSet,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const ps = permissionSetOf(context.world.state, input);

      return { InlinePolicy: ps.inlinePolicy };
    },
  },

  PutInlinePolicyToPermissionSet: {
    input: INPUTS.PutInlinePolicyToPermissionSet,
    write: true,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const ps = permissionSetOf(context.world.state, input);
      const policy = str(input, 'InlinePolicy');

      const size = Buffer.byteLength(policy.replace(/\s/g, ''), 'utf8');
      if (size > NON_WHITESPACE_LIMIT) {
        throw new ServiceError(
          'ValidationException',
          'Current size of the non-whitespace characters present in the ' +
            `InlinePolicy Document is ${size} bytes which has exceeded the ` +
            `maximum limit of ${NON_WHITESPACE_LIMIT} bytes`,
        );
      }
      const { findings } = grammarFindings(policy, 'IDENTITY_POLICY');
      if (findings.some((f) => f.findingType === 'ERROR')) {
        throw new ServiceError(
          'ValidationException',
          'Invalid PermissionsPolicy Document',
        );
      }
      putInlinePolicy(ps, policy);

      return {};
    },
  },

  ListManagedPoliciesInPermissionSet: listOperation({
    input: INPUTS.ListManagedPoliciesInPermissionSet,
    output: 'AttachedManagedPolicies',
    list: (input, world) => {
      const ps = permissionSetOf(world.state, input);

      return {
        scope: `ListManagedPolicies:${ps.id}`,
        items: ps.managedPolicyArns.map((arn) => ({
          Name: arn.slice(arn.lastIndexOf('/') + 1),
          Arn: arn,
        })),
      };
    },
  }),

  ListCustomerManagedPolicyReferencesInPermissionSet: listOperation({
    input: INPUTS.ListCustomerManagedPolicyReferencesInPermissionSet,
    output: 'CustomerManagedPolicyReferences',
    list: (input, world) => {
      const ps = permissionSetOf(world.state, input);

      return {
        scope: `ListCmp:${ps.id}`,
        items: ps.customerManagedPolicies.map((ref) => ({
          Name: ref.name,
          Path: ref.path,
        })),
      };
    },
  }),

  GetPermissionsBoundaryForPermissionSet: {
    input: INPUTS.GetPermissionsBoundaryForPermissionSet,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const ps = permissionSetOf(context.world.state, input);
      const boundary = ps.permissionsBoundary;
      if (!boundary) {
        throw notFound(
          `Could not find PermissionsBoundary for PermissionSet with id ${ps.id}`,
        );
      }

      return {
        PermissionsBoundary:
          'managedPolicyArn' in boundary
            ? { ManagedPolicyArn: boundary.managedPolicyArn }
            : {
                CustomerManagedPolicyReference: {
                  Name: boundary.customerManagedPolicy.name,
                  Path: boundary.customerManagedPolicy.path,
                },
              },
      };
    },
  },
};
