import {
  AccessAnalyzerClient,
  ValidatePolicyCommand,
} from '@aws-sdk/client-accessanalyzer';
import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListManagedPoliciesInPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { resetClients } from '../../../lambdas/core/clients';
import { StepInputError } from '../../../lambdas/core/errors';
import type { WorkflowState } from '../../../lambdas/core/types';
import { handler } from '../../../lambdas/validate-policies/index';
import {
  aState,
  aVerdict,
  CREATION_REQUEST_ID,
  FAILURE_REASONS,
  INSTANCE_ARN,
  PERMISSION_SET_ARN,
} from '../report/fixtures';

const ssoAdmin = mockClient(SSOAdminClient);
const analyzer = mockClient(AccessAnalyzerClient);

describe('validate-policies handler', () => {
  beforeEach(() => {
    ssoAdmin.on(DescribePermissionSetCommand).resolves({
      PermissionSet: { Name: 'AdministratorAccess' },
    });
    ssoAdmin
      .on(GetInlinePolicyForPermissionSetCommand)
      .resolves({ InlinePolicy: '' });
    ssoAdmin
      .on(ListManagedPoliciesInPermissionSetCommand)
      .resolves({ AttachedManagedPolicies: [] });
    ssoAdmin
      .on(ListCustomerManagedPolicyReferencesInPermissionSetCommand)
      .resolves({
        CustomerManagedPolicyReferences: [{ Name: 'DevBoundary', Path: '/' }],
      });
    ssoAdmin.on(GetPermissionsBoundaryForPermissionSetCommand).resolves({});
  });

  afterEach(() => {
    ssoAdmin.reset();
    analyzer.reset();
    resetClients();
  });

  it('returns an invalid request unchanged, calling nothing', async () => {
    // Prepare
    const state: WorkflowState = {
      ...aState({ request: undefined, verdict: undefined }),
      problems: [{ field: 'accountId', message: 'Expected 12 digits.' }],
    };

    // Act
    const result = await handler(state);

    // Assess
    expect(result).toBe(state);
    expect(ssoAdmin).not.toHaveReceivedAnyCommand();
    expect(analyzer).not.toHaveReceivedAnyCommand();
  });

  it('adds the validation, reading the recorded failures', async () => {
    // Prepare
    const state = aState({
      verdict: aVerdict('CREATION_FAILED', {
        creation: {
          requestId: CREATION_REQUEST_ID,
          status: 'FAILED',
          failureReason: FAILURE_REASONS.notSupportedPolicy,
        },
      }),
    });

    // Act
    const result = await handler(state);

    // Assess
    expect(result).toEqual({
      ...state,
      validation: {
        managedPolicyArns: [],
        customerManagedPolicies: [{ name: 'DevBoundary', path: '/' }],
        findings: [
          expect.objectContaining({ code: 'CUSTOMER_MANAGED_POLICY_MISSING' }),
        ],
      },
    });
    expect(ssoAdmin).toHaveReceivedCommandWith(DescribePermissionSetCommand, {
      InstanceArn: INSTANCE_ARN,
      PermissionSetArn: PERMISSION_SET_ARN,
    });
    expect(analyzer).not.toHaveReceivedCommand(ValidatePolicyCommand);
  });

  it('throws a StepInputError for input that is not a state', async () => {
    // Act & Assess
    await expect(
      handler('not a state' as unknown as WorkflowState),
    ).rejects.toThrow(StepInputError);
  });
});
