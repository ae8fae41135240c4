import {
  DescribePermissionSetProvisioningStatusCommand,
  ProvisionPermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import 'aws-sdk-client-mock-jest';
import { HEALER_DEFAULTS } from '../../lib/config';
import { cloudTrailEvent } from '../lambdas/core/workflow-fixtures';
import {
  mockAwsClients,
  publishedReport,
  resetAwsMocks,
  writesSent,
} from './aws-mocks';
import {
  finalState,
  type Healer,
  loadHealer,
  oneLine,
  reportedAs,
  runHealer,
  timesEntered,
} from './support';
import { setUpWorld } from './world';

const mocks = mockAwsClients();

describe('assignment healer workflow at its configured limits', () => {
  let healer: Healer;

  beforeAll(() => {
    healer = loadHealer();
  });

  afterEach(() => {
    resetAwsMocks(mocks);
  });

  it.each([
    {
      case: 'creation stays in progress',
      world: { creation: { statuses: ['IN_PROGRESS'] as ['IN_PROGRESS'] } },
      verdict: 'PENDING',
      cause: 'PROVISIONING_TIMEOUT',
    },
    {
      case: 'account stays pending activation',
      world: { accountState: 'PENDING_ACTIVATION' as const },
      verdict: 'ACCOUNT_UNAVAILABLE',
      cause: 'ACCOUNT_NOT_READY',
    },
  ])(
    'stops checking again after the configured waits: $case',
    async ({ world, verdict, cause }) => {
      // Prepare
      setUpWorld(mocks, world);

      // Act
      const run = await runHealer(healer, cloudTrailEvent());

      // Assess
      const { pendingRechecks } = HEALER_DEFAULTS;
      expect(run.endState).toBe('Needs attention');
      expect(timesEntered(run, 'Wait before checking again')).toBe(
        pendingRechecks,
      );
      expect(run.path.slice(-4)).toEqual([
        'Validate policies',
        ...reportedAs('Needs attention'),
      ]);
      const state = finalState(run);
      expect(state.counters).toEqual({
        checks: pendingRechecks + 1,
        waits: pendingRechecks + 1,
        reprovisions: 0,
      });
      expect(state.verdict?.state).toBe(verdict);
      expect(state.report).toEqual(
        expect.objectContaining({ outcome: 'NEEDS_ATTENTION', cause }),
      );
      expect(writesSent(mocks)).toBe(0);
      expect(publishedReport(mocks).subject).toMatch(
        new RegExp(`^\\[NEEDS_ATTENTION\\] ${cause}: `),
      );
    },
  );

  it('stops re-provisioning after the configured attempts', async () => {
    // Prepare
    setUpWorld(mocks, { provisioned: false, provisioningTakesEffect: false });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    const { reprovisionAttempts } = HEALER_DEFAULTS;
    expect(run.endState).toBe('Needs attention');
    expect(timesEntered(run, 'Re-provision permission set')).toBe(
      reprovisionAttempts,
    );
    expect(mocks.ssoAdmin).toHaveReceivedCommandTimes(
      ProvisionPermissionSetCommand,
      reprovisionAttempts,
    );
    expect(run.path).toContain('Validate policies');
    const state = finalState(run);
    expect(state.counters.reprovisions).toBe(reprovisionAttempts);
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'NEEDS_ATTENTION',
        cause: 'PERMISSION_SET_NOT_PROVISIONED',
      }),
    );
    expect(oneLine(publishedReport(mocks).email)).toContain(
      `after ${reprovisionAttempts} re-provisioning attempts`,
    );
  });

  it('reports a provisioning that never leaves IN_PROGRESS', async () => {
    // Prepare
    setUpWorld(mocks, {
      provisioned: false,
      provisioning: { statuses: ['IN_PROGRESS'] },
    });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    const { provisioningPollLimit } = HEALER_DEFAULTS;
    expect(run.endState).toBe('Needs attention');
    expect(mocks.ssoAdmin).toHaveReceivedCommandTimes(
      DescribePermissionSetProvisioningStatusCommand,
      provisioningPollLimit,
    );
    expect(timesEntered(run, 'Wait for the write to finish')).toBe(
      provisioningPollLimit,
    );
    const state = finalState(run);
    expect(state.pending).toEqual(
      expect.objectContaining({
        status: 'TIMED_OUT',
        polls: provisioningPollLimit,
      }),
    );
    expect(state.actions).toEqual([
      expect.objectContaining({
        operation: 'ProvisionPermissionSet',
        status: 'TIMED_OUT',
      }),
    ]);
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'NEEDS_ATTENTION',
        cause: 'PROVISIONING_TIMEOUT',
      }),
    );
    expect(mocks.ssoAdmin).toHaveReceivedCommandTimes(
      ProvisionPermissionSetCommand,
      1,
    );
  });
});
