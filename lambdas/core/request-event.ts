import * as z from 'zod/mini';
import { instanceArnOf, lastSegment } from './arns';
import {
  describeValue,
  FIELD_SCHEMAS,
  fieldProblem,
  instanceMismatchProblem,
  type ReadResult,
  type RequestField,
} from './request-schema';
import type { FieldProblem, Request, Trigger } from './types';

/**
 * Reads the EventBridge event of a `CreateAccountAssignment` call that
 * CloudTrail recorded. CloudTrail writes lower camel case keys
 * (`instanceArn`); the API's own Pascal case (`InstanceArn`) is accepted
 * too, for events that someone rebuilt from an API response.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html
 */

type Json = Readonly<Record<string, unknown>>;

const EVENT_NAME = 'CreateAccountAssignment';

const EVENT_SOURCE = 'sso.amazonaws.com';

const eventSchema = z.object({
  instanceArn: FIELD_SCHEMAS.instanceArn,
  accountId: FIELD_SCHEMAS.accountId,
  permissionSetArn: FIELD_SCHEMAS.permissionSetArn,
  principalType: FIELD_SCHEMAS.principalType,
  principalId: FIELD_SCHEMAS.principalId,
  creationRequestId: z.optional(FIELD_SCHEMAS.creationRequestId),
});

/** True when the input has the shape of an EventBridge event. */
export const looksLikeEvent = (input: Json): boolean =>
  'detail' in input || 'detail-type' in input;

export const readEvent = (event: Json): ReadResult => {
  const detail = event.detail;
  if (!isObject(detail)) {
    return {
      problems: [
        {
          field: 'detail',
          message:
            'Expected the CloudTrail record of a CreateAccountAssignment ' +
            `call, received ${describeValue(detail)}; start the workflow ` +
            'from the EventBridge rule, or type a manual input instead.',
        },
      ],
    };
  }

  const callProblems = problemsOfCall(detail);
  if (callProblems.length > 0) {
    return { problems: callProblems };
  }

  const parameters = pick(detail, 'requestParameters');
  const response = pick(detail, 'responseElements');
  const status = pick(response.value, 'accountAssignmentCreationStatus');
  const creationRequestId = pick(status.value, 'requestId');
  const fields = {
    instanceArn: pick(parameters.value, 'instanceArn'),
    accountId: pick(parameters.value, 'targetId'),
    permissionSetArn: pick(parameters.value, 'permissionSetArn'),
    principalType: pick(parameters.value, 'principalType'),
    principalId: pick(parameters.value, 'principalId'),
    creationRequestId: {
      ...creationRequestId,
      path: `detail.${response.key}.${status.key}.${creationRequestId.key}`,
    },
  };
  const pathOf = (field: RequestField): string =>
    field === 'creationRequestId'
      ? fields.creationRequestId.path
      : `detail.${parameters.key}.${fields[field].key}`;

  const candidate = Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [name, field.value]),
  );
  const parsed = eventSchema.safeParse(candidate);
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error?.issues ?? []) {
    const field = String(issue.path[0]) as RequestField;
    if (!seen.has(field)) {
      seen.add(field);
      problems.push(fieldProblem(field, pathOf(field), candidate[field]));
    }
  }

  const targetType = pick(parameters.value, 'targetType');
  if (targetType.value !== 'AWS_ACCOUNT') {
    problems.push({
      field: `detail.${parameters.key}.${targetType.key}`,
      message:
        `Expected AWS_ACCOUNT, received ${describeValue(targetType.value)}; ` +
        'the healer checks assignments to AWS accounts only.',
    });
  }

  const trigger = triggerOf(event, detail, problems);
  if (!parsed.success || problems.length > 0 || trigger === undefined) {
    return { problems };
  }

  const { data } = parsed;
  const ownInstance = instanceArnOf(data.permissionSetArn);
  if (data.instanceArn !== ownInstance) {
    return {
      problems: [
        instanceMismatchProblem(
          pathOf('instanceArn'),
          data.instanceArn,
          ownInstance,
        ),
      ],
    };
  }

  const request: Request = {
    instanceArn: data.instanceArn,
    accountId: data.accountId,
    permissionSetArn: data.permissionSetArn,
    principal: { type: data.principalType, id: data.principalId },
    ...(data.creationRequestId
      ? { creationRequestId: data.creationRequestId }
      : {}),
    trigger,
  };

  return { request };
};

