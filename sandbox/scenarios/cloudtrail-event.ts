import { createHash } from 'node:crypto';
import type { World } from '../world/world';

/**
 * The EventBridge event of a `CreateAccountAssignment` call, shaped like
 * the real CloudTrail record in the reference facts (§1.4): an
 * administrator signed in through Identity Center made the call with the
 * AWS CLI from the management account, at the world's time 0.
 */

/** An EventBridge event, as the rule and the workflow receive it. */
export type CloudTrailEvent = Readonly<Record<string, unknown>>;

/** Who made the call: the session of an Identity Center administrator. */
const CALLER = {
  role: 'AWSReservedSSO_AdministratorAccess_0123456789abcdef',
  session: 'jane.doe@example.com',
  roleId: 'AROAEXAMPLEID',
  sourceIp: '203.0.113.10',
  userAgent:
    'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64 command/sso-admin.create-account-assignment',
} as const;

/** A UUID made from a seed, so an event is the same on every run. */
const uuidOf = (seed: string): string => {
  const h = createHash('sha256').update(seed).digest('hex');

  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** CloudTrail writes times to the second. */
const isoSeconds = (epochMs: number): string =>
  new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Builds the event of the world's creation request `requestId`.
 *
 * @throws Error when the world has no such creation request.
 */
export const creationEvent = (
  world: World,
  requestId: string,
): CloudTrailEvent => {
  const request = world.request(requestId);
  if (request?.kind !== 'ASSIGNMENT_CREATION') {
    throw new Error(
      `Expected a CreateAccountAssignment request ${requestId} in the ` +
        'world, received none; declare it in creationRequests with this ' +
        'requestId.',
    );
  }

  const account = world.definition.managementAccountId;
  const region = world.definition.region ?? 'us-east-1';
  const time = isoSeconds(world.clock.epochMsAt(0));
  const roleArn = `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com/${CALLER.role}`;
  const assignment = {
    targetId: request.accountId,
    targetType: 'AWS_ACCOUNT',
    permissionSetArn: request.permissionSetArn,
    principalType: request.principalType,
    principalId: request.principalId,
  };

  return {
    version: '0',
    id: uuidOf(`envelope:${requestId}`),
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.sso',
    account,
    time,
    region,
    resources: [],
    detail: {
      eventVersion: '1.08',
      userIdentity: {
        type: 'AssumedRole',
        principalId: `${CALLER.roleId}:${CALLER.session}`,
        arn: `arn:aws:sts::${account}:assumed-role/${CALLER.role}/${CALLER.session}`,
        accountId: account,
        accessKeyId: 'ASIAEXAMPLEKEYID',
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: CALLER.roleId,
            arn: roleArn,
            accountId: account,
            userName: CALLER.role,
          },
          webIdFederationData: {},
          attributes: { creationDate: time, mfaAuthenticated: 'false' },
        },
      },
      eventTime: time,
      eventSource: 'sso.amazonaws.com',
      eventName: 'CreateAccountAssignment',
      awsRegion: region,
      sourceIPAddress: CALLER.sourceIp,
      userAgent: CALLER.userAgent,
      requestParameters: { instanceArn: world.instanceArn, ...assignment },
      responseElements: {
        accountAssignmentCreationStatus: {
          status: 'IN_PROGRESS',
          requestId,
          ...assignment,
        },
      },
      requestID: requestId,
      eventID: uuidOf(`event:${requestId}`),
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
    },
  };
};
