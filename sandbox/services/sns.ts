import { randomUUID } from 'node:crypto';
import { parseTree } from 'jsonc-parser';
import { escapeXml } from '../protocols/query';
import { ServiceError } from '../protocols/service-error';
import { members } from './access-analyzer/json-nodes';
import { CALLER_ARN } from './common-errors';
import type { ServiceDefinition } from './service';
import {
  type MessageAttribute,
  SNS_PROTOCOLS,
  type SnsProtocol,
} from './sns-messages';

const MAX_BYTES = 262_144;

const invalid = (what: string): ServiceError =>
  new ServiceError('InvalidParameter', `Invalid parameter: ${what}`);

type Params = Readonly<Record<string, unknown>>;

/** `MessageAttributes.entry.N.{Name,Value.DataType,Value.StringValue}`. */
const attributesOf = (params: Params): Record<string, MessageAttribute> => {
  const found: Record<string, MessageAttribute> = {};
  for (
    let n = 1;
    params[`MessageAttributes.entry.${n}.Name`] !== undefined;
    n++
  ) {
    const prefix = `MessageAttributes.entry.${n}.Value.`;
    found[params[`MessageAttributes.entry.${n}.Name`] as string] = {
      dataType: (params[`${prefix}DataType`] as string | undefined) ?? 'String',
      stringValue: params[`${prefix}StringValue`] as string | undefined,
      binaryValue: params[`${prefix}BinaryValue`] as string | undefined,
    };
  }

  return found;
};

/**
 * With `MessageStructure=json` the message must be a JSON object with a
 * string `default`, no duplicate keys; protocol keys with non-string
 * values are ignored (they fall back to `default`).
 */
const deliveriesOf = (
  message: string,
  structure: string | undefined,
): Record<SnsProtocol, string> => {
  const all = (text: string) =>
    Object.fromEntries(SNS_PROTOCOLS.map((p) => [p, text])) as Record<
      SnsProtocol,
      string
    >;
  if (structure === undefined) {
    return all(message);
  }
  if (structure !== 'json') {
    throw invalid('MessageStructure');
  }

  const errors: unknown[] = [];
  const root = parseTree(message, errors as never[], {
    allowTrailingComma: false,
    disallowComments: true,
  });
  const entries = root?.type === 'object' ? members(root) : [];
  const keys = entries.map((e) => e.key.value as string);
  if (
    errors.length > 0 ||
    root?.type !== 'object' ||
    new Set(keys).size !== keys.length
  ) {
    throw invalid('Message Structure - JSON message body failed to parse');
  }
  const parsed = JSON.parse(message) as Record<string, unknown>;
  const fallback = parsed.default;
  if (typeof fallback !== 'string') {
    throw invalid('Message Structure - No default entry in JSON message body');
  }
  const deliveries = all(fallback);
  for (const protocol of SNS_PROTOCOLS) {
    const value = parsed[protocol];
    if (typeof value === 'string') {
      deliveries[protocol] = value;
    }
  }

  return deliveries;
};

const checkSubject = (subject: string | undefined): void => {
  // Subjects are under 100 characters, with no line breaks or controls.
  if (
    subject !== undefined &&
    (subject.length === 0 ||
      subject.length >= 100 ||
      [...subject].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f'))
  ) {
    throw invalid('Subject');
  }
};

/** Amazon SNS (Query protocol): only `Publish`, to topics. */
export const sns: ServiceDefinition = {
  name: 'sns',
  identityCenter: false,
  operations: {
    Publish: {
      write: true,
      handler: (params, context) => {
        const topicArn = params.TopicArn as string | undefined;
        const message = params.Message as string | undefined;
        const subject = params.Subject as string | undefined;
        const structure = params.MessageStructure as string | undefined;

        if (!topicArn) {
          throw invalid(
            'TopicArn or TargetArn Reason: no value for required parameter',
          );
        }
        const topics = context.world.state.snsTopics;
        if (topics && !topics.has(topicArn)) {
          throw new ServiceError('NotFound', 'Topic does not exist', {
            status: 404,
          });
        }
        if (message === undefined) {
          throw new ServiceError(
            'ValidationError',
            "1 validation error detected: Value null at 'message' " +
              'failed to satisfy constraint: Member must not be null',
          );
        }
        if (message === '') {
          throw invalid('Empty message');
        }
        checkSubject(subject);

        const attributes = attributesOf(params);
        const size =
          Buffer.byteLength(message) +
          Object.entries(attributes).reduce(
            (sum, [name, a]) =>
              sum +
              Buffer.byteLength(
                name + a.dataType + (a.stringValue ?? a.binaryValue ?? ''),
              ),
            0,
          );
        if (size > MAX_BYTES) {
          throw invalid('Message too long');
        }
        const deliveries = deliveriesOf(message, structure);

        const messageId = randomUUID();
        context.messages.add({
          messageId,
          topicArn,
          subject,
          messageStructure: structure === 'json' ? 'json' : undefined,
          message,
          attributes,
          publishedAt: new Date(context.world.clock.nowEpochMs()).toISOString(),
          deliveries,
        });

        return `<MessageId>${escapeXml(messageId)}</MessageId>`;
      },
    },
  },
  errors: {
    validation: () => invalid('request'),
    throttling: () =>
      new ServiceError('Throttled', 'Rate exceeded', { status: 429 }),
    conflict: () =>
      new ServiceError(
        'ConcurrentAccess',
        'Can not access the resource concurrently',
      ),
    internal: () =>
      new ServiceError('InternalError', 'Request could not be completed', {
        status: 500,
      }),
    accessDenied: (operation) =>
      new ServiceError(
        'AuthorizationError',
        `User: ${CALLER_ARN} is not authorized to perform: SNS:${operation}`,
        { status: 403 },
      ),
    unknownOperation: (operation) =>
      new ServiceError(
        'InvalidAction',
        `The action ${operation} is not valid for this web service.`,
      ),
  },
};
