import { Match } from 'aws-cdk-lib/assertions';
import type { AssignmentHealerStackProps } from '../../lib/assignment-healer-stack';
import { STATE_NAMES, TRANSIENT_ERRORS } from '../../lib/workflow-states';
import {
  readHealerDefinition,
  type SynthesizedTemplate,
} from '../../sandbox/definition';
import { synthesizeStack } from './fixtures/stack';

type State = Record<string, unknown>;

const definitionOf = (overrides: Partial<AssignmentHealerStackProps> = {}) => {
  const { template } = synthesizeStack(overrides);

  return readHealerDefinition(template.toJSON() as SynthesizedTemplate)
    .definition;
};

const stateOf = (states: Record<string, State>, name: string): State => {
  const state = states[name];
  if (!state) {
    throw new Error(`no state "${name}"`);
  }

  return state;
};

/** Every comparison a Choice makes, flattened out of And/Or. */
const comparisons = (choice: State): State[] => {
  const flatten = (rule: State): State[] => [
    rule,
    ...((rule.And ?? rule.Or ?? []) as State[]).flatMap(flatten),
  ];

  return (choice.Choices as State[]).flatMap(flatten);
};

const LAMBDA_TASKS = [
  STATE_NAMES.readRequest,
  STATE_NAMES.checkProvisioning,
  STATE_NAMES.reprovision,
  STATE_NAMES.readWriteStatus,
  STATE_NAMES.recreateAssignment,
  STATE_NAMES.validatePolicies,
];

