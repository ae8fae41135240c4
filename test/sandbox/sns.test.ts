import {
  InvalidParameterException,
  NotFoundException,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import {
  SAMPLE_ORG,
  type Sandbox,
  sampleOrg,
} from '../../sandbox/server/index';
import { clientConfig, control, retryingConfig, useSandbox } from './support';

const TopicArn = SAMPLE_ORG.topicArn;

describe('sandbox SNS', () => {
  let sandbox: Sandbox;
  let client: SNSClient;

  useSandbox({ world: sampleOrg() }, (started) => {
    sandbox = started;
    client = new SNSClient(clientConfig(started));

    return client;
  });

  it('keeps a JSON-structured message for each protocol', async () => {
    // Prepare
    const chat = JSON.stringify({ version: '1.0', source: 'custom' });

    // Act
    const output = await client.send(
      new PublishCommand({
        TopicArn,
        Subject: 'Assignment healed',
        MessageStructure: 'json',
        Message: JSON.stringify({
          default: 'plain',
          email: 'mail text',
          https: chat,
          sqs: 42,
        }),
      }),
    );

    // Assess
    const [message] = sandbox.messages();
    expect(message?.messageId).toBe(output.MessageId);
    expect(message?.subject).toBe('Assignment healed');
    expect(sandbox.deliveredTo('email')).toEqual(['mail text']);
    expect(sandbox.deliveredTo('https')).toEqual([chat]);
    expect(sandbox.deliveredTo('sqs')).toEqual(['plain']);
  });

  it('serves published messages back over HTTP by protocol', async () => {
    // Prepare
    await client.send(
      new PublishCommand({ TopicArn, Message: 'hello', Subject: 'Hi' }),
    );

    // Act
    const { status, json } = await control(
      sandbox,
      'GET',
      '/_sandbox/messages?protocol=https',
    );

    // Assess
    expect(status).toBe(200);
    expect(json).toEqual([
      expect.objectContaining({
        protocol: 'https',
        body: 'hello',
        subject: 'Hi',
      }),
    ]);
  });

  it.each([
    {
      case: 'JSON that does not parse',
      input: { MessageStructure: 'json', Message: '{"default": "x",' },
      message:
        'Invalid parameter: Message Structure - JSON message body failed to parse',
    },
    {
      case: 'a JSON array',
      input: { MessageStructure: 'json', Message: '["x"]' },
      message:
        'Invalid parameter: Message Structure - JSON message body failed to parse',
    },
    {
      case: 'duplicate keys',
      input: {
        MessageStructure: 'json',
        Message: '{"default": "a", "default": "b"}',
      },
      message:
        'Invalid parameter: Message Structure - JSON message body failed to parse',
    },
    {
      case: 'no default key',
      input: { MessageStructure: 'json', Message: '{"email": "x"}' },
      message:
        'Invalid parameter: Message Structure - No default entry in JSON message body',
    },
    {
      case: 'a default that is not a string',
      input: {
        MessageStructure: 'json',
        Message: '{"default": {"text": "x"}}',
      },
      message:
        'Invalid parameter: Message Structure - No default entry in JSON message body',
    },
    {
      case: 'a 100-character subject',
      input: { Message: 'x', Subject: 's'.repeat(100) },
      message: 'Invalid parameter: Subject',
    },
    {
      case: 'a subject with a line break',
      input: { Message: 'x', Subject: 'two\nlines' },
      message: 'Invalid parameter: Subject',
    },
    {
      case: 'a message over 256 KB',
      input: { Message: 'é'.repeat(131_073) },
      message: 'Invalid parameter: Message too long',
    },
  ])(
    'refuses $case with InvalidParameterException',
    async ({ input, message }) => {
      // Act & Assess
      const call = client.send(new PublishCommand({ TopicArn, ...input }));

      await expect(call).rejects.toBeInstanceOf(InvalidParameterException);
      await expect(call).rejects.toMatchObject({
        message,
        $metadata: { httpStatusCode: 400 },
      });
      expect(sandbox.messages()).toEqual([]);
    },
  );

  it('accepts a 99-character subject', async () => {
    // Act
    await client.send(
      new PublishCommand({ TopicArn, Message: 'x', Subject: 's'.repeat(99) }),
    );

    // Assess
    expect(sandbox.messages()).toHaveLength(1);
  });

  it('answers NotFoundException for an unknown topic', async () => {
    // Act & Assess
    const call = client.send(
      new PublishCommand({
        TopicArn: 'arn:aws:sns:us-east-1:111122223333:missing',
        Message: 'x',
      }),
    );

    await expect(call).rejects.toBeInstanceOf(NotFoundException);
    await expect(call).rejects.toThrow('Topic does not exist');
  });

  it('retries a throttled publish, which then succeeds once', async () => {
    // Prepare
    const retrying = new SNSClient(retryingConfig(sandbox));
    sandbox.injectFault({
      service: 'sns',
      operation: 'Publish',
      fault: 'THROTTLING',
    });

    // Act
    await retrying.send(
      new PublishCommand({ TopicArn, Message: 'after a retry' }),
    );

    // Assess
    expect(sandbox.calls({ service: 'sns' }).map((c) => c.errorCode)).toEqual([
      'Throttled',
      undefined,
    ]);
    expect(sandbox.deliveredTo('default')).toEqual(['after a retry']);
    retrying.destroy();
  });
});
