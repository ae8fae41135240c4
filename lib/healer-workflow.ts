import { Duration, Stack } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import {
  DefinitionBody,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  acknowledge,
  wildcardActionFinding,
  wildcardResourceFinding,
} from './private/nag-acknowledgements';
import type { Step } from './private/steps';
import {
  buildWorkflowDefinition,
  type WorkflowBounds,
} from './private/workflow-definition';

/** What the workflow is built from. */
export interface HealerWorkflowProps extends WorkflowBounds {
  /** The function of each step. */
  readonly functions: Readonly<Record<Step, IFunction>>;
  /** Topic of the fallback message, when the report itself fails. */
  readonly topic: ITopic;
  /** Key that encrypts the execution log group. */
  readonly encryptionKey: IKey;
  /** Status reads of one write before it counts as timed out. */
  readonly provisioningPollLimit: number;
  /**
   * How long execution logs are kept.
   * @default RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: RetentionDays;
}

/**
 * Margin over the longest path made of waits: task run time, retries with
 * their back-off, and the Lambda cold starts along the way.
 */
const TIMEOUT_MARGIN_SECONDS = 3600;

/**
 * The Standard state machine that checks one assignment, heals it when it
 * can and reports the outcome. Standard, because the waits alone can pass
 * the five minutes that bound an Express execution.
 */
export class HealerWorkflow extends Construct {
  /** The state machine; EventBridge and people start its executions. */
  public readonly stateMachine: StateMachine;
  /** Where execution events are logged. */
  public readonly logGroup: LogGroup;

  public constructor(scope: Construct, id: string, props: HealerWorkflowProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'Logs', {
      // Vended-log destinations under this prefix keep CloudWatch Logs'
      // account-wide resource policy from growing with each machine.
      logGroupName: `/aws/vendedlogs/states/${Stack.of(this).stackName}-workflow`,
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
      encryptionKey: props.encryptionKey,
    });

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      comment:
        'Checks an IAM Identity Center account assignment, heals it when ' +
        'it can, and reports the outcome.',
      definitionBody: DefinitionBody.fromChainable(
        buildWorkflowDefinition(this, props),
      ),
      timeout: Duration.seconds(longestRunSeconds(props)),
      tracingEnabled: true,
      // Every event is logged, without inputs and outputs: the execution
      // history already keeps them for 90 days, and a copy in the logs
      // would spread account e-mail addresses, user names and inline
      // policies into a second place with its own retention.
      logs: {
        destination: this.logGroup,
        level: LogLevel.ALL,
        includeExecutionData: false,
      },
    });
    props.topic.grantPublish(this.stateMachine);

    acknowledge(
      this.stateMachine.role,
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Log delivery (logs:CreateLogDelivery and related) and X-Ray ' +
          'tracing have no resource type, so IAM accepts only "*".',
      },
      {
        id: wildcardActionFinding('kms:GenerateDataKey*'),
        reason:
          'Publishing the fallback report to the encrypted topic needs ' +
          'data keys of the topic key; the grant names that one key.',
      },
      ...uniqueFunctions(props.functions).map((fn) => ({
        id: wildcardResourceFinding(this, `${fn.functionArn}:*`),
        reason:
          'Invoking a function grants its versions and aliases too; the ' +
          'function itself is named.',
      })),
    );
  }
}

/**
 * The longest an execution can take in waits: the propagation wait, every
 * allowed re-check, and every allowed write (re-provisioning and, after a
 * failed creation, re-creation) polled to its limit.
 */
const longestRunSeconds = (props: HealerWorkflowProps): number => {
  const rechecks = props.pendingRechecks * props.recheckWaitSeconds;
  const writes =
    props.reprovisionAttempts *
    2 *
    props.provisioningPollLimit *
    props.provisioningPollSeconds;

  return (
    props.propagationWaitSeconds + rechecks + writes + TIMEOUT_MARGIN_SECONDS
  );
};

const uniqueFunctions = (
  functions: Readonly<Record<Step, IFunction>>,
): readonly IFunction[] => [...new Set(Object.values(functions))];