describe('HealerWorkflow', () => {
  it('names the states as the runbook does', () => {
    // Act
    const definition = definitionOf();

    // Assess
    expect(definition.StartAt).toBe('Read request');
    expect(Object.keys(definition.States).sort()).toEqual(
      [
        'Read request',
        'Is the request valid?',
        'Wait for propagation',
        'Check provisioning',
        'What did the check find?',
        'Wait before checking again',
        'Re-provision permission set',
        'Wait for the write to finish',
        'Read write status',
        'Did the write finish?',
        'Re-create assignment',
        'Validate policies',
        'Report outcome',
        'Publish fallback report',
        'Route by outcome',
        'Healthy',
        'Healed',
        'Needs attention',
        'Invalid request',
        'Workflow error',
      ].sort(),
    );
  });

  it('waits the default durations', () => {
    // Act
    const { States } = definitionOf();

    // Assess
    expect(stateOf(States, 'Wait for propagation').Seconds).toBe(180);
    expect(stateOf(States, 'Wait before checking again').Seconds).toBe(60);
    expect(stateOf(States, 'Wait for the write to finish').Seconds).toBe(10);
  });

  it('waits the configured durations', () => {
    // Act
    const { States } = definitionOf({
      propagationWaitSeconds: 45,
      recheckWaitSeconds: 20,
      provisioningPollSeconds: 3,
    });

    // Assess
    expect(stateOf(States, 'Wait for propagation').Seconds).toBe(45);
    expect(stateOf(States, 'Wait before checking again').Seconds).toBe(20);
    expect(stateOf(States, 'Wait for the write to finish').Seconds).toBe(3);
  });

  it('bounds the loops with the configured counts', () => {
    // Act
    const { States } = definitionOf({
      pendingRechecks: 5,
      reprovisionAttempts: 1,
    });

    // Assess
    const rules = comparisons(stateOf(States, 'What did the check find?'));
    expect(rules).toContainEqual({
      Variable: '$.counters.waits',
      NumericLessThanEquals: 5,
    });
    expect(rules).toContainEqual({
      Variable: '$.counters.reprovisions',
      NumericLessThan: 1,
    });
  });

  it('routes the check in the documented order', () => {
    // Act
    const { States } = definitionOf();

    // Assess
    const choice = stateOf(States, 'What did the check find?');
    expect((choice.Choices as State[]).map((rule) => rule.Next)).toEqual([
      'Report outcome',
      'Report outcome',
      'Wait before checking again',
      'Re-provision permission set',
    ]);
    expect(choice.Choices as State[]).toContainEqual({
      Variable: '$.problems',
      IsPresent: true,
      Next: 'Report outcome',
    });
    expect(choice.Default).toBe('Validate policies');
    expect(stateOf(States, 'Wait before checking again').Next).toBe(
      'Check provisioning',
    );
  });

  it('routes a finished write in the documented order', () => {
    // Act
    const { States } = definitionOf();

    // Assess
    const choice = stateOf(States, 'Did the write finish?');
    expect((choice.Choices as State[]).map((rule) => rule.Next)).toEqual([
      'Wait for the write to finish',
      'Re-create assignment',
      'Check provisioning',
    ]);
    expect(choice.Default).toBe('Validate policies');
    expect(stateOf(States, 'Re-create assignment').Next).toBe(
      'Wait for the write to finish',
    );
  });

  it('passes the operation to each re-provision task', () => {
    // Act
    const { States } = definitionOf();

    // Assess
    expect(stateOf(States, 'Re-provision permission set').Parameters).toEqual({
      operation: 'PROVISION',
      'state.$': '$',
    });
    expect(stateOf(States, 'Read write status').Parameters).toEqual({
      operation: 'POLL',
      'state.$': '$',
    });
    expect(stateOf(States, 'Re-create assignment').Parameters).toEqual({
      operation: 'RECREATE',
      'state.$': '$',
    });
    expect(stateOf(States, 'Read request').Parameters).toEqual({
      'input.$': '$',
      execution: {
        'id.$': '$$.Execution.Id',
        'startTime.$': '$$.Execution.StartTime',
      },
    });
  });

  it.each(LAMBDA_TASKS.map((name) => ({ case: name, name })))(
    'retries with full jitter and catches into the report: $case',
    ({ name }) => {
      // Act
      const { States } = definitionOf();

      // Assess
      const state = stateOf(States, name);
      expect(state.Retry).toEqual([
        expect.objectContaining({
          ErrorEquals: [...TRANSIENT_ERRORS],
          JitterStrategy: 'FULL',
        }),
      ]);
      expect(state.Catch).toEqual([
        {
          ErrorEquals: ['States.ALL'],
          ResultPath: '$.failure',
          Next: 'Report outcome',
        },
      ]);
    },
  );

  it('publishes a fallback report when the report fails', () => {
    // Act
    const { States } = definitionOf();

    // Assess
    const report = stateOf(States, 'Report outcome');
    expect(report.Catch).toEqual([
      {
        ErrorEquals: ['States.ALL'],
        ResultPath: '$.reportFailure',
        Next: 'Publish fallback report',
      },
    ]);
    expect((report.Retry as State[])[0]?.ErrorEquals).not.toContain(
      'ThrottlingException',
    );
    const fallback = stateOf(States, 'Publish fallback report');
    expect(fallback.Resource).toBe('arn:aws:states:::sns:publish');
    expect(fallback.Next).toBe('Workflow error');
    expect((fallback.Parameters as State)['Message.$']).toMatch(
      /^States\.Format\('.*', \$\$\.Execution\.Id, States\.JsonToString\(\$\.reportFailure\)\)$/,
    );
  });

  it('ends in a state named for each outcome', () => {
    // Act
    const { States } = definitionOf();

    // Assess
    const route = stateOf(States, 'Route by outcome');
    const targets = Object.fromEntries(
      (route.Choices as State[]).map((rule) => [
        ((rule.And as State[])[1] as State).StringEquals,
        rule.Next,
      ]),
    );
    expect(targets).toEqual({
      HEALTHY: 'Healthy',
      HEALED: 'Healed',
      NEEDS_ATTENTION: 'Needs attention',
      INVALID_REQUEST: 'Invalid request',
    });
    expect(route.Default).toBe('Workflow error');
    expect(stateOf(States, 'Healthy').Type).toBe('Succeed');
    expect(stateOf(States, 'Needs attention').Type).toBe('Fail');
  });

  it('uses JSONPath only', () => {
    // Act
    const definition = definitionOf();

    // Assess
    expect(JSON.stringify(definition)).not.toMatch(/JSONata|\{%/);
  });

  it('logs every event to an encrypted group and traces executions', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [
          {
            CloudWatchLogsLogGroup: {
              LogGroupArn: {
                'Fn::GetAtt': [Match.stringLikeRegexp('^WorkflowLogs'), 'Arn'],
              },
            },
          },
        ],
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/vendedlogs/states/AssignmentHealer-workflow',
      KmsKeyId: {
        'Fn::GetAtt': [Match.stringLikeRegexp('^EncryptionKey'), 'Arn'],
      },
      RetentionInDays: 90,
    });
  });

  it('times out after the longest path of waits plus an hour', () => {
    // Act
    const definition = definitionOf({
      propagationWaitSeconds: 100,
      pendingRechecks: 2,
      recheckWaitSeconds: 50,
      reprovisionAttempts: 1,
      provisioningPollLimit: 10,
      provisioningPollSeconds: 5,
    });

    // Assess
    expect(definition.TimeoutSeconds).toBe(
      100 + 2 * 50 + 1 * 2 * 10 * 5 + 3600,
    );
  });
});
