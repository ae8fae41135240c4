import { Duration } from 'aws-cdk-lib';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import {
  Choice,
  Condition,
  Errors,
  Fail,
  JitterType,
  JsonPath,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import {
  type LambdaInvoke,
  SnsPublish,
} from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { STATE_NAMES, TRANSIENT_ERRORS } from '../workflow-states';

/** Failures of Lambda that happen before or around the function's code. */
const LAMBDA_SERVICE_ERRORS = TRANSIENT_ERRORS.filter((error) =>
  error.startsWith('Lambda.'),
);

/**
 * The report routes by outcome, so the console shows red exactly where a
 * person must act. When the report itself fails, a plain message built in
 * the state machine still reaches the topic.
 */
export const addReportEnding = (
  scope: Construct,
  report: LambdaInvoke,
  topic: ITopic,
): void => {
  const workflowError = new Fail(scope, STATE_NAMES.workflowError, {
    error: 'WorkflowError',
    cause:
      'The workflow could not finish its check; the report, or the ' +
      'fallback message sent to the alert topic, says what failed.',
  });

  // Retried only when Lambda failed around the function: the function
  // publishes, and running it again after it published would send twice.
  report.addRetry({
    errors: [...LAMBDA_SERVICE_ERRORS],
    interval: Duration.seconds(2),
    maxAttempts: 3,
    backoffRate: 2,
    jitterStrategy: JitterType.FULL,
  });
  report.addCatch(
    new SnsPublish(scope, STATE_NAMES.publishFallbackReport, {
      topic,
      subject: 'Assignment Healer: a check ended without its report',
      message: TaskInput.fromText(
        JsonPath.format(
          'Assignment Healer could not send the report of execution {}. ' +
            'The report step failed with: {}. The assignment may not be ' +
            'healed. Open the execution in the Step Functions console, ' +
            'read the input of the state Report outcome (it holds the ' +
            'request, the verdict and the actions taken), and check the ' +
            'assignment in IAM Identity Center.',
          JsonPath.executionId,
          JsonPath.jsonToString(JsonPath.objectAt('$.reportFailure')),
        ),
      ),
    }).next(workflowError),
    { errors: [Errors.ALL], resultPath: '$.reportFailure' },
  );

  report.next(
    new Choice(scope, STATE_NAMES.routeByOutcome)
      .when(outcomeIs('HEALTHY'), new Succeed(scope, STATE_NAMES.healthy))
      .when(outcomeIs('HEALED'), new Succeed(scope, STATE_NAMES.healed))
      .when(
        outcomeIs('NEEDS_ATTENTION'),
        new Fail(scope, STATE_NAMES.needsAttention, {
          error: 'NeedsAttention',
          cause:
            'A person must act: the report sent to the alert topic names ' +
            'the cause and the next steps.',
        }),
      )
      .when(
        outcomeIs('INVALID_REQUEST'),
        new Fail(scope, STATE_NAMES.invalidRequest, {
          error: 'InvalidRequest',
          cause:
            'The input did not describe an account assignment; the report ' +
            'names each field to fix.',
        }),
      )
      .otherwise(workflowError),
  );
};

const outcomeIs = (outcome: string): Condition =>
  Condition.and(
    Condition.isPresent('$.report.outcome'),
    Condition.stringEquals('$.report.outcome', outcome),
  );
