import { CAUSE_TITLES, OUTCOME_TITLES } from '../causes';
import { reportedFailures } from '../failure-reasons';
import type { Outcome } from '../types';
import { actionTitle, bySeverity, clip, findingTitle } from './format';
import {
  accountLabel,
  principalLabel,
  type ReportModel,
  requestedBy,
} from './model';
import type { RenderLimits } from './text-sections';

/**
 * The custom notification of Amazon Q Developer in chat applications, the
 * schema that its SNS subscription renders in Slack. Anything else that
 * arrives there is dropped, so every field keeps to that schema.
 */
export interface ChatNotification {
  readonly version: '1.0';
  readonly source: 'custom';
  readonly id: string;
  readonly content: {
    readonly textType: 'client-markdown';
    readonly title: string;
    readonly description: string;
    readonly nextSteps: readonly string[];
    readonly keywords: readonly string[];
  };
  readonly metadata: {
    readonly threadId: string;
    readonly summary: string;
    readonly eventType: string;
    readonly relatedResources: readonly string[];
    readonly additionalContext: Readonly<Record<string, string>>;
  };
}

const MARKS: Readonly<Record<Outcome, string>> = {
  HEALTHY: '✅',
  HEALED: '🩹',
  NEEDS_ATTENTION: '⚠️',
  INVALID_REQUEST: '❌',
  WORKFLOW_ERROR: '🛑',
};

// A chat message is read on a phone: the description keeps to the
// essentials, and the email carries the rest.
const MAX_DESCRIPTION = 3_000;
const MAX_FINDINGS = 5;

const code = (text: string): string => `\`${text.replaceAll('`', "'")}\``;

const descriptionOf = (model: ReportModel, limits: RenderLimits): string => {
  const { state } = model;
  const lines = [model.classification.headline, ''];
  if (model.account && model.permissionSet) {
    lines.push(
      `Account: ${accountLabel(model)}`,
      'Permission set: ' +
        `${model.permissionSet.name ? `${model.permissionSet.name} ` : ''}` +
        code(model.permissionSet.arn),
      `Principal: ${principalLabel(model) ?? 'not given'}`,
      `Requested: ${requestedBy(model)}`,
    );
  }

  for (const problem of state.problems ?? []) {
    lines.push(`• ${code(problem.field)}: ${clip(problem.message, 300)}`);
  }

  if (state.failure) {
    lines.push(`Error: ${code(state.failure.Error)}`);
  }

  const reason = reportedFailures(state)[0]?.reason;
  if (reason) {
    lines.push(`FailureReason: ${code(clip(reason, limits.maxText))}`);
  }

  const findings = bySeverity(state.validation?.findings ?? []);
  if (findings.length > 0) {
    lines.push('', `Policy findings (${findings.length}):`);
    for (const finding of findings.slice(0, MAX_FINDINGS)) {
      lines.push(`• ${findingTitle(finding)}: ${clip(finding.message, 300)}`);
    }

    if (findings.length > MAX_FINDINGS) {
      lines.push(`• ... ${findings.length - MAX_FINDINGS} more in the email`);
    }
  }

  const actions = state.actions ?? [];
  if (actions.length > 0) {
    lines.push('', 'Actions:');
    for (const action of actions) {
      lines.push(
        `• ${actionTitle(action)}` +
          (action.requestId ? `, request ${code(action.requestId)}` : ''),
      );
    }
  }

  lines.push('', `Execution: ${model.consoleLink}`);

  return clip(lines.join('\n'), MAX_DESCRIPTION);
};

/** Thread per account and permission set, so retries read as one story. */
const threadIdOf = (model: ReportModel): string =>
  model.account && model.permissionSet
    ? `assignment-healer/${model.account.id}/` +
      (model.permissionSet.arn.split('/').pop() ?? model.permissionSet.arn)
    : `assignment-healer/${model.executionArn.split(':').pop() ?? 'execution'}`;

/** Builds the chat notification of a report. */
export const renderChat = (
  model: ReportModel,
  subject: string,
  limits: RenderLimits,
): ChatNotification => {
  const { outcome, cause } = model.classification;
  const principal = model.principal;

  return {
    version: '1.0',
    source: 'custom',
    id: model.executionArn,
    content: {
      textType: 'client-markdown',
      title: `${MARKS[outcome]} ${OUTCOME_TITLES[outcome]}: ${CAUSE_TITLES[cause]}`,
      description: descriptionOf(model, limits),
      nextSteps: model.classification.nextSteps.map((step) =>
        [step.text, ...(step.commands ?? []).map(code)].join('\n'),
      ),
      keywords: [
        outcome,
        cause,
        ...(model.account ? [model.account.id] : []),
        ...(model.permissionSet?.name ? [model.permissionSet.name] : []),
      ],
    },
    metadata: {
      threadId: threadIdOf(model),
      summary: subject,
      eventType: `AssignmentHealer.${outcome}`,
      relatedResources: [
        ...(model.permissionSet ? [model.permissionSet.arn] : []),
        model.executionArn,
      ],
      additionalContext: {
        outcome,
        cause,
        executionArn: model.executionArn,
        consoleLink: model.consoleLink,
        ...(model.account ? { accountId: model.account.id } : {}),
        ...(model.permissionSet
          ? { permissionSetArn: model.permissionSet.arn }
          : {}),
        ...(principal
          ? { principal: `${principal.type} ${principal.id}` }
          : {}),
        dryRun: String(model.dryRun),
      },
    },
  };
};
