import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { synthesizeStack } from './fixtures/stack';

const STEPS = [
  'read-request',
  'check-provisioning',
  'reprovision',
  'validate-policies',
  'report',
];

describe('AssignmentHealerStack', () => {
  it.each(STEPS.map((step) => ({ case: step, step })))(
    'runs the $case step on the newest Node.js, on arm64',
    ({ step }) => {
      // Act
      const { template } = synthesizeStack();

      // Assess
      template.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: {
          LogGroup: { Ref: Match.stringLikeRegexp('Logs') },
        },
        Environment: { Variables: Match.objectLike({ HEALER_STEP: step }) },
      });
    },
  );

  it('hands the configuration to the functions', () => {
    // Act
    const { template } = synthesizeStack({
      dryRun: true,
      notifyOnHealthy: true,
      provisioningPollLimit: 12,
      identityStoreId: 'd-9067a1b2c3',
      logLevel: 'DEBUG',
    });

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          HEALER_STEP: 'report',
          HEALER_DRY_RUN: 'true',
          HEALER_NOTIFY_ON_HEALTHY: 'true',
          HEALER_TOPIC_ARN: {
            Ref: Match.stringLikeRegexp('^NotificationsTopic'),
          },
          HEALER_MAX_STATUS_POLLS: '12',
          HEALER_IDENTITY_STORE_ID: 'd-9067a1b2c3',
          POWERTOOLS_METRICS_NAMESPACE: 'AssignmentHealer',
          POWERTOOLS_SERVICE_NAME: 'assignment-healer',
          POWERTOOLS_LOG_LEVEL: 'DEBUG',
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
    });
  });

  it('leaves the identity store out when it is looked up at run time', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    const functions = template.findResources('AWS::Lambda::Function');
    for (const fn of Object.values(functions)) {
      expect(fn.Properties.Environment.Variables).not.toHaveProperty(
        'HEALER_IDENTITY_STORE_ID',
      );
    }
  });

  it('encrypts every log group and keeps logs for three months', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    expect(groups).toHaveLength(6);
    for (const group of groups) {
      expect(group.Properties).toMatchObject({
        KmsKeyId: {
          'Fn::GetAtt': [expect.stringMatching(/^EncryptionKey/), 'Arn'],
        },
        RetentionInDays: 90,
      });
    }
  });

  it('rotates the key and lets CloudWatch Logs use it', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowCloudWatchLogsOfThisAccount',
            Principal: {
              Service: {
                'Fn::Join': [
                  '',
                  ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com'],
                ],
              },
            },
            Condition: {
              ArnLike: {
                'kms:EncryptionContext:aws:logs:arn': Match.anyValue(),
              },
            },
          }),
        ]),
      },
    });
  });

  it('exports the topic, the state machine, its console URL and the queue', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.hasOutput('TopicArn', {
      Value: { Ref: Match.stringLikeRegexp('^NotificationsTopic') },
    });
    template.hasOutput('StateMachineArn', {
      Value: { Ref: Match.stringLikeRegexp('^WorkflowStateMachine') },
    });
    template.hasOutput('DeadLetterQueueUrl', {
      Value: { Ref: Match.stringLikeRegexp('^TriggerDeadLetterQueue') },
    });
    const url = JSON.stringify(
      template.findOutputs('StateMachineConsoleUrl').StateMachineConsoleUrl,
    );
    expect(url).toContain('.console.aws.amazon.com/states/home?region=');
    expect(url).toContain('#/statemachines/view/');
  });

  it('warns when nobody is subscribed to the reports', () => {
    // Act
    const { stack } = synthesizeStack();

    // Assess
    Annotations.fromStack(stack).hasWarning(
      '/AssignmentHealer',
      Match.stringLikeRegexp('nobody is subscribed'),
    );
  });

  it('does not warn when an email address is subscribed', () => {
    // Act
    const { stack } = synthesizeStack({ alertEmails: ['oncall@example.com'] });

    // Assess
    Annotations.fromStack(stack).hasNoWarning(
      '/AssignmentHealer',
      Match.stringLikeRegexp('nobody is subscribed'),
    );
  });

  it('warns that a dry run changes nothing', () => {
    // Act
    const { stack } = synthesizeStack({ dryRun: true });

    // Assess
    Annotations.fromStack(stack).hasWarning(
      '/AssignmentHealer',
      Match.stringLikeRegexp('dryRun is on'),
    );
  });

  it('throws at synth for an invalid configuration', () => {
    // Act & Assess
    expect(() => synthesizeStack({ instanceArn: 'not-an-arn' })).toThrow(
      /instanceArn: expected the ARN/,
    );
  });
});
