import type { Node } from 'constructs';
import { parseHealerSettings } from './private/parse-settings';
import type { LOG_LEVELS } from './private/setting-defaults';

export {
  HEALER_DEFAULTS,
  INTEGER_RANGES,
  LOG_LEVELS,
} from './private/setting-defaults';

export type HealerLogLevel = (typeof LOG_LEVELS)[number];

/**
 * What a deployment of Assignment Healer can be told. Each member is also
 * a CDK context key of the same name (`cdk.json` or `-c key=value`).
 */
export interface HealerProps {
  /** ARN of the IAM Identity Center instance whose assignments are healed. */
  readonly instanceArn: string;
  /**
   * Identity store of the instance (`d-…`).
   * @default - looked up at run time with `sso:ListInstances`
   */
  readonly identityStoreId?: string;
  /**
   * Seconds to wait after an assignment is created before the first check.
   * @default 180
   */
  readonly propagationWaitSeconds?: number;
  /**
   * Seconds between checks while provisioning is still in progress.
   * @default 60
   */
  readonly recheckWaitSeconds?: number;
  /**
   * Checks made again, at most, while provisioning is still in progress.
   * @default 3
   */
  readonly pendingRechecks?: number;
  /**
   * Seconds between status reads of a re-provisioning or re-creation.
   * @default 10
   */
  readonly provisioningPollSeconds?: number;
  /**
   * Status reads of one write before it counts as timed out.
   * @default 30
   */
  readonly provisioningPollLimit?: number;
  /**
   * `ProvisionPermissionSet` calls made, at most, per execution.
   * @default 2
   */
  readonly reprovisionAttempts?: number;
  /**
   * Turns every write into a "would have" line in the report.
   * @default false
   */
  readonly dryRun?: boolean;
  /**
   * Publishes a report for healthy assignments too.
   * @default false
   */
  readonly notifyOnHealthy?: boolean;
  /**
   * Email addresses subscribed to the report topic.
   * @default - no email subscriptions
   */
  readonly alertEmails?: readonly string[];
  /**
   * Slack workspace (team) id authorized in Amazon Q Developer in chat
   * applications; set together with `slackChannelId`.
   * @default - no Slack channel
   */
  readonly slackWorkspaceId?: string;
  /**
   * Slack channel id that receives the reports; set with `slackWorkspaceId`.
   * @default - no Slack channel
   */
  readonly slackChannelId?: string;
  /**
   * Accounts whose assignments the workflow never looks at.
   * @default - none
   */
  readonly excludedAccountIds?: readonly string[];
  /**
   * Log level of the functions.
   * @default 'INFO'
   */
  readonly logLevel?: HealerLogLevel;
  /**
   * Grants the IAM permissions that Identity Center uses, with the
   * caller's credentials, to provision into the management account.
   * @default false
   */
  readonly healManagementAccount?: boolean;
}

/** {@link HealerProps} checked, with every default filled in. */
export type HealerConfig = Required<
  Omit<HealerProps, 'identityStoreId' | 'slackWorkspaceId' | 'slackChannelId'>
> &
  Pick<HealerProps, 'identityStoreId' | 'slackWorkspaceId' | 'slackChannelId'>;

/** Reads the configuration from CDK context and checks it. */
export const readHealerConfig = (node: Node): HealerConfig =>
  parseHealerSettings((setting) => node.tryGetContext(setting));

/** Checks props given in code and fills in the defaults. */
export const resolveHealerConfig = (props: HealerProps): HealerConfig =>
  parseHealerSettings(
    (setting) => (props as unknown as Record<string, unknown>)[setting],
  );
