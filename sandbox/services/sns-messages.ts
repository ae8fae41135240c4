/** The protocols an SNS subscription can have, plus `default`. */
export type SnsProtocol =
  | 'default'
  | 'email'
  | 'email-json'
  | 'http'
  | 'https'
  | 'sqs'
  | 'lambda'
  | 'sms'
  | 'application'
  | 'firehose';

export const SNS_PROTOCOLS: readonly SnsProtocol[] = [
  'default',
  'email',
  'email-json',
  'http',
  'https',
  'sqs',
  'lambda',
  'sms',
  'application',
  'firehose',
];

export interface MessageAttribute {
  readonly dataType: string;
  readonly stringValue?: string;
  readonly binaryValue?: string;
}

/** A message accepted by `Publish`. */
export interface PublishedMessage {
  readonly messageId: string;
  readonly topicArn: string;
  readonly subject?: string;
  readonly messageStructure?: 'json';
  /** The `Message` parameter as sent. */
  readonly message: string;
  readonly attributes: Readonly<Record<string, MessageAttribute>>;
  /** Simulated time, ISO 8601. */
  readonly publishedAt: string;
  /**
   * What a subscriber of each protocol receives: with
   * `MessageStructure=json`, the protocol's string value or `default`.
   */
  readonly deliveries: Readonly<Record<SnsProtocol, string>>;
}

/** Keeps every published message, in order. */
export class MessageStore {
  private readonly items: PublishedMessage[] = [];

  public add(message: PublishedMessage): void {
    this.items.push(message);
  }

  public all(): readonly PublishedMessage[] {
    return [...this.items];
  }

  /** The text each message delivered to one protocol. */
  public deliveredTo(protocol: SnsProtocol): string[] {
    return this.items.map((item) => item.deliveries[protocol]);
  }

  public clear(): void {
    this.items.length = 0;
  }
}
