import { Aws, Stack } from 'aws-cdk-lib';
import {
  LoggingLevel,
  SlackChannelConfiguration,
} from 'aws-cdk-lib/aws-chatbot';
import {
  ManagedPolicy,
  PolicyStatement,
  ServicePrincipal,
} from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** Where reports and alarms go. */
export interface HealerNotificationsProps {
  /** Customer managed key that encrypts the topic. */
  readonly encryptionKey: IKey;
  /**
   * Addresses subscribed by email; each confirms the subscription once.
   * @default - none
   */
  readonly alertEmails?: readonly string[];
  /**
   * Slack workspace id authorized in Amazon Q Developer in chat
   * applications; needs `slackChannelId`.
   * @default - no Slack channel
   */
  readonly slackWorkspaceId?: string;
  /**
   * Slack channel that receives the topic's messages.
   * @default - no Slack channel
   */
  readonly slackChannelId?: string;
}

/**
 * The report topic, encrypted with the stack's key and reachable over TLS
 * only, with its email subscriptions and, optionally, a Slack channel
 * through Amazon Q Developer in chat applications.
 */
export class HealerNotifications extends Construct {
  /** The topic that reports and alarms are published to. */
  public readonly topic: Topic;
  /** The Slack channel configuration, when Slack ids were given. */
  public readonly slackChannel?: SlackChannelConfiguration;

  public constructor(
    scope: Construct,
    id: string,
    props: HealerNotificationsProps,
  ) {
    super(scope, id);

    this.topic = new Topic(this, 'Topic', {
      displayName: 'Assignment Healer',
      masterKey: props.encryptionKey,
      enforceSSL: true,
    });

    // The topic policy that enforceSSL creates replaces the default one,
    // so CloudWatch alarms of this account are let in explicitly.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsOfThisAccount',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:*`,
          },
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        },
      }),
    );

    for (const email of props.alertEmails ?? []) {
      this.topic.addSubscription(new EmailSubscription(email));
    }

    if (props.slackWorkspaceId && props.slackChannelId) {
      this.slackChannel = new SlackChannelConfiguration(this, 'Slack', {
        slackChannelConfigurationName: `${Stack.of(this).stackName}-alerts`
          .replace(/[^A-Za-z0-9_-]/g, '-')
          .slice(0, 128),
        slackWorkspaceId: props.slackWorkspaceId,
        slackChannelId: props.slackChannelId,
        notificationTopics: [this.topic],
        loggingLevel: LoggingLevel.ERROR,
        // The channel only receives reports; nobody runs commands from it.
        guardrailPolicies: [
          ManagedPolicy.fromAwsManagedPolicyName('AWSDenyAll'),
        ],
      });
    }
  }
}
