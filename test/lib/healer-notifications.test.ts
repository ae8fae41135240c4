import { Match } from 'aws-cdk-lib/assertions';
import { synthesizeStack } from './fixtures/stack';

describe('HealerNotifications', () => {
  it('encrypts the topic with the customer managed key', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: {
        'Fn::GetAtt': [Match.stringLikeRegexp('^EncryptionKey'), 'Arn'],
      },
    });
  });

  it('refuses publishing without TLS', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('lets CloudWatch alarms publish to the encrypted topic', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: Match.objectLike({
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            }),
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
  });

  it('subscribes each alert email to the topic', () => {
    // Act
    const { template } = synthesizeStack({
      alertEmails: ['oncall@example.com', 'security@example.com'],
    });

    // Assess
    template.resourceCountIs('AWS::SNS::Subscription', 2);
    for (const email of ['oncall@example.com', 'security@example.com']) {
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: email,
        TopicArn: { Ref: Match.stringLikeRegexp('^NotificationsTopic') },
      });
    }
  });

  it('creates no subscription without alert emails', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('creates a Slack channel when both Slack ids are given', () => {
    // Act
    const { template } = synthesizeStack({
      slackWorkspaceId: 'T0123ABCDEF',
      slackChannelId: 'C0123ABCDEF',
    });

    // Assess
    template.resourceCountIs('AWS::Chatbot::SlackChannelConfiguration', 1);
    template.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', {
      SlackWorkspaceId: 'T0123ABCDEF',
      SlackChannelId: 'C0123ABCDEF',
      SnsTopicArns: [{ Ref: Match.stringLikeRegexp('^NotificationsTopic') }],
      GuardrailPolicies: [
        {
          'Fn::Join': [
            '',
            ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSDenyAll'],
          ],
        },
      ],
    });
  });

  it('creates no Slack channel without Slack ids', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.resourceCountIs('AWS::Chatbot::SlackChannelConfiguration', 0);
  });
});