/** Problems that make the event one the healer must not act on. */
const problemsOfCall = (detail: Json): FieldProblem[] => {
  const eventName = detail.eventName;
  if (eventName !== EVENT_NAME) {
    return [
      {
        field: 'detail.eventName',
        message:
          `Expected ${EVENT_NAME}, received ${describeValue(eventName)}; ` +
          'the healer checks new account assignments only: route only ' +
          `${EVENT_NAME} events to it, or type a manual input instead.`,
      },
    ];
  }

  if (detail.eventSource !== undefined && detail.eventSource !== EVENT_SOURCE) {
    return [
      {
        field: 'detail.eventSource',
        message:
          `Expected ${EVENT_SOURCE}, received ` +
          `${describeValue(detail.eventSource)}; the event does not come ` +
          'from IAM Identity Center.',
      },
    ];
  }

  if (detail.errorCode !== undefined && detail.errorCode !== null) {
    const reason =
      typeof detail.errorMessage === 'string'
        ? ` (${detail.errorMessage})`
        : '';

    return [
      {
        field: 'detail.errorCode',
        message:
          `Expected a call that AWS accepted, received error ` +
          `${describeValue(detail.errorCode)}${reason}; no assignment was ` +
          'started, so there is nothing to check: fix the cause and make ' +
          'the call again.',
      },
    ];
  }

  return [];
};

const triggerOf = (
  event: Json,
  detail: Json,
  problems: FieldProblem[],
): Trigger | undefined => {
  const eventId = firstString(detail.eventID, event.id);
  const eventTime = firstString(detail.eventTime, event.time);
  if (eventId === undefined) {
    problems.push({
      field: 'detail.eventID',
      message:
        `Required: expected CloudTrail's event id, received ` +
        `${describeValue(detail.eventID)}; pass the event as EventBridge ` +
        'delivered it.',
    });
  }

  if (eventTime === undefined) {
    problems.push({
      field: 'detail.eventTime',
      message:
        'Required: expected the time of the call (ISO 8601), received ' +
        `${describeValue(detail.eventTime)}; pass the event as ` +
        'EventBridge delivered it.',
    });
  }

  if (eventId === undefined || eventTime === undefined) {
    return undefined;
  }

  const identity = isObject(detail.userIdentity) ? detail.userIdentity : {};
  const actorArn = firstString(identity.arn);
  const sourceIp = firstString(detail.sourceIPAddress);
  const userAgent = firstString(detail.userAgent);

  return {
    kind: 'EVENT',
    eventId,
    eventTime,
    actor: actorOf(identity),
    ...(actorArn ? { actorArn } : {}),
    ...(sourceIp ? { sourceIp } : {}),
    ...(userAgent ? { userAgent } : {}),
  };
};

/**
 * Who made the call, in the words a person would use: the session name of
 * an assumed role (for Identity Center users, their user name), `root`,
 * or an IAM user's name.
 */
export const actorOf = (identity: Json): string => {
  const arn = firstString(identity.arn);
  const principalId = firstString(identity.principalId);
  switch (identity.type) {
    case 'Root':
      return 'root';
    case 'IAMUser':
      return (
        firstString(identity.userName, arn && lastSegment(arn)) ?? 'unknown'
      );
    case 'AssumedRole': {
      const session = principalId?.includes(':')
        ? principalId.slice(principalId.indexOf(':') + 1)
        : undefined;

      return firstString(session, arn && lastSegment(arn)) ?? 'unknown';
    }
    case 'AWSService':
      return firstString(identity.invokedBy) ?? 'an AWS service';
    default:
      return (
        firstString(arn && lastSegment(arn), principalId, identity.userName) ??
        'unknown'
      );
  }
};

/** A key in lower camel case, or else in Pascal case, with its name. */
const pick = (
  parent: unknown,
  key: string,
): { readonly key: string; readonly value: unknown } => {
  if (!isObject(parent) || key in parent) {
    return { key, value: isObject(parent) ? parent[key] : undefined };
  }

  const pascal = key.charAt(0).toUpperCase() + key.slice(1);

  return pascal in parent
    ? { key: pascal, value: parent[pascal] }
    : { key, value: undefined };
};

const firstString = (...values: unknown[]): string | undefined =>
  values.find(
    (value): value is string => typeof value === 'string' && value !== '',
  );

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
