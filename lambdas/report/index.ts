import { classify, decide } from '../core/classify';
import { StepInputError } from '../core/errors';
import { appendCorrelationKeys, logger } from '../core/logger';
import { lookUpNames } from '../core/lookup-names';
import { emitReportMetric } from '../core/metrics';
import { publishReport } from '../core/publish';
import { renderMessage } from '../core/render/message';
import { buildReportModel } from '../core/render/model';
import { subjectOf } from '../core/render/subject';
import { readSettings } from '../core/settings';
import type { WorkflowState } from '../core/types';

/**
 * "Report outcome": classifies the final state, publishes one SNS message
 * (healthy results only when configured to), emits the outcome metric and
 * adds `report` to the state for "Route by outcome".
 */
export const handler = async (event: WorkflowState): Promise<WorkflowState> => {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new StepInputError(
      `Expected the workflow state (an object with "execution"), received ` +
        `${JSON.stringify(event)}; the state machine must pass "$" to this ` +
        'step.',
    );
  }

  appendCorrelationKeys(event);
  const settings = readSettings();
  const { outcome, cause } = decide(event);
  emitReportMetric(outcome, cause);

  const render = { region: settings.region, dryRun: settings.dryRun };
  if (outcome === 'HEALTHY' && !settings.notifyOnHealthy) {
    const model = buildReportModel(event, classify(event), render);
    logger.info('healthy result not published', { outcome, cause });

    return {
      ...event,
      report: { outcome, cause, subject: subjectOf(model), published: false },
    };
  }

  const names = await lookUpNames(event);
  const classification = classify(event, {
    ...names,
    identityStoreId: settings.identityStoreId,
    dryRun: settings.dryRun,
  });
  const model = buildReportModel(event, classification, { ...render, names });
  const rendered = renderMessage(model);
  if (rendered.shortened) {
    logger.warn('report shortened to fit sns', { outcome, cause });
  }

  const messageId = await publishReport(settings.topicArn, rendered);
  logger.info('report sent', { outcome, cause, messageId });

  return {
    ...event,
    report: {
      outcome,
      cause,
      subject: rendered.subject,
      published: true,
      ...(messageId ? { messageId } : {}),
    },
  };
};
