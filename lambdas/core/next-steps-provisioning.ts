import {
  creationStatusCommand,
  getInlinePolicyCommand,
  notProvisionedListCommand,
  provisionEverywhereCommand,
  provisioningStatusCommand,
  putInlinePolicyCommand,
  validatePolicyCommand,
} from './commands';
import {
  checkAgain,
  dryRunNote,
  missingPolicySteps,
  provisionAgain,
  type StepTable,
  signInAgain,
} from './next-steps-common';

/** Next steps when provisioning, a write or a policy is the trouble. */
export const PROVISIONING_STEPS: StepTable<
  | 'PERMISSION_SET_NOT_PROVISIONED'
  | 'PERMISSION_SET_OUTDATED'
  | 'ASSIGNMENT_CREATION_FAILED'
  | 'CUSTOMER_MANAGED_POLICY_MISSING'
  | 'PERMISSIONS_BOUNDARY_MISSING'
  | 'INLINE_POLICY_INVALID'
  | 'MANAGEMENT_ACCOUNT_ACCESS_DENIED'
  | 'IAM_ROLE_QUOTA'
  | 'PROVISIONING_TIMEOUT'
  | 'TRANSIENT_SERVICE_ERROR'
> = {
  PERMISSION_SET_NOT_PROVISIONED: (ctx, request) => [
    ...dryRunNote(ctx),
    ...provisionAgain(
      ctx,
      request,
      'Provision the permission set to the account:',
    ),
    {
      text: 'Confirm: the permission set must no longer be in this list.',
      commands: [notProvisionedListCommand(request)],
    },
    signInAgain(ctx),
  ],
  PERMISSION_SET_OUTDATED: (ctx, request) => [
    ...dryRunNote(ctx),
    ...provisionAgain(
      ctx,
      request,
      'Provision the latest version of the permission set to the account:',
    ),
    {
      text: 'Confirm: the permission set must no longer be in this list.',
      commands: [notProvisionedListCommand(request)],
    },
    signInAgain(ctx),
  ],
  ASSIGNMENT_CREATION_FAILED: (ctx, request) => [
    ...dryRunNote(ctx),
    {
      text: 'Read why the creation failed:',
      commands: [
        creationStatusCommand(
          request.instanceArn,
          ctx.state.verdict?.evidence.creation?.requestId ??
            request.creationRequestId,
        ),
      ],
    },
    ...provisionAgain(
      ctx,
      request,
      'Provision the permission set to the account:',
    ),
  ],
  CUSTOMER_MANAGED_POLICY_MISSING: (ctx, request) =>
    missingPolicySteps(
      ctx,
      request,
      ctx.missingPolicies,
      'customer managed policy',
    ),
  PERMISSIONS_BOUNDARY_MISSING: (ctx, request) =>
    missingPolicySteps(
      ctx,
      request,
      ctx.missingBoundary ? [ctx.missingBoundary] : [],
      'permissions boundary policy',
    ),
  INLINE_POLICY_INVALID: (_ctx, request) => [
    {
      text: 'Download the inline policy of the permission set:',
      commands: [getInlinePolicyCommand(request)],
    },
    {
      text:
        'Fix each finding listed under POLICIES (line and column are ' +
        'given), then validate the file until no ERROR is left:',
      commands: [validatePolicyCommand()],
    },
    {
      text:
        'Upload it, and provision the changed permission set to every ' +
        'account that uses it:',
      commands: [
        putInlinePolicyCommand(request),
        provisionEverywhereCommand(request),
        provisioningStatusCommand(request.instanceArn),
      ],
    },
  ],
  MANAGEMENT_ACCOUNT_ACCESS_DENIED: (ctx, request) => [
    {
      text:
        'In the management account Identity Center creates the SAML ' +
        'provider and the AWSReservedSSO_ role with the IAM permissions of ' +
        'the caller. Grant the caller iam:CreateSAMLProvider, ' +
        'iam:UpdateSAMLProvider, iam:CreateRole, iam:AttachRolePolicy and ' +
        'iam:PutRolePolicy in that account.',
    },
    ...provisionAgain(ctx, request, 'Then, as that caller, provision again:'),
  ],
  IAM_ROLE_QUOTA: (ctx, request) => [
    {
      text:
        `In account ${ctx.accountLabel}, delete unused IAM roles or ` +
        'policies, or ask for a higher IAM quota; the failure reason names ' +
        'the quota. IAM quotas live in us-east-1:',
      commands: [
        'aws service-quotas list-service-quotas --service-code iam --region us-east-1',
      ],
    },
    ...provisionAgain(ctx, request, 'Then provision the permission set again:'),
  ],
  PROVISIONING_TIMEOUT: (ctx, request) => {
    const pending = ctx.state.pending;
    const status =
      pending?.kind === 'ASSIGNMENT_CREATION'
        ? creationStatusCommand(request.instanceArn, pending.requestId)
        : pending
          ? provisioningStatusCommand(request.instanceArn, pending.requestId)
          : notProvisionedListCommand(request);

    return [
      { text: 'Read the status of the write:', commands: [status] },
      signInAgain(ctx),
      checkAgain(ctx, request, 'If the account is still missing'),
      {
        text:
          'If the status stays IN_PROGRESS, contact AWS Support with the ' +
          'request id.',
      },
    ];
  },
  TRANSIENT_SERVICE_ERROR: (ctx, request) => [
    ...provisionAgain(
      ctx,
      request,
      'Internal errors usually pass: provision the permission set again.',
    ),
    {
      text:
        'If it fails again with the same reason, contact AWS Support with ' +
        `the request id${ctx.failureRequestId ? ` ${ctx.failureRequestId}` : ''}.`,
    },
  ],
};
