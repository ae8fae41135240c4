import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import {
  Choice,
  Condition,
  Errors,
  type IChainable,
  JitterType,
  JsonPath,
  TaskInput,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { STATE_NAMES, TRANSIENT_ERRORS } from '../workflow-states';
import type { Step } from './steps';
import { addReportEnding } from './workflow-ending';

/** The bounds and waits of the workflow, from the configuration. */
export interface WorkflowBounds {
  readonly propagationWaitSeconds: number;
  readonly recheckWaitSeconds: number;
  readonly pendingRechecks: number;
  readonly provisioningPollSeconds: number;
  readonly reprovisionAttempts: number;
}

/** What the definition is built from. */
export interface WorkflowDefinitionProps extends WorkflowBounds {
  readonly functions: Readonly<Record<Step, IFunction>>;
  readonly topic: ITopic;
}

/** Builds the states and returns the first one, chained to the rest. */
export const buildWorkflowDefinition = (
  scope: Construct,
  props: WorkflowDefinitionProps,
): IChainable => {
  const invoke = (name: string, step: Step, payload?: TaskInput) =>
    new LambdaInvoke(scope, name, {
      lambdaFunction: props.functions[step],
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      payload,
    });
  const reprovisionPayload = (operation: 'PROVISION' | 'POLL' | 'RECREATE') =>
    TaskInput.fromObject({ operation, state: JsonPath.entirePayload });

  const report = invoke(STATE_NAMES.reportOutcome, 'report');
  const readRequest = invoke(
    STATE_NAMES.readRequest,
    'read-request',
    TaskInput.fromObject({
      input: JsonPath.entirePayload,
      execution: {
        id: JsonPath.executionId,
        startTime: JsonPath.executionStartTime,
      },
    }),
  );
  const check = invoke(STATE_NAMES.checkProvisioning, 'check-provisioning');
  const reprovision = invoke(
    STATE_NAMES.reprovision,
    'reprovision',
    reprovisionPayload('PROVISION'),
  );
  const readStatus = invoke(
    STATE_NAMES.readWriteStatus,
    'reprovision',
    reprovisionPayload('POLL'),
  );
  const recreate = invoke(
    STATE_NAMES.recreateAssignment,
    'reprovision',
    reprovisionPayload('RECREATE'),
  );
  const validate = invoke(STATE_NAMES.validatePolicies, 'validate-policies');

  // Every task but the report: retry what is transient, and whatever
  // still fails goes to the report with the error in $.failure, so that
  // no path ends without one.
  for (const task of [
    readRequest,
    check,
    reprovision,
    readStatus,
    recreate,
    validate,
  ]) {
    task.addRetry({
      errors: [...TRANSIENT_ERRORS],
      interval: Duration.seconds(2),
      maxAttempts: 4,
      backoffRate: 2,
      maxDelay: Duration.seconds(30),
      jitterStrategy: JitterType.FULL,
    });
    task.addCatch(report, { errors: [Errors.ALL], resultPath: '$.failure' });
  }

  const waitForPropagation = waitState(
    scope,
    STATE_NAMES.waitForPropagation,
    props.propagationWaitSeconds,
  );
  const waitAgain = waitState(
    scope,
    STATE_NAMES.waitBeforeCheckingAgain,
    props.recheckWaitSeconds,
  );
  const waitForWrite = waitState(
    scope,
    STATE_NAMES.waitForWrite,
    props.provisioningPollSeconds,
  );

  readRequest.next(
    new Choice(scope, STATE_NAMES.isRequestValid)
      .when(Condition.isPresent('$.problems'), report)
      .otherwise(waitForPropagation),
  );
  waitForPropagation.next(check);
  check.next(
    new Choice(scope, STATE_NAMES.whatDidCheckFind)
      .when(Condition.isPresent('$.problems'), report)
      .when(verdictIs('HEALTHY'), report)
      .when(
        Condition.and(
          needsAnotherLook(),
          Condition.numberLessThanEquals(
            '$.counters.waits',
            props.pendingRechecks,
          ),
        ),
        waitAgain,
      )
      .when(
        Condition.and(
          Condition.or(
            verdictIs('NOT_PROVISIONED'),
            verdictIs('OUTDATED'),
            verdictIs('CREATION_FAILED'),
          ),
          Condition.numberLessThan(
            '$.counters.reprovisions',
            props.reprovisionAttempts,
          ),
        ),
        reprovision,
      )
      .otherwise(validate),
  );
  waitAgain.next(check);

  reprovision.next(waitForWrite);
  recreate.next(waitForWrite);
  waitForWrite.next(readStatus);
  readStatus.next(
    new Choice(scope, STATE_NAMES.didWriteFinish)
      .when(pendingIs('IN_PROGRESS'), waitForWrite)
      .when(
        Condition.and(
          pendingIs('SUCCEEDED'),
          Condition.stringEquals('$.pending.kind', 'PROVISIONING'),
          verdictIs('CREATION_FAILED'),
        ),
        recreate,
      )
      .when(pendingIs('SUCCEEDED'), check)
      .otherwise(validate),
  );
  validate.next(report);

  addReportEnding(scope, report, props.topic);

  return readRequest;
};

const waitState = (scope: Construct, name: string, seconds: number): Wait =>
  new Wait(scope, name, {
    time: WaitTime.duration(Duration.seconds(seconds)),
  });

const verdictIs = (state: string): Condition =>
  Condition.stringEquals('$.verdict.state', state);

const pendingIs = (status: string): Condition =>
  Condition.stringEquals('$.pending.status', status);

/**
 * Provisioning still in progress, or an account that is not active yet:
 * both settle by themselves. The account state is tested for presence
 * first because a Choice fails on a path that does not exist.
 */
const needsAnotherLook = (): Condition =>
  Condition.or(
    verdictIs('PENDING'),
    Condition.and(
      verdictIs('ACCOUNT_UNAVAILABLE'),
      Condition.isPresent('$.verdict.evidence.account.state'),
      Condition.stringEquals(
        '$.verdict.evidence.account.state',
        'PENDING_ACTIVATION',
      ),
    ),
  );
