import { Duration } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledge } from './private/nag-acknowledgements';
import { assignmentEventPattern } from './private/rule-pattern';

/** What starts the workflow. */
export interface AssignmentTriggerProps {
  /** The workflow each matching event starts, with the event as input. */
  readonly stateMachine: IStateMachine;
  /** Role of the healer's own writes, whose events are ignored. */
  readonly healerRole: IRole;
  /**
   * Accounts whose assignments are ignored.
   * @default - none
   */
  readonly excludedAccountIds?: readonly string[];
}

/**
 * The EventBridge rule that starts the workflow for every successful
 * `CreateAccountAssignment`, and the dead-letter queue that keeps the
 * events EventBridge could not deliver.
 */
export class AssignmentTrigger extends Construct {
  /** The rule on the default event bus. */
  public readonly rule: Rule;
  /** Events that could not start an execution after every retry. */
  public readonly deadLetterQueue: Queue;

  public constructor(
    scope: Construct,
    id: string,
    props: AssignmentTriggerProps,
  ) {
    super(scope, id);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.deadLetterQueue, {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue of the rule target; an alarm ' +
        'reports any message in it.',
    });

    this.rule = new Rule(this, 'Rule', {
      description:
        'Starts Assignment Healer for each successful CreateAccountAssignment.',
      eventPattern: assignmentEventPattern({
        healerRoleArn: props.healerRole.roleArn,
        excludedAccountIds: props.excludedAccountIds ?? [],
      }),
    });
    // Retries for as long as EventBridge allows: an assignment checked
    // late is better than one never checked.
    this.rule.addTarget(
      new SfnStateMachine(props.stateMachine, {
        deadLetterQueue: this.deadLetterQueue,
        maxEventAge: Duration.hours(24),
        retryAttempts: 185,
      }),
    );
  }
}
