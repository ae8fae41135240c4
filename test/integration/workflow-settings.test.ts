import {
  DescribePermissionSetProvisioningStatusCommand,
  ListInstancesCommand,
} from '@aws-sdk/client-sso-admin';
import 'aws-sdk-client-mock-jest';
import {
  ACCOUNT_ID,
  cloudTrailEvent,
  IDENTITY_STORE_ID,
} from '../lambdas/core/workflow-fixtures';
import {
  mockAwsClients,
  publishedReport,
  resetAwsMocks,
  writesSent,
} from './aws-mocks';
import {
  CHECKED,
  finalState,
  type Healer,
  loadHealer,
  MANUAL_INPUT,
  oneLine,
  POLLED,
  reportedAs,
  runHealer,
} from './support';
import {
  ACCOUNT_NAME,
  PERMISSION_SET_NAME,
  setUpWorld,
  USER_NAME,
} from './world';
import { REPORT_MESSAGE_ID } from './world-policies';

const mocks = mockAwsClients();

describe('assignment healer workflow in dry run', () => {
  let healer: Healer;

  beforeAll(() => {
    healer = loadHealer({ dryRun: true, identityStoreId: IDENTITY_STORE_ID });
  });

  afterEach(() => {
    resetAwsMocks(mocks);
  });

  it.each([
    {
      case: 'not provisioned',
      world: { provisioned: false },
      cause: 'PERMISSION_SET_NOT_PROVISIONED',
      described: ['ProvisionPermissionSet'],
    },
    {
      case: 'creation failed',
      world: {
        assignments: [],
        creation: { statuses: ['FAILED'] as ['FAILED'] },
      },
      cause: 'ASSIGNMENT_CREATION_FAILED',
      described: ['ProvisionPermissionSet', 'CreateAccountAssignment'],
    },
  ])(
    'describes the writes and makes none: $case',
    async ({ world, cause, described }) => {
      // Prepare
      setUpWorld(mocks, world);

      // Act
      const run = await runHealer(healer, cloudTrailEvent());

      // Assess
      expect(healer.environmentOfStep.reprovision?.HEALER_DRY_RUN).toBe('true');
      expect(run.endState).toBe('Needs attention');
      expect(run.path.slice(3)).toEqual([
        ...CHECKED,
        'Re-provision permission set',
        ...POLLED,
        'Validate policies',
        ...reportedAs('Needs attention'),
      ]);
      const state = finalState(run);
      expect(state.report).toEqual(
        expect.objectContaining({ outcome: 'NEEDS_ATTENTION', cause }),
      );
      expect(state.pending?.status).toBe('SKIPPED');
      expect(
        state.actions.map((a) => [a.operation, a.dryRun, a.status]),
      ).toEqual(described.map((operation) => [operation, true, 'SKIPPED']));
      expect(writesSent(mocks)).toBe(0);
      expect(mocks.ssoAdmin).not.toHaveReceivedCommand(
        DescribePermissionSetProvisioningStatusCommand,
      );
      // The configured identity store spares the ListInstances look-up.
      expect(mocks.ssoAdmin).not.toHaveReceivedCommand(ListInstancesCommand);
      const report = publishedReport(mocks);
      for (const operation of described) {
        expect(report.email).toContain(
          `Would have called ${operation} (dry run: no write made)`,
        );
      }
      expect(oneLine(report.email)).toContain('would have made');
      expect(report.email).toContain('Dry run: on (no writes were made)');
    },
  );
});

describe('assignment healer workflow with healthy results notified', () => {
  let healer: Healer;

  beforeAll(() => {
    healer = loadHealer({ notifyOnHealthy: true });
  });

  afterEach(() => {
    resetAwsMocks(mocks);
  });

  it('publishes one report of a healthy manual check', async () => {
    // Prepare
    setUpWorld(mocks);

    // Act
    const run = await runHealer(healer, MANUAL_INPUT);

    // Assess
    expect(run.endState).toBe('Healthy');
    expect(finalState(run).report).toEqual(
      expect.objectContaining({
        outcome: 'HEALTHY',
        cause: 'NONE',
        published: true,
        messageId: REPORT_MESSAGE_ID,
      }),
    );
    const report = publishedReport(mocks);
    expect(report.messageStructure).toBe('json');
    expect(report.subject).toBe(
      `[HEALTHY] NONE: ${ACCOUNT_NAME} (${ACCOUNT_ID}) / ${PERMISSION_SET_NAME}`,
    );
    expect(report.email).toContain('started by hand');
    expect(report.email).toContain(`user ${USER_NAME}`);
    expect(writesSent(mocks)).toBe(0);
  });
});
