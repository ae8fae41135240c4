import type { CauseContext } from './causes';
import {
  assignmentsCommand,
  EXAMPLE_MANUAL_INPUT,
  notProvisionedListCommand,
  provisionEverywhereCommand,
  startCheckCommand,
} from './commands';
import { ACCESS_STEPS } from './next-steps-access';
import {
  checkAgain,
  type NextStep,
  type StepTable,
  signInAgain,
} from './next-steps-common';
import { PROVISIONING_STEPS } from './next-steps-provisioning';
import type { CauseCode, Outcome, Request } from './types';

export type { NextStep } from './next-steps-common';

/**
 * The next steps of a report: for a person, concrete, with the AWS CLI
 * commands filled in with the real ids. One table entry per cause; the
 * outcomes that are not about a cause (healed, invalid input, workflow
 * error) have their own.
 */

const STEPS: StepTable<CauseCode> = {
  ...PROVISIONING_STEPS,
  ...ACCESS_STEPS,
  NONE: (ctx) => [
    { text: 'Nothing to do: the assignment works.' },
    signInAgain(ctx, 'If the account is still missing from the portal: '),
  ],
  INVALID_INPUT: (ctx) => [
    { text: 'Correct each field listed above, as its message says.' },
    {
      text: 'Start the check again with the corrected input, for example:',
      commands: [
        startCheckCommand(ctx.state.execution?.id ?? '', EXAMPLE_MANUAL_INPUT),
      ],
    },
  ],
  UNKNOWN: (ctx, request) => [
    {
      text:
        'Read the evidence above and the history of the execution (link ' +
        'below). These commands show what the healer checks:',
      commands: [
        notProvisionedListCommand(request),
        assignmentsCommand(request),
      ],
    },
    checkAgain(ctx, request, 'When the cause is fixed'),
  ],
};

// Only an edited permission set may be outdated in other accounts too;
// after any other heal, signing in again is all there is to do.
const healedSteps = (
  ctx: CauseContext,
  request: Request,
  cause: CauseCode,
): NextStep[] =>
  cause === 'PERMISSION_SET_OUTDATED'
    ? [
        signInAgain(ctx),
        {
          text:
            'Changes to a permission set are not pushed to accounts by ' +
            'themselves: after each change, provision it to every account ' +
            'that uses it.',
          commands: [provisionEverywhereCommand(request)],
        },
      ]
    : [signInAgain(ctx)];

const workflowErrorSteps = (
  ctx: CauseContext,
  cause: CauseCode,
): NextStep[] => {
  const error = ctx.state.failure?.Error;
  const steps: NextStep[] = [
    {
      text:
        'Open the execution (link below): the failed state is marked red ' +
        `and its output shows the error${error ? ` ${error}` : ''}.`,
    },
  ];
  if (error?.includes('AccessDenied')) {
    steps.push({
      text:
        'A healer function was denied an AWS call: compare the action in ' +
        'the error with the IAM role of the failed step.',
    });
  }

  if (cause === 'TRANSIENT_SERVICE_ERROR') {
    steps.push({
      text:
        'Identity Center allows 20 requests per second in all, shared by ' +
        'every tool that calls it: look for automation running at the ' +
        'same time.',
    });
  }

  if (ctx.request) {
    steps.push(checkAgain(ctx, ctx.request, 'In a few minutes'));
  }

  return steps;
};

/** The next steps for a report of this outcome and cause. */
export const nextStepsOf = (
  outcome: Outcome,
  cause: CauseCode,
  ctx: CauseContext,
): NextStep[] => {
  const request = ctx.request;
  if (outcome === 'INVALID_REQUEST') {
    return STEPS.INVALID_INPUT(ctx, request as Request);
  }

  if (outcome === 'WORKFLOW_ERROR' || !request) {
    return workflowErrorSteps(ctx, cause);
  }

  if (outcome === 'HEALED') {
    return healedSteps(ctx, request, cause);
  }

  return STEPS[cause](ctx, request);
};
