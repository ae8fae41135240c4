import { PublishCommand } from '@aws-sdk/client-sns';
import { sns } from './clients';
import { ReportPublishError } from './errors';
import { logger } from './logger';
import type { RenderedMessage } from './render/message';
import { SETTING_NAMES } from './settings';

/**
 * Publishes a rendered report as the one SNS message of an execution and
 * returns its message id. Any failure becomes a `ReportPublishError`, which
 * the state machine catches to publish its plain fallback report.
 */
export const publishReport = async (
  topicArn: string | undefined,
  rendered: Pick<RenderedMessage, 'subject' | 'message'>,
): Promise<string | undefined> => {
  if (!topicArn) {
    throw new ReportPublishError(
      `${SETTING_NAMES.topicArn} is not set: expected the ARN of the SNS ` +
        'topic that receives reports, received nothing; deploy the stack ' +
        'with its topic, or set the variable on the report function.',
    );
  }

  try {
    const output = await sns().send(
      new PublishCommand({
        TopicArn: topicArn,
        Subject: rendered.subject,
        Message: rendered.message,
        MessageStructure: 'json',
      }),
    );
    logger.info('report published', { messageId: output.MessageId });

    return output.MessageId;
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    throw new ReportPublishError(
      `Publishing the report to ${topicArn} failed: ${name}: ${message}`,
      { cause: error },
    );
  }
};
