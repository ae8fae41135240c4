import { StateMachine } from 'aws-local-stepfunctions';
import {
  loadHealerDefinition,
  readHealerDefinition,
  resolveReferences,
  type SynthesizedTemplate,
  synthesizeHealer,
} from '../../sandbox/definition';

const FUNCTION_ARN =
  /^arn:aws:lambda:us-east-1:123456789012:function:[A-Za-z0-9]+$/;

describe('readHealerDefinition', () => {
  it('returns plain ASL that passes validation', () => {
    // Act
    const { definition } = loadHealerDefinition();

    // Assess
    expect(
      () =>
        new StateMachine(definition as never, {
          validationOptions: { checkArn: true, checkPaths: true },
        }),
    ).not.toThrow();
    expect(definition.StartAt).toBe('Read request');
  });

  it('resolves every CloudFormation reference', () => {
    // Act
    const { definition } = loadHealerDefinition();

    // Assess
    const text = JSON.stringify(definition);
    expect(text).not.toMatch(/Fn::|"Ref"|\$\{Token/);
    const functionArns = Object.values(definition.States)
      .filter((state) => state.Type === 'Task')
      .map((state) => state.Resource)
      .filter((resource) => resource !== 'arn:aws:states:::sns:publish');
    expect(functionArns).toHaveLength(7);
    for (const arn of functionArns) {
      expect(arn).toMatch(FUNCTION_ARN);
    }
  });

  it('returns each function environment with its settings resolved', () => {
    // Act
    const { environmentOfStep } = loadHealerDefinition({ dryRun: true });

    // Assess
    expect(Object.keys(environmentOfStep).sort()).toEqual([
      'check-provisioning',
      'read-request',
      'report',
      'reprovision',
      'validate-policies',
    ]);
    for (const [step, variables] of Object.entries(environmentOfStep)) {
      expect(variables.HEALER_STEP).toBe(step);
    }
    expect(environmentOfStep.reprovision?.HEALER_DRY_RUN).toBe('true');
    expect(environmentOfStep.report?.HEALER_TOPIC_ARN).toMatch(
      /^arn:aws:sns:us-east-1:123456789012:/,
    );
  });

  it('maps each Lambda task to the folder of its step', () => {
    // Act
    const { stepOfState } = loadHealerDefinition();

    // Assess
    expect(stepOfState).toEqual({
      'Read request': 'read-request',
      'Check provisioning': 'check-provisioning',
      'Re-provision permission set': 'reprovision',
      'Read write status': 'reprovision',
      'Re-create assignment': 'reprovision',
      'Validate policies': 'validate-policies',
      'Report outcome': 'report',
    });
  });

  it('leaves the fallback publish to a local stand-in', () => {
    // Act
    const { definition, stepOfState } = loadHealerDefinition();

    // Assess
    expect(stepOfState).not.toHaveProperty('Publish fallback report');
    expect(
      definition.States['Publish fallback report']?.Parameters,
    ).toMatchObject({
      TopicArn: expect.stringMatching(
        /^arn:aws:sns:us-east-1:123456789012:NotificationsTopic/,
      ),
    });
  });

  it('resolves the rule with the placeholder ARN of the healer role', () => {
    // Act
    const { rulePattern, reprovisionRoleArn } = loadHealerDefinition();

    // Assess
    expect(reprovisionRoleArn).toMatch(
      /^arn:aws:iam::123456789012:role\/ReprovisionRole[A-Z0-9]+$/,
    );
    expect(JSON.stringify(rulePattern)).toContain(
      `{"anything-but":["${reprovisionRoleArn}"]}`,
    );
  });

  it('reflects the configuration it is synthesized with', () => {
    // Act
    const { definition } = loadHealerDefinition({
      propagationWaitSeconds: 7,
      pendingRechecks: 9,
    });

    // Assess
    expect(definition.States['Wait for propagation']?.Seconds).toBe(7);
    expect(
      JSON.stringify(definition.States['What did the check find?']),
    ).toContain('"NumericLessThanEquals":9');
  });

  it('throws when the template holds no state machine', () => {
    // Prepare
    const template = synthesizeHealer();
    const resources = Object.fromEntries(
      Object.entries(template.Resources ?? {}).filter(
        ([, resource]) => resource.Type !== 'AWS::StepFunctions::StateMachine',
      ),
    );

    // Act & Assess
    expect(() =>
      readHealerDefinition({ ...template, Resources: resources }),
    ).toThrow(
      'Expected one AWS::StepFunctions::StateMachine in the template, found 0.',
    );
  });
});

describe('resolveReferences', () => {
  const template: SynthesizedTemplate = {
    Resources: {
      Fn1: { Type: 'AWS::Lambda::Function' },
      Role1: { Type: 'AWS::IAM::Role' },
      Topic1: { Type: 'AWS::SNS::Topic' },
      Queue1: { Type: 'AWS::SQS::Queue' },
    },
  };

  it.each([
    {
      case: 'a pseudo parameter',
      value: { Ref: 'AWS::Region' },
      expected: 'us-east-1',
    },
    {
      case: 'a function ARN',
      value: { 'Fn::GetAtt': ['Fn1', 'Arn'] },
      expected: 'arn:aws:lambda:us-east-1:123456789012:function:Fn1',
    },
    {
      case: 'a role ARN in dotted form',
      value: { 'Fn::GetAtt': 'Role1.Arn' },
      expected: 'arn:aws:iam::123456789012:role/Role1',
    },
    {
      case: 'a topic reference',
      value: { Ref: 'Topic1' },
      expected: 'arn:aws:sns:us-east-1:123456789012:Topic1',
    },
    {
      case: 'a queue reference',
      value: { Ref: 'Queue1' },
      expected: 'https://sqs.us-east-1.amazonaws.com/123456789012/Queue1',
    },
    {
      case: 'a join',
      value: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':x']] },
      expected: 'arn:aws:x',
    },
    {
      case: 'a sub with attributes and variables',
      value: {
        'Fn::Sub': [
          // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax
          '${AWS::AccountId}/${Fn1.Arn}/${Name}',
          { Name: { Ref: 'Role1' } },
        ],
      },
      expected:
        '123456789012/arn:aws:lambda:us-east-1:123456789012:function:Fn1/Role1',
    },
  ])('resolves $case', ({ value, expected }) => {
    // Act
    const resolved = resolveReferences(value, template);

    // Assess
    expect(resolved).toBe(expected);
  });

  it('resolves references nested in objects and arrays', () => {
    // Act
    const resolved = resolveReferences(
      { a: [{ Ref: 'Fn1' }, { b: { Ref: 'AWS::Partition' } }], c: 1 },
      template,
    );

    // Assess
    expect(resolved).toEqual({ a: ['Fn1', { b: 'aws' }], c: 1 });
  });
});
