import { type CauseContext, policyPath } from './causes';
import {
  createAssignmentCommand,
  createPolicyCommand,
  creationStatusCommand,
  identityStoreIdCommand,
  manualInputOf,
  provisionCommand,
  provisioningStatusCommand,
  startCheckCommand,
} from './commands';
import type { CauseCode, Request } from './types';

/**
 * What the next steps of every cause are made of: the step type and the
 * steps that several causes share (provision again, sign in again, check
 * again).
 */

/** One thing for a person to do, with the commands that do it. */
export interface NextStep {
  readonly text: string;
  /** AWS CLI commands, one line each, with the real ids filled in. */
  readonly commands?: readonly string[];
}

/** The steps for one cause, given what is known and the request. */
export type Steps = (ctx: CauseContext, request: Request) => NextStep[];

/** A table of steps, one entry for each of `C`. */
export type StepTable<C extends CauseCode> = Readonly<Record<C, Steps>>;

export const signInAgain = (ctx: CauseContext, when = ''): NextStep => ({
  text:
    `${when}${when ? 'ask' : 'Ask'} ` +
    `${ctx.principalLabel ?? 'the people who use the assignment'} to ` +
    'sign out of the AWS access portal, clear the browser cookies for ' +
    'awsapps.com, and sign in again: the portal caches the list of ' +
    'accounts and roles.',
});

export const checkAgain = (
  ctx: CauseContext,
  request: Request,
  when: string,
) => ({
  text: `${when}, check again by starting the healer with this input:`,
  commands: [
    startCheckCommand(ctx.state.execution?.id ?? '', manualInputOf(request)),
  ],
});

export const creationFailed = (ctx: CauseContext): boolean =>
  ctx.state.verdict?.state === 'CREATION_FAILED' ||
  ctx.state.verdict?.evidence.creation?.status === 'FAILED';

/** Provision again, then re-create the assignment if its creation failed. */
export const provisionAgain = (
  ctx: CauseContext,
  request: Request,
  text: string,
): NextStep[] => [
  {
    text,
    commands: [
      provisionCommand(request),
      provisioningStatusCommand(request.instanceArn),
    ],
  },
  ...(creationFailed(ctx)
    ? [
        {
          text:
            'When provisioning has SUCCEEDED, create the assignment again ' +
            '(its creation had failed) and read its status:',
          commands: [
            createAssignmentCommand(request, request.principal),
            creationStatusCommand(request.instanceArn),
          ],
        },
      ]
    : []),
];

export const dryRunNote = (ctx: CauseContext): NextStep[] =>
  ctx.dryRun
    ? [
        {
          text:
            'Dry run is on, so the healer made no write. Make the write ' +
            'below yourself, or turn dry run off to let the healer do it.',
        },
      ]
    : [];

export const identityStoreHint = (
  ctx: CauseContext,
  request: Request,
): NextStep[] =>
  ctx.identityStoreId
    ? []
    : [
        {
          text: 'Find the identity store id of the instance:',
          commands: [identityStoreIdCommand(request.instanceArn)],
        },
      ];

export const missingPolicySteps = (
  ctx: CauseContext,
  request: Request,
  policies: readonly { name: string; path: string }[],
  what: string,
): NextStep[] => [
  {
    text:
      `In account ${ctx.accountLabel}, with credentials for that account, ` +
      `create the missing ${what} with exactly this name and path ` +
      `(${namesOrHint(policies)}); ` +
      'the policy document is yours to supply. It must exist in every ' +
      'account the permission set is provisioned to.',
    commands: (policies.length > 0
      ? policies
      : [{ name: '<policy name>', path: '/' }]
    ).map(createPolicyCommand),
  },
  ...provisionAgain(ctx, request, 'Then provision the permission set again:'),
];

const namesOrHint = (
  policies: readonly { name: string; path: string }[],
): string =>
  policies.length > 0
    ? policies.map(policyPath).join(', ')
    : 'see the failure reason';
