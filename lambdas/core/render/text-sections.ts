import type { StatusEvidence } from '../types';
import {
  actionTitle,
  bySeverity,
  clip,
  count,
  findingPlace,
  hanging,
  wrap,
  yesNo,
} from './format';
import {
  accountLabel,
  principalLabel,
  type ReportModel,
  requestedBy,
} from './model';

/**
 * The sections of the plain text report that show evidence: what was
 * checked, what AWS said, the policies, and the writes made.
 */

/** How much of long evidence a message may carry. */
export interface RenderLimits {
  /** Policy findings listed; the rest are counted. */
  readonly maxFindings: number;
  /** Characters of any one free text (failure reason, message, …). */
  readonly maxText: number;
}

const I = '  ';
const II = '    ';

const LABEL = 16;

const field = (label: string, value: string): string[] =>
  hanging(`${I}${`${label}:`.padEnd(LABEL)}`, value);

/** A line under a field, aligned with the field's value. */
const more = (value: string): string[] =>
  wrap(value, `${I}${' '.repeat(LABEL)}`);

const verbatim = (
  reason: string,
  limits: RenderLimits,
  indent = II,
): string[] => [
  `${indent}FailureReason, verbatim from AWS:`,
  ...wrap(clip(reason, limits.maxText), `${indent}  `),
];

export const assignmentSection = (model: ReportModel): string[] => {
  const request = model.state.request;
  if (!request) {
    return [];
  }

  const trigger = request.trigger;
  const source =
    trigger.kind === 'EVENT'
      ? more(
          `CloudTrail event ${trigger.eventId}` +
            `${trigger.sourceIp ? ` from ${trigger.sourceIp}` : ''}`,
        )
      : [];

  return [
    'ASSIGNMENT',
    ...field('Account', accountLabel(model) ?? request.accountId),
    ...field('Permission set', model.permissionSet?.name ?? 'name not known'),
    ...more(request.permissionSetArn),
    ...field('Principal', principalLabel(model) ?? 'not given'),
    ...field('Instance', request.instanceArn),
    ...field('Requested by', requestedBy(model)),
    ...source,
  ];
};

const statusLines = (
  label: string,
  status: StatusEvidence,
  limits: RenderLimits,
): string[] => [
  `${I}${label}: ${status.status}`,
  `${II}Request id: ${status.requestId}`,
  ...(status.failureReason ? verbatim(status.failureReason, limits) : []),
];

const provisionedText = (
  provisioned: boolean | undefined,
  outdated: boolean | undefined,
): string => {
  if (provisioned === undefined) {
    return 'not checked';
  }

  if (!provisioned) {
    return 'no';
  }

  return outdated ? 'yes, but not the latest version' : 'yes, latest version';
};

export const evidenceSection = (
  model: ReportModel,
  limits: RenderLimits,
): string[] => {
  const { verdict, failure, pending } = model.state;
  const lines = ['EVIDENCE'];
  if (failure) {
    lines.push(`${I}Error: ${failure.Error}`);
    if (failure.Cause) {
      lines.push(...wrap(clip(failure.Cause, limits.maxText), II));
    }
  }

  if (!verdict) {
    return lines.length > 1 ? lines : [...lines, `${I}No check was made.`];
  }

  const evidence = verdict.evidence;
  lines.push(
    `${I}Last check: ${verdict.state} at ${verdict.checkedAt}`,
    ...wrap(clip(verdict.summary, limits.maxText), II),
  );
  if (evidence.creation) {
    lines.push(
      ...statusLines('Assignment creation', evidence.creation, limits),
    );
  }

  if (pending && pending.status !== 'SUCCEEDED') {
    const kind =
      pending.kind === 'PROVISIONING' ? 'Provisioning' : 'Assignment creation';
    lines.push(
      `${I}Last write: ${kind} ${pending.status} after ` +
        `${count(pending.polls)} status reads`,
      ...(pending.requestId ? [`${II}Request id: ${pending.requestId}`] : []),
    );
  }

  lines.push(
    `${I}Account state: ${evidence.account?.state ?? 'not known'}`,
    `${I}Permission set provisioned to the account: ` +
      provisionedText(evidence.provisioned, evidence.outdated),
    `${I}Assignment exists for the principal: ${yesNo(evidence.assignmentExists)}`,
  );
  if (evidence.principal?.exists === false) {
    lines.push(`${I}The identity store does not know the principal.`);
  }

  if (evidence.groupAccess) {
    const { assignedGroupIds, memberOf } = evidence.groupAccess;
    lines.push(
      ...wrap(
        `Groups assigned: ${assignedGroupIds.join(', ') || 'none'}; ` +
          `the user is a member of: ${memberOf.join(', ') || 'none of them'}`,
        I,
      ),
    );
  }

  if (evidence.missing) {
    lines.push(
      `${I}Not found: ${evidence.missing.replace('_', ' ').toLowerCase()}`,
    );
  }

  return lines;
};

