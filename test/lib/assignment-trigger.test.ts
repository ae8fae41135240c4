import { Match } from 'aws-cdk-lib/assertions';
import {
  readHealerDefinition,
  type SynthesizedTemplate,
} from '../../sandbox/definition';
import { matchesEventPattern } from '../../sandbox/event-pattern';
import { cloudTrailEvent } from '../fixtures/cloudtrail-event';
import {
  callByRoleEvent,
  deleteAccountAssignmentEvent,
  eventForAccount,
  failedCallEvent,
  rootConsoleEvent,
} from './fixtures/cloudtrail-events';
import { synthesizeStack } from './fixtures/stack';

const EXCLUDED = '999988887777';

const healerRoleArn = {
  'Fn::GetAtt': [Match.stringLikeRegexp('^ReprovisionRole'), 'Arn'],
};

const issuerArn = (matcher: unknown) => ({
  userIdentity: { sessionContext: { sessionIssuer: { arn: [matcher] } } },
});

/** The rule as it would be deployed, with placeholder ARNs. */
const deployedRule = () => {
  const { template } = synthesizeStack({ excludedAccountIds: [EXCLUDED] });

  return readHealerDefinition(template.toJSON() as SynthesizedTemplate);
};

describe('AssignmentTrigger', () => {
  it('matches successful CreateAccountAssignment calls only', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.hasResourceProperties('AWS::Events::Rule', {
      State: 'ENABLED',
      EventPattern: Match.exact({
        source: ['aws.sso'],
        'detail-type': ['AWS API Call via CloudTrail'],
        detail: {
          eventSource: ['sso.amazonaws.com'],
          eventName: ['CreateAccountAssignment'],
          errorCode: [{ exists: false }],
          $or: [
            issuerArn({ exists: false }),
            issuerArn({ 'anything-but': [healerRoleArn] }),
          ],
        },
      }),
    });
  });

  it('rules out the excluded accounts in the pattern', () => {
    // Act
    const { template } = synthesizeStack({
      excludedAccountIds: ['111122223333', EXCLUDED],
    });

    // Assess
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        detail: {
          requestParameters: {
            targetId: [{ 'anything-but': ['111122223333', EXCLUDED] }],
          },
        },
      },
    });
  });

  it('starts the workflow with the whole event, retrying for a day', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [
        Match.objectLike({
          Arn: { Ref: Match.stringLikeRegexp('^WorkflowStateMachine') },
          RetryPolicy: {
            MaximumEventAgeInSeconds: 86400,
            MaximumRetryAttempts: 185,
          },
          DeadLetterConfig: {
            Arn: {
              'Fn::GetAtt': [
                Match.stringLikeRegexp('^TriggerDeadLetterQueue'),
                'Arn',
              ],
            },
          },
          Input: Match.absent(),
          InputPath: Match.absent(),
          InputTransformer: Match.absent(),
        }),
      ],
    });
  });

  it('keeps undeliverable events in an encrypted, TLS-only queue', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1209600,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
          }),
        ]),
      },
    });
  });

  it('matches the sample CloudTrail event', () => {
    // Prepare
    const { rulePattern } = deployedRule();

    // Act
    const matched = matchesEventPattern(rulePattern, cloudTrailEvent());

    // Assess
    expect(matched).toBe(true);
  });

  it('matches a console call made as root, with no session issuer', () => {
    // Prepare
    const { rulePattern } = deployedRule();

    // Act
    const matched = matchesEventPattern(rulePattern, rootConsoleEvent());

    // Assess
    expect(matched).toBe(true);
  });

  it.each([
    {
      case: 'a DeleteAccountAssignment call',
      event: deleteAccountAssignmentEvent,
    },
    { case: 'a call that failed', event: failedCallEvent },
    {
      case: 'a call for an excluded account',
      event: () => eventForAccount(EXCLUDED),
    },
  ])('ignores $case', ({ event }) => {
    // Prepare
    const { rulePattern } = deployedRule();

    // Act
    const matched = matchesEventPattern(rulePattern, event());

    // Assess
    expect(matched).toBe(false);
  });

  it("ignores the healer's own calls", () => {
    // Prepare
    const { rulePattern, reprovisionRoleArn } = deployedRule();

    // Act
    const matched = matchesEventPattern(
      rulePattern,
      callByRoleEvent(reprovisionRoleArn),
    );

    // Assess
    expect(matched).toBe(false);
  });

  it('matches calls made by other automation roles', () => {
    // Prepare
    const { rulePattern } = deployedRule();

    // Act
    const matched = matchesEventPattern(
      rulePattern,
      callByRoleEvent('arn:aws:iam::111122223333:role/terraform-deployer'),
    );

    // Assess
    expect(matched).toBe(true);
  });
});
