import { handler } from '../../../lambdas/read-request/index';
import {
  ACCOUNT_ID,
  CREATION_REQUEST_ID,
  cloudTrailEvent,
  EXECUTION,
  GROUP_ID,
  INSTANCE_ARN,
  PERMISSION_SET_ARN,
  USER_ID,
} from '../core/workflow-fixtures';

const manual = (input: Record<string, unknown> = {}) => ({
  accountId: ACCOUNT_ID,
  permissionSetArn: PERMISSION_SET_ARN,
  ...input,
});

const event = cloudTrailEvent();

const detailOf = (value: Record<string, unknown>) =>
  value.detail as Record<string, unknown>;

const withParameters = (parameters: Record<string, unknown>) =>
  cloudTrailEvent({
    requestParameters: {
      ...(detailOf(event).requestParameters as Record<string, unknown>),
      ...parameters,
    },
  });

describe('read-request handler', () => {
  describe('with a CloudTrail event', () => {
    it('reads the six fields and the trigger of the call', async () => {
      // Act
      const state = await handler({ input: event, execution: EXECUTION });

      // Assess
      expect(state).toEqual({
        execution: EXECUTION,
        request: {
          instanceArn: INSTANCE_ARN,
          accountId: ACCOUNT_ID,
          permissionSetArn: PERMISSION_SET_ARN,
          principal: { type: 'GROUP', id: GROUP_ID },
          creationRequestId: CREATION_REQUEST_ID,
          trigger: {
            kind: 'EVENT',
            eventId: 'bea150ce-12b4-4417-9983-7be8c28a7a3a',
            eventTime: '2023-04-25T19:24:49Z',
            actor: 'jane.doe@example.com',
            actorArn:
              'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/jane.doe@example.com',
            sourceIp: '203.0.113.10',
            userAgent:
              'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64 command/sso-admin.create-account-assignment',
          },
        },
        counters: { checks: 0, waits: 0, reprovisions: 0 },
        actions: [],
      });
    });

    it('reads the Pascal case keys of the API as well', async () => {
      // Prepare
      const input = cloudTrailEvent({
        requestParameters: {
          InstanceArn: INSTANCE_ARN,
          TargetId: ACCOUNT_ID,
          TargetType: 'AWS_ACCOUNT',
          PermissionSetArn: PERMISSION_SET_ARN,
          PrincipalType: 'USER',
          PrincipalId: USER_ID,
        },
        responseElements: {
          AccountAssignmentCreationStatus: {
            Status: 'IN_PROGRESS',
            RequestId: CREATION_REQUEST_ID,
          },
        },
      });

      // Act
      const state = await handler({ input, execution: EXECUTION });

      // Assess
      expect(state.problems).toBeUndefined();
      expect(state.request).toMatchObject({
        instanceArn: INSTANCE_ARN,
        accountId: ACCOUNT_ID,
        permissionSetArn: PERMISSION_SET_ARN,
        principal: { type: 'USER', id: USER_ID },
        creationRequestId: CREATION_REQUEST_ID,
      });
    });

    it('leaves the creation request id out when AWS sent none', async () => {
      // Prepare
      const input = cloudTrailEvent({ responseElements: null });

      // Act
      const state = await handler({ input, execution: EXECUTION });

      // Assess
      expect(state.request).toBeDefined();
      expect(state.request).not.toHaveProperty('creationRequestId');
    });

    it('takes the event id and time of the envelope when needed', async () => {
      // Prepare
      const input = cloudTrailEvent({
        eventID: undefined,
        eventTime: undefined,
      });

      // Act
      const state = await handler({ input, execution: EXECUTION });

      // Assess
      expect(state.request?.trigger).toMatchObject({
        kind: 'EVENT',
        eventId: '3f9c2b1e-7d4a-4c55-9e0a-2b6f1d8c9a10',
        eventTime: '2023-04-25T19:24:49Z',
      });
    });

    it.each([
      {
        case: 'an assumed role, by session name',
        userIdentity: {
          type: 'AssumedRole',
          principalId: 'AROAEXAMPLEID:pipeline-run-42',
          arn: 'arn:aws:sts::111122223333:assumed-role/Deployer/pipeline-run-42',
        },
        actor: 'pipeline-run-42',
      },
      {
        case: 'an assumed role without a session in its principal id',
        userIdentity: {
          type: 'AssumedRole',
          principalId: 'AROAEXAMPLEID',
          arn: 'arn:aws:sts::111122223333:assumed-role/Deployer/terraform',
        },
        actor: 'terraform',
      },
      {
        case: 'the root user',
        userIdentity: {
          type: 'Root',
          principalId: '111122223333',
          arn: 'arn:aws:iam::111122223333:root',
        },
        actor: 'root',
      },
      {
        case: 'an IAM user, by user name',
        userIdentity: {
          type: 'IAMUser',
          principalId: 'AIDAEXAMPLEID',
          arn: 'arn:aws:iam::111122223333:user/ops/alice',
          userName: 'alice',
        },
        actor: 'alice',
      },
      {
        case: 'an AWS service, by its host name',
        userIdentity: {
          type: 'AWSService',
          invokedBy: 'cloudformation.amazonaws.com',
        },
        actor: 'cloudformation.amazonaws.com',
      },
      {
        case: 'an identity without any name',
        userIdentity: { type: 'Unknown' },
        actor: 'unknown',
      },
    ])('names the actor for $case', async ({ userIdentity, actor }) => {
      // Prepare
      const input = cloudTrailEvent({ userIdentity });

      // Act
      const state = await handler({ input, execution: EXECUTION });

      // Assess
      expect(state.request?.trigger).toMatchObject({ kind: 'EVENT', actor });
    });

    it.each([
      {
        case: 'a DeleteAccountAssignment call',
        input: cloudTrailEvent({ eventName: 'DeleteAccountAssignment' }),
        field: 'detail.eventName',
        message:
          /^Expected CreateAccountAssignment, received "DeleteAccountAssignment"; .*route only CreateAccountAssignment events/,
      },
      {
        case: 'a call that AWS refused',
        input: cloudTrailEvent({
          errorCode: 'ConflictException',
          errorMessage: 'There is a conflicting operation in process.',
          responseElements: null,
        }),
        field: 'detail.errorCode',
        message:
          /received error "ConflictException" \(There is a conflicting operation in process\.\); no assignment was started/,
      },
      {
        case: 'a call to another service',
        input: cloudTrailEvent({ eventSource: 'iam.amazonaws.com' }),
        field: 'detail.eventSource',
        message:
          /^Expected sso\.amazonaws\.com, received "iam\.amazonaws\.com"/,
      },
      {
        case: 'an event without a CloudTrail record',
        input: { 'detail-type': 'Scheduled Event', detail: 'none' },
        field: 'detail',
        message: /^Expected the CloudTrail record .*, received "none"/,
      },
      {
        case: 'a target other than an account',
        input: withParameters({ targetType: 'ALL_PROVISIONED_ACCOUNTS' }),
        field: 'detail.requestParameters.targetType',
        message:
          /^Expected AWS_ACCOUNT, received "ALL_PROVISIONED_ACCOUNTS"; .*accounts only/,
      },
      {
        case: 'a malformed account id',
        input: withParameters({ targetId: '4444-5555-6666' }),
        field: 'detail.requestParameters.targetId',
        message:
          /^Expected a 12-digit AWS account id.*received "4444-5555-6666"/,
      },
      {
        case: 'a missing principal id',
        input: withParameters({ principalId: undefined }),
        field: 'detail.requestParameters.principalId',
        message: /^Required: expected an identity store user or group id/,
      },
      {
        case: 'a malformed creation request id',
        input: cloudTrailEvent({
          responseElements: {
            accountAssignmentCreationStatus: { requestId: 'not-a-uuid' },
          },
        }),
        field:
          'detail.responseElements.accountAssignmentCreationStatus.requestId',
        message: /^Expected the request id of a CreateAccountAssignment call/,
      },
      {
        case: 'a permission set of another instance',
        input: withParameters({
          instanceArn: 'arn:aws:sso:::instance/ssoins-1111222233334444',
        }),
        field: 'detail.requestParameters.instanceArn',
        message:
          /^Expected the instance of the permission set, arn:aws:sso:::instance\/ssoins-72233af8ea2d1f14, received "arn:aws:sso:::instance\/ssoins-1111222233334444"/,
      },
      {
        case: 'an event without id or time',
        input: {
          'detail-type': 'AWS API Call via CloudTrail',
          detail: {
            ...detailOf(event),
            eventID: undefined,
            eventTime: undefined,
          },
        },
        field: 'detail.eventID',
        message: /^Required: expected CloudTrail's event id/,
      },
    ])('reports $case', async ({ input, field, message }) => {
      // Act
      const state = await handler({ input, execution: EXECUTION });

      // Assess
      expect(state.request).toBeUndefined();
      expect(state.problems).toContainEqual({
        field,
        message: expect.stringMatching(message),
      });
      expect(state.counters).toEqual({ checks: 0, waits: 0, reprovisions: 0 });
    });
  });

  describe('with a manual input', () => {
    it('reads every field that the input gives', async () => {
      // Prepare
      const input = manual({
        principalType: 'USER',
        principalId: USER_ID,
        instanceArn: INSTANCE_ARN,
        creationRequestId: CREATION_REQUEST_ID,
      });

      // Act
      const state = await handler({ input, execution: EXECUTION });

      // Assess
      expect(state).toEqual({
        execution: EXECUTION,
        request: {
          instanceArn: INSTANCE_ARN,
          accountId: ACCOUNT_ID,
          permissionSetArn: PERMISSION_SET_ARN,
          principal: { type: 'USER', id: USER_ID },
          creationRequestId: CREATION_REQUEST_ID,
          trigger: { kind: 'MANUAL', startedAt: EXECUTION.startTime },
        },
        counters: { checks: 0, waits: 0, reprovisions: 0 },
        actions: [],
      });
    });

    it('needs only the account and the permission set', async () => {
      // Act
      const state = await handler({ input: manual(), execution: EXECUTION });

      // Assess
      expect(state.request).toEqual({
        instanceArn: INSTANCE_ARN,
        accountId: ACCOUNT_ID,
        permissionSetArn: PERMISSION_SET_ARN,
        trigger: { kind: 'MANUAL', startedAt: EXECUTION.startTime },
      });
    });

    it.each([
      {
        case: 'the aws partition',
        permissionSetArn:
          'arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef',
        instanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
      },
      {
        case: 'the aws-cn partition',
        permissionSetArn:
          'arn:aws-cn:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef',
        instanceArn: 'arn:aws-cn:sso:::instance/ssoins-0123456789abcdef',
      },
      {
        case: 'the aws-us-gov partition',
        permissionSetArn:
          'arn:aws-us-gov:sso:::permissionSet/ins-0123456789abcdef/ps-0123456789abcdef',
        instanceArn: 'arn:aws-us-gov:sso:::instance/ins-0123456789abcdef',
      },
    ])(
      'derives the instance in $case',
      async ({ permissionSetArn, instanceArn }) => {
        // Act
        const state = await handler({
          input: manual({ permissionSetArn }),
          execution: EXECUTION,
        });

        // Assess
        expect(state.request?.instanceArn).toBe(instanceArn);
      },
    );

    it('trims values and ignores empty optional fields', async () => {
      // Prepare
      const input = manual({
        accountId: ` ${ACCOUNT_ID} `,
        principalType: null,
        principalId: '',
        creationRequestId: '   ',
      });

      // Act
      const state = await handler({ input, execution: EXECUTION });

      // Assess
      expect(state.problems).toBeUndefined();
      expect(state.request).toEqual({
        instanceArn: INSTANCE_ARN,
        accountId: ACCOUNT_ID,
        permissionSetArn: PERMISSION_SET_ARN,
        trigger: { kind: 'MANUAL', startedAt: EXECUTION.startTime },
      });
    });

    it.each([
      {
        case: 'a short account id',
        input: manual({ accountId: '12345' }),
        field: 'accountId',
        message:
          /^Expected a 12-digit AWS account id .*, received "12345"; copy the account id/,
      },
      {
        case: 'an account id typed as a number',
        input: manual({ accountId: 123456789012 }),
        field: 'accountId',
        message: /received the number 123456789012; .*write it as a string/,
      },
      {
        case: 'a missing account id',
        input: { permissionSetArn: PERMISSION_SET_ARN },
        field: 'accountId',
        message:
          /^Required: expected a 12-digit AWS account id .*received nothing/,
      },
      {
        case: 'a malformed permission set ARN',
        input: manual({ permissionSetArn: 'ps-ae5d1fa1f80b684e' }),
        field: 'permissionSetArn',
        message:
          /^Expected a permission set ARN .*, received "ps-ae5d1fa1f80b684e"; copy the ARN/,
      },
      {
        case: 'a lower-case principal type',
        input: manual({ principalType: 'user', principalId: USER_ID }),
        field: 'principalType',
        message:
          /^Expected USER or GROUP, received "user"; write USER or GROUP/,
      },
      {
        case: 'a malformed principal id',
        input: manual({ principalType: 'USER', principalId: 'jane' }),
        field: 'principalId',
        message:
          /^Expected an identity store user or group id .*received "jane"/,
      },
      {
        case: 'a malformed instance ARN',
        input: manual({ instanceArn: 'ssoins-72233af8ea2d1f14' }),
        field: 'instanceArn',
        message: /^Expected an Identity Center instance ARN .*or leave it out/,
      },
      {
        case: 'an upper-case creation request id',
        input: manual({ creationRequestId: CREATION_REQUEST_ID.toUpperCase() }),
        field: 'creationRequestId',
        message: /^Expected the request id of a CreateAccountAssignment call/,
      },
      {
        case: 'a principal type without an id',
        input: manual({ principalType: 'GROUP' }),
        field: 'principalId',
        message: /^Required when principalType is given: .*give both/,
      },
      {
        case: 'a principal id without a type',
        input: manual({ principalId: GROUP_ID }),
        field: 'principalType',
        message: /^Required when principalId is given: expected USER or GROUP/,
      },
      {
        case: 'an instance that does not own the permission set',
        input: manual({
          instanceArn: 'arn:aws:sso:::instance/ssoins-1111222233334444',
        }),
        field: 'instanceArn',
        message: /^Expected the instance of the permission set/,
      },
      {
        case: 'a misspelt field',
        input: { acountId: ACCOUNT_ID, permissionSetArn: PERMISSION_SET_ARN },
        field: 'acountId',
        message: /^Unknown field; did you mean accountId\?$/,
      },
      {
        case: 'a field in the wrong case',
        input: manual({ PrincipalType: 'USER', principalId: USER_ID }),
        field: 'PrincipalType',
        message: /^Unknown field; did you mean principalType\?$/,
      },
      {
        case: "the console's sample comment",
        input: manual({ Comment: 'Insert your JSON here' }),
        field: 'Comment',
        message: /^Unknown field; expected only accountId, .*: remove it\.$/,
      },
    ])('reports $case', async ({ input, field, message }) => {
      // Act
      const state = await handler({ input, execution: EXECUTION });

      // Assess
      expect(state.request).toBeUndefined();
      expect(state.problems).toContainEqual({
        field,
        message: expect.stringMatching(message),
      });
    });

    it('reports each bad field once', async () => {
      // Prepare
      const input = { accountId: 'x', permissionSetArn: 7, region: 'eu' };

      // Act
      const state = await handler({ input, execution: EXECUTION });

      // Assess
      expect(state.problems?.map((problem) => problem.field).sort()).toEqual([
        'accountId',
        'permissionSetArn',
        'region',
      ]);
    });
  });

  it.each([
    { case: 'null', input: null, received: 'received null' },
    { case: 'a string', input: 'check it', received: 'received "check it"' },
    { case: 'a list', input: [ACCOUNT_ID], received: 'received a list' },
    { case: 'a number', input: 42, received: 'received the number 42' },
  ])('reports an input that is $case', async ({ input, received }) => {
    // Act
    const state = await handler({ input, execution: EXECUTION });

    // Assess
    expect(state).toEqual({
      execution: EXECUTION,
      problems: [
        {
          field: 'input',
          message: expect.stringContaining(received),
        },
      ],
      counters: { checks: 0, waits: 0, reprovisions: 0 },
      actions: [],
    });
  });

  it('throws when the state machine passes no execution', async () => {
    // Act & Assess
    await expect(handler({ input: manual() } as never)).rejects.toMatchObject({
      name: 'StepInputError',
      message: expect.stringMatching(/\$\$\.Execution\.Id/),
    });
  });
});
