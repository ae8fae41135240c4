import { Match } from 'aws-cdk-lib/assertions';
import { synthesizeStack } from './fixtures/stack';

type Alarm = { Properties: Record<string, unknown> };

const alarmsOf = (overrides = {}): Alarm[] =>
  Object.values(
    synthesizeStack(overrides).template.findResources('AWS::CloudWatch::Alarm'),
  ) as Alarm[];

describe('HealerAlarms', () => {
  it('sends every alarm to the report topic', () => {
    // Act
    const alarms = alarmsOf();

    // Assess
    expect(alarms).toHaveLength(5);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([
        { Ref: expect.stringMatching(/^NotificationsTopic/) },
      ]);
      expect(alarm.Properties.TreatMissingData).toBe('notBreaching');
    }
  });

  it.each([
    { case: 'timed out', metric: 'ExecutionsTimedOut' },
    { case: 'throttled', metric: 'ExecutionThrottled' },
  ])('alarms on $case executions', ({ metric }) => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/States',
      MetricName: metric,
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Dimensions: [
        {
          Name: 'StateMachineArn',
          Value: { Ref: Match.stringLikeRegexp('^WorkflowStateMachine') },
        },
      ],
    });
  });

  it('alarms on failed executions that produced no report', () => {
    // Act
    const alarms = alarmsOf();

    // Assess
    const unreported = alarms.find((alarm) =>
      JSON.stringify(alarm.Properties.Metrics ?? '').includes('FILL(failed'),
    );
    const metrics = unreported?.Properties.Metrics as Record<string, unknown>[];
    expect(metrics).toContainEqual(
      expect.objectContaining({
        Expression:
          'FILL(failed, 0) - (FILL(attention, 0) + FILL(invalid, 0) + FILL(broken, 0))',
        ReturnData: true,
      }),
    );
    const outcomes = metrics
      .filter((m) => m.Id !== 'failed' && m.MetricStat)
      .map((m) => {
        const stat = m.MetricStat as {
          Metric: {
            Namespace: string;
            MetricName: string;
            Dimensions: { Name: string; Value: string }[];
          };
        };
        expect(stat.Metric.Namespace).toBe('AssignmentHealer');
        expect(stat.Metric.MetricName).toBe('Reports');

        return Object.fromEntries(
          stat.Metric.Dimensions.map((d) => [d.Name, d.Value]),
        );
      });
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { service: 'assignment-healer', Outcome: 'NEEDS_ATTENTION' },
        { service: 'assignment-healer', Outcome: 'INVALID_REQUEST' },
        { service: 'assignment-healer', Outcome: 'WORKFLOW_ERROR' },
      ]),
    );
    expect(outcomes).toHaveLength(3);
    const failed = metrics.find((m) => m.Id === 'failed') as {
      MetricStat: { Metric: { Namespace: string; MetricName: string } };
    };
    expect(failed.MetricStat.Metric).toMatchObject({
      Namespace: 'AWS/States',
      MetricName: 'ExecutionsFailed',
    });
  });

  it('alarms on reports of a workflow error', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AssignmentHealer',
      MetricName: 'Reports',
      Dimensions: Match.arrayWith([
        { Name: 'Outcome', Value: 'WORKFLOW_ERROR' },
        { Name: 'service', Value: 'assignment-healer' },
      ]),
      Statistic: 'Sum',
    });
  });

  it('alarms on messages in the dead-letter queue', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
      Dimensions: [
        {
          Name: 'QueueName',
          Value: {
            'Fn::GetAtt': [
              Match.stringLikeRegexp('^TriggerDeadLetterQueue'),
              'QueueName',
            ],
          },
        },
      ],
    });
  });
});
