import { CAUSE_TITLES, OUTCOME_TITLES } from '../causes';
import { EXAMPLE_MANUAL_INPUT } from '../commands';
import { clip, commandLines, hanging, wrap } from './format';
import type { ReportModel } from './model';
import {
  actionsSection,
  assignmentSection,
  evidenceSection,
  policiesSection,
  type RenderLimits,
} from './text-sections';

/**
 * The plain text report, for email and for every subscriber without a
 * format of its own. Written for an email client: short lines, headed
 * sections, no tables, commands broken with shell line continuations.
 */

const problemsSection = (
  model: ReportModel,
  limits: RenderLimits,
): string[] => {
  const problems = model.state.problems;
  if (problems === undefined) {
    return [];
  }

  const example = JSON.stringify(EXAMPLE_MANUAL_INPUT, null, 2)
    .split('\n')
    .map((line) => `  ${line}`);

  return [
    'PROBLEMS WITH THE INPUT',
    ...problems.flatMap((problem, index) => [
      `  ${index + 1}. ${clip(problem.field, 200)}`,
      ...wrap(clip(problem.message, limits.maxText), '     '),
    ]),
    '',
    'EXAMPLE OF A VALID MANUAL INPUT',
    ...example,
    ...wrap(
      'principalType and principalId are optional (give both or neither); ' +
        'instanceArn may be added, and defaults to the instance of the ' +
        'permission set; creationRequestId may be added to check one ' +
        'CreateAccountAssignment request.',
      '  ',
    ),
  ];
};

const nextStepsSection = (model: ReportModel): string[] => [
  'NEXT STEPS',
  ...model.classification.nextSteps.flatMap((step, index) => {
    const prefix = `  ${index + 1}. `;

    return [
      ...hanging(prefix, step.text),
      ...(step.commands ?? []).flatMap((command) =>
        commandLines(command, `${' '.repeat(prefix.length)}  `),
      ),
    ];
  }),
];

const executionSection = (model: ReportModel): string[] => [
  'EXECUTION',
  `  Outcome: ${model.classification.outcome}`,
  `  Cause:   ${model.classification.cause}`,
  ...(model.dryRun ? ['  Dry run: on (no writes were made)'] : []),
  '  Open it in the Step Functions console:',
  `  ${model.consoleLink}`,
];

/** Renders the whole plain text report. */
export const renderText = (
  model: ReportModel,
  limits: RenderLimits,
): string => {
  const { outcome, cause, headline } = model.classification;
  const title = `${OUTCOME_TITLES[outcome].toUpperCase()}: ${CAUSE_TITLES[cause]}`;
  const sections = [
    [title, '', ...wrap(clip(headline, limits.maxText * 2))],
    problemsSection(model, limits),
    assignmentSection(model),
    model.state.request || model.state.failure
      ? evidenceSection(model, limits)
      : [],
    policiesSection(model, limits),
    actionsSection(model, limits),
    nextStepsSection(model),
    executionSection(model),
  ].filter((section) => section.length > 0);

  return `${sections.map((section) => section.join('\n')).join('\n\n')}\n`;
};
