import { App } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  AssignmentHealerStack,
  type AssignmentHealerStackProps,
} from '../../lib/assignment-healer-stack';
import { addNagChecks } from '../../lib/nag';
import { INSTANCE_ARN } from './fixtures/stack';

const buildApp = (overrides: Partial<AssignmentHealerStackProps> = {}) => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new AssignmentHealerStack(app, 'AssignmentHealer', {
    instanceArn: INSTANCE_ARN,
    ...overrides,
  });

  return { app, stack };
};

const EVERY_OPTION: Partial<AssignmentHealerStackProps> = {
  identityStoreId: 'd-9067a1b2c3',
  alertEmails: ['oncall@example.com'],
  slackWorkspaceId: 'T0123ABCDEF',
  slackChannelId: 'C0123ABCDEF',
  excludedAccountIds: ['111122223333'],
  healManagementAccount: true,
  dryRun: true,
};

describe('addNagChecks', () => {
  it.each([
    { case: 'the defaults', overrides: {} },
    { case: 'every option', overrides: EVERY_OPTION },
  ])('leaves no unacknowledged finding with $case', ({ overrides }) => {
    // Prepare
    const { app } = buildApp(overrides);
    addNagChecks(app);

    // Act
    app.synth();
    const report = new AwsSolutionsChecks().validateScope(app);

    // Assess
    expect(report.violations).toEqual([]);
  });

  it('gives a reason for every acknowledged finding', () => {
    // Prepare
    const { app } = buildApp(EVERY_OPTION);

    // Act
    const reasons = app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === 'aws:cdk:acknowledged-rules')
      .flatMap((entry) => Object.values(entry.data as Record<string, string>));

    // Assess
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) {
      expect(reason.length).toBeGreaterThan(40);
    }
  });

  it('fails the synth on a finding nobody acknowledged', () => {
    // Prepare
    const { app, stack } = buildApp();
    new Queue(stack, 'Unchecked');
    addNagChecks(app);

    // Act & Assess
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS3/);
  });
});
