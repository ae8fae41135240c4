import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { METRICS } from '../lambdas/core/settings';

/** What the alarms watch, and where they go. */
export interface HealerAlarmsProps {
  readonly stateMachine: IStateMachine;
  readonly deadLetterQueue: IQueue;
  /** Topic the alarms publish to, the same one as the reports. */
  readonly topic: ITopic;
  /**
   * Length of the periods the alarms add up.
   * @default Duration.minutes(5)
   */
  readonly period?: Duration;
}

/**
 * Alarms for the ways a check can end without a useful report. Aborted
 * executions have no alarm: only a person stops one, and knows it.
 */
export class HealerAlarms extends Construct {
  /** Every alarm, by construct id. */
  public readonly alarms: Readonly<Record<string, Alarm>>;

  public constructor(scope: Construct, id: string, props: HealerAlarmsProps) {
    super(scope, id);

    const period = props.period ?? Duration.minutes(5);
    const sum = { period, statistic: Stats.SUM };
    const reports = (outcome: string): Metric =>
      new Metric({
        namespace: METRICS.namespace,
        metricName: METRICS.reports,
        dimensionsMap: { service: METRICS.service, Outcome: outcome },
        ...sum,
      });

    // Needs-attention and invalid-request reports end in Fail states on
    // purpose, and so does a report of a workflow error; an execution
    // that failed without any of them produced no report at all.
    const unreported = new MathExpression({
      expression:
        'FILL(failed, 0) - (FILL(attention, 0) + FILL(invalid, 0) + FILL(broken, 0))',
      usingMetrics: {
        failed: props.stateMachine.metricFailed(sum),
        attention: reports('NEEDS_ATTENTION'),
        invalid: reports('INVALID_REQUEST'),
        broken: reports('WORKFLOW_ERROR'),
      },
      label: 'Failed executions without a report',
      period,
    });

    const action = new SnsAction(props.topic);
    const alarm = (
      alarmId: string,
      metric: IMetric,
      alarmDescription: string,
    ): Alarm => {
      const created = new Alarm(this, alarmId, {
        metric,
        alarmDescription,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator:
          ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);

      return created;
    };

    this.alarms = {
      ExecutionsTimedOut: alarm(
        'ExecutionsTimedOut',
        props.stateMachine.metricTimedOut(sum),
        'An Assignment Healer execution passed its time limit and sent no ' +
          'report. In the Step Functions console, open the timed-out ' +
          'execution, read the assignment from its input and check it in ' +
          'IAM Identity Center.',
      ),
      ExecutionsThrottled: alarm(
        'ExecutionsThrottled',
        props.stateMachine.metricThrottled(sum),
        'Step Functions throttled Assignment Healer. EventBridge retries ' +
          'for 24 hours; if this repeats, check the account quotas of ' +
          'Step Functions.',
      ),
      FailedWithoutReport: alarm(
        'FailedWithoutReport',
        unreported,
        'An Assignment Healer execution failed without a report, not even ' +
          'the fallback one. Open the failed executions in the Step ' +
          'Functions console; those that published a report are listed in ' +
          'the topic, the others need a manual check of their assignment. ' +
          'Rarely, a report and its execution fall in two periods and this ' +
          'fires alone: if every failed execution has a report, ignore it.',
      ),
      WorkflowErrorReports: alarm(
        'WorkflowErrorReports',
        reports('WORKFLOW_ERROR'),
        'Assignment Healer reported a workflow error: a step failed in a ' +
          'way it could not explain. The report names the step and error.',
      ),
      DeadLetters: alarm(
        'DeadLetters',
        props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period,
          statistic: Stats.MAXIMUM,
        }),
        'EventBridge could not start Assignment Healer for some assignment ' +
          'events, even after retrying. The events are in the dead-letter ' +
          'queue: read them, start the workflow by hand with each event as ' +
          'input, then delete the messages.',
      ),
    };
  }
}
