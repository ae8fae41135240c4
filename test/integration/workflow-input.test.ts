import { DescribeAccountAssignmentCreationStatusCommand } from '@aws-sdk/client-sso-admin';
import 'aws-sdk-client-mock-jest';
import {
  CREATION_REQUEST_ID,
  PERMISSION_SET_ARN,
} from '../lambdas/core/workflow-fixtures';
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
  MANUAL_INPUT,
  runHealer,
} from './support';
import { setUpWorld } from './world';

const mocks = mockAwsClients();

describe('assignment healer workflow with a contradicting input', () => {
  let healer: Healer;

  beforeAll(() => {
    healer = loadHealer();
  });

  afterEach(() => {
    resetAwsMocks(mocks);
  });

  it('ends a creation request id of another assignment as invalid', async () => {
    // Prepare
    setUpWorld(mocks);
    mocks.ssoAdmin.on(DescribeAccountAssignmentCreationStatusCommand).resolves({
      AccountAssignmentCreationStatus: {
        Status: 'SUCCEEDED',
        RequestId: CREATION_REQUEST_ID,
        TargetId: '777788889999',
        TargetType: 'AWS_ACCOUNT',
        PermissionSetArn: PERMISSION_SET_ARN,
      },
    });

    // Act
    const run = await runHealer(healer, {
      ...MANUAL_INPUT,
      creationRequestId: CREATION_REQUEST_ID,
    });

    // Assess
    expect(run.endState).toBe('Invalid request');
    expect(run.path).not.toContain('Validate policies');
    const state = finalState(run);
    expect(state.problems?.map((problem) => problem.field)).toEqual([
      'creationRequestId',
    ]);
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'INVALID_REQUEST',
        cause: 'INVALID_INPUT',
      }),
    );
    expect(writesSent(mocks)).toBe(0);
    expect(publishedReport(mocks).email).toContain('777788889999');
  });
});
