import type { Node } from 'jsonc-parser';
import { checkCondition } from './condition-checks';
import {
  checkEffect,
  checkPrincipal,
  checkResources,
  invalidElement,
  mismatch,
  pair,
  stringValues,
} from './element-checks';
import type { FindingCollector, PathElement } from './findings';
import { member, members } from './json-nodes';
import type { PolicyType } from './policy-grammar';

/** An action named in a statement, where it was named. */
export interface ActionOccurrence {
  readonly action: string;
  readonly path: readonly PathElement[];
  readonly node: Node;
}

const ELEMENTS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);

const ACTION_FORMAT = /^[^:\s]+:[^:\s]+$/;

/**
 * Checks one statement's elements and collects its actions. Findings go
 * to the collector; the actions are returned for the catalogue check.
 */
export const checkStatement = (
  statement: Node,
  path: readonly PathElement[],
  policyType: PolicyType,
  collector: FindingCollector,
  actions: ActionOccurrence[],
): void => {
  for (const { key, value } of members(statement)) {
    const at = [...path, { value: key.value }];
    if (!ELEMENTS.has(key.value)) {
      invalidElement(collector, key, at);
    } else if (key.value === 'Sid' && value.type !== 'string') {
      mismatch(collector, 'String', at, value);
    } else if (
      key.value === 'Sid' &&
      policyType === 'IDENTITY_POLICY' &&
      !/^[A-Za-z0-9]*$/.test(value.value)
    ) {
      collector.add(
        'ERROR',
        'UNSUPPORTED_SID',
        'Update the characters in the Sid element to use one of the ' +
          'following character types: [a-z, A-Z, 0-9]',
        at,
        value,
      );
    }
  }

  const effect = checkEffect(statement, path, collector);
  checkPrincipal(statement, path, policyType, collector);

  const action = pair(
    statement,
    ['Action', 'NotAction'],
    {
      code: 'MISSING_ACTION',
      details: 'Add an Action or NotAction element to the policy statement.',
    },
    path,
    collector,
  );
  const named = action
    ? stringValues(action.value, [...path, { value: action.name }], collector)
    : [];
  for (const { text, path: at, node } of named) {
    if (text !== '*' && !ACTION_FORMAT.test(text)) {
      collector.add(
        'ERROR',
        'INVALID_ACTION',
        `The action ${text} does not exist.`,
        at,
        node,
      );
    } else {
      actions.push({ action: text, path: at, node });
    }
  }

  const resources = checkResources(statement, path, policyType, collector);
  const condition = member(statement, 'Condition');
  if (condition) {
    checkCondition(
      condition.value,
      [...path, { value: 'Condition' }],
      collector,
    );
  }

  const passRole = named.some(({ text }) =>
    /^iam:(\*|pass\*|passrole)$/i.test(text),
  );
  const guarded =
    condition?.value.type === 'object' &&
    conditionKeys(condition.value).some(
      (key) => key.toLowerCase() === 'iam:passedtoservice',
    );
  if (
    effect === 'Allow' &&
    action?.name === 'Action' &&
    passRole &&
    resources.includes('*') &&
    !guarded
  ) {
    collector.add(
      'SECURITY_WARNING',
      'PASS_ROLE_WITH_STAR_IN_RESOURCE',
      'Using the iam:PassRole action with wildcards (*) in the resource ' +
        'can be overly permissive because it allows iam:PassRole ' +
        'permissions on multiple resources. We recommend that you specify ' +
        'resource ARNs or add the iam:PassedToService condition key to ' +
        'your statement.',
      [...path, { value: 'Resource' }],
      member(statement, 'Resource')?.value ?? statement,
    );
  }
};

/** Every condition key named in a Condition block. */
const conditionKeys = (condition: Node): string[] =>
  members(condition).flatMap(({ value }) =>
    value.type === 'object'
      ? members(value).map(({ key }) => key.value as string)
      : [],
  );
