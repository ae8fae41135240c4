import {
  addMembershipCommand,
  assignmentsCommand,
  createAssignmentCommand,
  deletionEventsCommand,
  describeAccountCommand,
  describePermissionSetCommand,
  describePrincipalCommand,
  listPermissionSetsCommand,
} from './commands';
import {
  checkAgain,
  identityStoreHint,
  provisionAgain,
  type StepTable,
  signInAgain,
} from './next-steps-common';

/**
 * Next steps when the account, the principal, the permission set or the
 * assignment itself is the trouble.
 */
export const ACCESS_STEPS: StepTable<
  | 'ACCOUNT_SUSPENDED'
  | 'ACCOUNT_NOT_READY'
  | 'PRINCIPAL_NOT_FOUND'
  | 'PERMISSION_SET_NOT_FOUND'
  | 'ACCOUNT_NOT_FOUND'
  | 'ASSIGNMENT_DELETED'
  | 'GROUP_MEMBERSHIP_MISSING'
> = {
  ACCOUNT_SUSPENDED: (ctx, request) => [
    {
      text: 'Read the state of the account:',
      commands: [
        `${describeAccountCommand(request.accountId)} --query Account.State`,
      ],
    },
    {
      text:
        'If the account was suspended or closed on purpose, remove this ' +
        'assignment from wherever it is managed (Terraform, a pipeline, an ' +
        'access tool) so that nobody requests it again.',
    },
    ...provisionAgain(
      ctx,
      request,
      'If the account should be active, have it reinstated (AWS Support ' +
        'can reopen a closed account within 90 days), then provision the ' +
        'permission set again:',
    ),
  ],
  ACCOUNT_NOT_READY: (ctx, request) => [
    {
      text: 'Wait until the state of the account is ACTIVE:',
      commands: [
        `${describeAccountCommand(request.accountId)} --query Account.State`,
      ],
    },
    checkAgain(ctx, request, 'Then'),
  ],
  PRINCIPAL_NOT_FOUND: (ctx, request) => [
    ...identityStoreHint(ctx, request),
    {
      text: 'Look the user or group up in the identity store:',
      commands: request.principal
        ? [describePrincipalCommand(request.principal, ctx.identityStoreId)]
        : [],
    },
    {
      text:
        'If it was deleted, or re-created by your identity provider (which ' +
        'gives it a new id), assign the permission set to the current user ' +
        'or group, and correct the assignment wherever it is managed.',
    },
  ],
  PERMISSION_SET_NOT_FOUND: (_ctx, request) => [
    {
      text: 'Confirm that the permission set is gone:',
      commands: [describePermissionSetCommand(request)],
    },
    {
      text:
        'It was deleted, or the ARN names another instance. Find the ' +
        'right one and correct the assignment wherever it is managed:',
      commands: [listPermissionSetsCommand(request.instanceArn)],
    },
  ],
  ACCOUNT_NOT_FOUND: (_ctx, request) => [
    {
      text:
        'Check the account id for a typo: only accounts of the ' +
        'organization can be assigned.',
      commands: [describeAccountCommand(request.accountId)],
    },
  ],
  ASSIGNMENT_DELETED: (ctx, request) => [
    {
      text: 'Find out who removed the assignment, and why:',
      commands: [
        deletionEventsCommand(
          request.trigger.kind === 'EVENT'
            ? request.trigger.eventTime
            : undefined,
        ),
      ],
    },
    {
      text:
        'If it should exist, create it again on purpose, and confirm it ' +
        'is listed:',
      commands: [
        createAssignmentCommand(request, request.principal),
        assignmentsCommand(request),
      ],
    },
    signInAgain(ctx),
  ],
  GROUP_MEMBERSHIP_MISSING: (ctx, request) => {
    const groups = ctx.state.verdict?.evidence.groupAccess?.assignedGroupIds;
    const group = groups?.[0] ?? '<group id>';

    return [
      ...identityStoreHint(ctx, request),
      {
        text:
          `If the user should have access, add them to one of the ` +
          `assigned groups (${groups?.join(', ') || 'none listed'}): in ` +
          'your identity provider when groups are synchronised from it, ' +
          'otherwise in Identity Center:',
        commands: [
          addMembershipCommand(
            request.principal?.id ?? '<user id>',
            group,
            ctx.identityStoreId,
          ),
        ],
      },
      signInAgain(ctx),
    ];
  },
};