const policyList = (label: string, items: readonly string[]): string[] =>
  items.length === 0
    ? [`${I}${label}: none`]
    : [`${I}${label}:`, ...items.map((item) => `${II}${item}`)];

export const policiesSection = (
  model: ReportModel,
  limits: RenderLimits,
): string[] => {
  const validation = model.state.validation;
  if (!validation) {
    return [];
  }

  const inline = validation.inlinePolicy;
  const boundary = validation.permissionsBoundary;
  const findings = bySeverity(validation.findings);
  const shown = findings.slice(0, limits.maxFindings);
  const lines = [
    'POLICIES OF THE PERMISSION SET',
    inline
      ? `${I}Inline policy: ${count(inline.characters)} characters, ` +
        `${count(inline.nonWhitespaceBytes)} non-whitespace bytes`
      : `${I}Inline policy: none`,
    ...policyList('AWS managed policies', validation.managedPolicyArns),
    ...policyList(
      'Customer managed policies',
      validation.customerManagedPolicies.map(policyPathOf),
    ),
    `${I}Permissions boundary: ${
      !boundary
        ? 'none'
        : 'managedPolicyArn' in boundary
          ? boundary.managedPolicyArn
          : `${policyPathOf(boundary.customerManagedPolicy)} (customer managed)`
    }`,
    `${I}Findings: ${findings.length === 0 ? 'none' : count(findings.length)}`,
  ];
  shown.forEach((finding, index) => {
    const prefix = `${II}${index + 1}. `;
    const under = ' '.repeat(prefix.length);
    lines.push(
      `${prefix}${finding.severity} ${finding.code}`,
      `${under}${findingPlace(finding)}`,
      ...wrap(clip(finding.message, limits.maxText), under),
      ...(finding.learnMoreLink
        ? [`${under}More: ${finding.learnMoreLink}`]
        : []),
    );
  });
  if (shown.length < findings.length) {
    lines.push(
      ...wrap(
        `... and ${count(findings.length - shown.length)} more, left out ` +
          "to keep this message under SNS's 256 KB limit. The output of " +
          'the "Validate policies" step in the execution lists them all.',
        II,
      ),
    );
  }

  if (validation.incomplete) {
    lines.push(
      `${I}Not everything could be checked:`,
      ...wrap(clip(validation.incomplete, limits.maxText), II),
    );
  }

  return lines;
};

export const actionsSection = (
  model: ReportModel,
  limits: RenderLimits,
): string[] => {
  const actions = model.state.actions ?? [];
  if (!model.state.request) {
    return [];
  }

  if (actions.length === 0) {
    return ['ACTIONS TAKEN', `${I}None: the healer made no write.`];
  }

  const lines = ['ACTIONS TAKEN'];
  actions.forEach((action, index) => {
    const prefix = `${I}${index + 1}. `;
    const under = ' '.repeat(prefix.length);
    lines.push(...hanging(prefix, actionTitle(action)));
    if (action.requestId) {
      lines.push(`${under}Request id: ${action.requestId}`);
    }

    if (action.failureReason) {
      lines.push(...verbatim(action.failureReason, limits, under));
    }
  });

  return lines;
};

const policyPathOf = (policy: { path: string; name: string }): string =>
  `${policy.path}${policy.name}`;
