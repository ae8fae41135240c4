import {
  Annotations,
  Aws,
  CfnOutput,
  Stack,
  type StackProps,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { METRICS, SETTING_NAMES } from '../lambdas/core/settings';
import { AssignmentTrigger } from './assignment-trigger';
import {
  type HealerConfig,
  type HealerProps,
  resolveHealerConfig,
} from './config';
import { HealerAlarms } from './healer-alarms';
import { HealerFunction } from './healer-function';
import { HealerNotifications } from './healer-notifications';
import { HealerWorkflow } from './healer-workflow';
import { createEncryptionKey } from './private/encryption-key';
import {
  acknowledge,
  wildcardActionFinding,
} from './private/nag-acknowledgements';
import { forEachStep, STEP_CONSTRUCT_IDS, type Step } from './private/steps';

/** The stack's props: the healer's configuration and the usual ones. */
export interface AssignmentHealerStackProps extends StackProps, HealerProps {}

/**
 * Assignment Healer: an EventBridge rule on `CreateAccountAssignment`, a
 * Step Functions workflow of five functions that checks, heals and
 * reports, the encrypted topic the reports go to, and alarms for checks
 * that end without one. Deploy it in the account and Region where
 * CloudTrail records the Identity Center calls.
 */
export class AssignmentHealerStack extends Stack {
  /** The configuration, checked, with defaults filled in. */
  public readonly config: HealerConfig;
  /** The function of each step. */
  public readonly functions: Readonly<Record<Step, HealerFunction>>;
  public readonly notifications: HealerNotifications;
  public readonly workflow: HealerWorkflow;
  public readonly trigger: AssignmentTrigger;
  public readonly alarms: HealerAlarms;

  public constructor(
    scope: Construct,
    id: string,
    props: AssignmentHealerStackProps,
  ) {
    super(scope, id, {
      description:
        'Assignment Healer: checks, heals and reports IAM Identity Center ' +
        'account assignments.',
      ...props,
    });

    const config = resolveHealerConfig(props);
    this.config = config;

    const encryptionKey = createEncryptionKey(this, 'EncryptionKey');
    this.notifications = new HealerNotifications(this, 'Notifications', {
      encryptionKey,
      alertEmails: config.alertEmails,
      slackWorkspaceId: config.slackWorkspaceId,
      slackChannelId: config.slackChannelId,
    });
    const { topic } = this.notifications;

    const environment: Record<string, string> = {
      [SETTING_NAMES.dryRun]: String(config.dryRun),
      [SETTING_NAMES.notifyOnHealthy]: String(config.notifyOnHealthy),
      [SETTING_NAMES.topicArn]: topic.topicArn,
      [SETTING_NAMES.maxStatusPolls]: String(config.provisioningPollLimit),
      ...(config.identityStoreId
        ? { [SETTING_NAMES.identityStoreId]: config.identityStoreId }
        : {}),
      [SETTING_NAMES.metricsNamespace]: METRICS.namespace,
      POWERTOOLS_SERVICE_NAME: METRICS.service,
      POWERTOOLS_LOG_LEVEL: config.logLevel,
    };
    this.functions = forEachStep(
      (step) =>
        new HealerFunction(this, STEP_CONSTRUCT_IDS[step], {
          step,
          environment,
          encryptionKey,
          permissions: config,
        }),
    );

    const report = this.functions.report;
    topic.grantPublish(report.role);
    acknowledge(report.role, {
      id: wildcardActionFinding('kms:GenerateDataKey*'),
      reason:
        'Publishing to the encrypted topic needs data keys of the topic ' +
        'key; the grant names that one key.',
    });

    this.workflow = new HealerWorkflow(this, 'Workflow', {
      ...config,
      functions: forEachStep((step) => this.functions[step].function),
      topic,
      encryptionKey,
    });
    const { stateMachine } = this.workflow;

    this.trigger = new AssignmentTrigger(this, 'Trigger', {
      stateMachine,
      healerRole: this.functions.reprovision.role,
      excludedAccountIds: config.excludedAccountIds,
    });

    this.alarms = new HealerAlarms(this, 'Alarms', {
      stateMachine,
      deadLetterQueue: this.trigger.deadLetterQueue,
      topic,
    });

    this.addOutputs();
    this.warnAboutSilence(config);
  }

  private addOutputs(): void {
    const { stateMachine } = this.workflow;

    new CfnOutput(this, 'TopicArn', {
      description: 'SNS topic of the reports and alarms',
      value: this.notifications.topic.topicArn,
    });
    new CfnOutput(this, 'StateMachineArn', {
      description: 'State machine that checks one assignment',
      value: stateMachine.stateMachineArn,
    });
    new CfnOutput(this, 'StateMachineConsoleUrl', {
      description: 'The state machine in the Step Functions console',
      value:
        `https://${Aws.REGION}.console.aws.amazon.com/states/home` +
        `?region=${Aws.REGION}#/statemachines/view/` +
        stateMachine.stateMachineArn,
    });
    new CfnOutput(this, 'DeadLetterQueueUrl', {
      description: 'Events that EventBridge could not deliver',
      value: this.trigger.deadLetterQueue.queueUrl,
    });
  }

  private warnAboutSilence(config: HealerConfig): void {
    if (config.alertEmails.length === 0 && !config.slackChannelId) {
      Annotations.of(this).addWarningV2(
        'assignment-healer:no-subscribers',
        'No alertEmails and no Slack channel: reports and alarms reach ' +
          'the topic, but nobody is subscribed. Set alertEmails, or ' +
          'slackWorkspaceId and slackChannelId, or subscribe to the topic ' +
          'in the TopicArn output.',
      );
    }
    if (config.dryRun) {
      Annotations.of(this).addWarningV2(
        'assignment-healer:dry-run',
        'dryRun is on: the healer reports what it would do and changes ' +
          'nothing.',
      );
    }
  }
}
