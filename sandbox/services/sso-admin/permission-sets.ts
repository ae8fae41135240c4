import { ServiceError } from '../../protocols/service-error';
import { putInlinePolicy } from '../../world/world-changes';
import { grammarFindings } from '../access-analyzer/policy-grammar';
import type { Operation } from '../service';
import {
  checkInstance,
  notFound,
  pageOf,
  permissionSetOrThrow,
  str,
} from './common';
import { SSO_ADMIN_INPUTS as INPUTS } from './shapes';

const NON_WHITESPACE_LIMIT = 10_240;

/** Instances, permission sets and their policies. */
export const permissionSetOperations: Readonly<Record<string, Operation>> = {
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

  ListPermissionSets: {
    input: INPUTS.ListPermissionSets,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const arns = [...context.world.state.permissionSets.values()].map(
        (p) => p.arn,
      );
      const page = pageOf(context, 'ListPermissionSets', arns, input);

      return { PermissionSets: page.items, NextToken: page.nextToken };
    },
  },

  DescribePermissionSet: {
    input: INPUTS.DescribePermissionSet,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const ps = permissionSetOrThrow(
        context.world.state,
        str(input, 'PermissionSetArn'),
      );

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
      const ps = permissionSetOrThrow(
        context.world.state,
        str(input, 'PermissionSetArn'),
      );

      return { InlinePolicy: ps.inlinePolicy };
    },
  },

  PutInlinePolicyToPermissionSet: {
    input: INPUTS.PutInlinePolicyToPermissionSet,
    write: true,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const ps = permissionSetOrThrow(
        context.world.state,
        str(input, 'PermissionSetArn'),
      );
      const policy = str(input, 'InlinePolicy');

      const size = Buffer.byteLength(policy.replace(/\s/g, ''), 'utf8');
      if (size > NON_WHITESPACE_LIMIT) {
        throw new ServiceError(
          'ValidationException',
          `Current size of the non-whitespace characters present in the InlinePolicy Document is ${size} bytes which has exceeded the maximum limit of ${NON_WHITESPACE_LIMIT} bytes`,
        );
      }
      const errors = grammarFindings(policy, 'IDENTITY_POLICY').findings.filter(
        (f) => f.findingType === 'ERROR',
      );
      if (errors.length > 0) {
        throw new ServiceError(
          'ValidationException',
          'Invalid PermissionsPolicy Document',
        );
      }
      putInlinePolicy(ps, policy);

      return {};
    },
  },

  ListManagedPoliciesInPermissionSet: {
    input: INPUTS.ListManagedPoliciesInPermissionSet,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const ps = permissionSetOrThrow(
        context.world.state,
        str(input, 'PermissionSetArn'),
      );
      const page = pageOf(
        context,
        `ListManagedPolicies:${ps.id}`,
        ps.managedPolicyArns,
        input,
      );

      return {
        AttachedManagedPolicies: page.items.map((arn) => ({
          Name: arn.slice(arn.lastIndexOf('/') + 1),
          Arn: arn,
        })),
        NextToken: page.nextToken,
      };
    },
  },

  ListCustomerManagedPolicyReferencesInPermissionSet: {
    input: INPUTS.ListCustomerManagedPolicyReferencesInPermissionSet,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const ps = permissionSetOrThrow(
        context.world.state,
        str(input, 'PermissionSetArn'),
      );
      const page = pageOf(
        context,
        `ListCmp:${ps.id}`,
        ps.customerManagedPolicies,
        input,
      );

      return {
        CustomerManagedPolicyReferences: page.items.map((ref) => ({
          Name: ref.name,
          Path: ref.path,
        })),
        NextToken: page.nextToken,
      };
    },
  },

  GetPermissionsBoundaryForPermissionSet: {
    input: INPUTS.GetPermissionsBoundaryForPermissionSet,
    handler: (input, context) => {
      checkInstance(context.world, input);
      const ps = permissionSetOrThrow(
        context.world.state,
        str(input, 'PermissionSetArn'),
      );
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
