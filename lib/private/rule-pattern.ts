import type { EventPattern } from 'aws-cdk-lib/aws-events';

/** What the rule leaves out. */
export interface AssignmentPatternProps {
  /** Role whose own calls must not start the workflow again. */
  readonly healerRoleArn: string;
  /** Accounts whose assignments are ignored. */
  readonly excludedAccountIds: readonly string[];
}

/**
 * Successful `CreateAccountAssignment` calls recorded by CloudTrail.
 *
 * The healer's own re-creations are left out to avoid loops. `anything-but`
 * never matches an absent field, and calls made as root or in the console
 * have no `sessionIssuer`, so the pattern accepts either an absent issuer
 * or one that is not the healer's role.
 */
export const assignmentEventPattern = (
  props: AssignmentPatternProps,
): EventPattern => {
  const issuerArn = (matcher: Record<string, unknown>) => ({
    userIdentity: { sessionContext: { sessionIssuer: { arn: [matcher] } } },
  });

  return {
    source: ['aws.sso'],
    detailType: ['AWS API Call via CloudTrail'],
    detail: {
      eventSource: ['sso.amazonaws.com'],
      eventName: ['CreateAccountAssignment'],
      errorCode: [{ exists: false }],
      ...(props.excludedAccountIds.length > 0
        ? {
            requestParameters: {
              targetId: [{ 'anything-but': [...props.excludedAccountIds] }],
            },
          }
        : {}),
      $or: [
        issuerArn({ exists: false }),
        issuerArn({ 'anything-but': [props.healerRoleArn] }),
      ],
    },
  };
};
