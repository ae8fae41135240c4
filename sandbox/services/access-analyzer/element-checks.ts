import type { Node } from 'jsonc-parser';
import type { FindingCollector, PathElement } from './findings';
import { member } from './json-nodes';
import type { PolicyType } from './policy-grammar';

/**
 * Checks of single statement elements: their JSON types, the exclusive
 * pairs (Action/NotAction, Resource/NotResource), Effect, Principal and
 * the form of resource ARNs.
 */
export const mismatch = (
  collector: FindingCollector,
  expected: string,
  path: readonly PathElement[],
  node: Node,
): void =>
  collector.add(
    'ERROR',
    'DATA_TYPE_MISMATCH',
    `The text does not match the expected JSON data type ${expected}.`,
    path,
    node,
  );

/** An element name the grammar does not know where it stands. */
export const invalidElement = (
  collector: FindingCollector,
  key: Node,
  path: readonly PathElement[],
): void =>
  collector.add(
    'ERROR',
    'INVALID_POLICY_ELEMENT',
    `The policy element ${key.value} is not valid.`,
    path,
    key,
  );

/** The strings of a string-or-array element, with their paths. */
export const stringValues = (
  value: Node,
  path: readonly PathElement[],
  collector: FindingCollector,
): { text: string; path: readonly PathElement[]; node: Node }[] => {
  if (value.type === 'string') {
    return [{ text: value.value, path, node: value }];
  }
  if (value.type !== 'array') {
    mismatch(collector, 'Array', path, value);
    return [];
  }

  return (value.children ?? []).flatMap((item, index) => {
    const itemPath = [...path, { index }];
    if (item.type !== 'string') {
      mismatch(collector, 'String', itemPath, item);
      return [];
    }

    return [{ text: item.value as string, path: itemPath, node: item }];
  });
};

/** Exactly one of two exclusive elements must be present. */
export const pair = (
  statement: Node,
  names: readonly [string, string],
  missing: { code: string; details: string } | undefined,
  path: readonly PathElement[],
  collector: FindingCollector,
): { name: string; value: Node } | undefined => {
  const [first, second] = names;
  const a = member(statement, first);
  const b = member(statement, second);
  if (a && b) {
    collector.add(
      'ERROR',
      'UNSUPPORTED_ELEMENT_COMBINATION',
      `The policy elements ${first} and ${second} can not be used in the ` +
        'same statement. Remove one of these elements.',
      path,
      statement,
    );
    return undefined;
  }
  if (!a && !b && missing) {
    collector.add('ERROR', missing.code, missing.details, path, statement);
  }
  if (a) {
    return { name: first, value: a.value };
  }

  return b ? { name: second, value: b.value } : undefined;
};

export const checkEffect = (
  statement: Node,
  path: readonly PathElement[],
  collector: FindingCollector,
): string | undefined => {
  const effect = member(statement, 'Effect');
  if (!effect) {
    collector.add(
      'ERROR',
      'MISSING_EFFECT',
      'Add an Effect element to the policy statement with a value of ' +
        'Allow or Deny.',
      path,
      statement,
    );
    return undefined;
  }
  const effectPath = [...path, { value: 'Effect' }];
  if (effect.value.type !== 'string') {
    mismatch(collector, 'String', effectPath, effect.value);
    return undefined;
  }
  if (effect.value.value !== 'Allow' && effect.value.value !== 'Deny') {
    collector.add(
      'ERROR',
      'INVALID_EFFECT',
      `The effect ${effect.value.value} is not valid. Use Allow or Deny.`,
      effectPath,
      effect.value,
    );
  }

  return effect.value.value;
};

export const checkPrincipal = (
  statement: Node,
  path: readonly PathElement[],
  policyType: PolicyType,
  collector: FindingCollector,
): void => {
  const principal =
    member(statement, 'Principal') ?? member(statement, 'NotPrincipal');
  const at = [...path, { value: principal?.key.value ?? 'Principal' }];
  if (principal && policyType === 'IDENTITY_POLICY') {
    collector.add(
      'ERROR',
      'UNSUPPORTED_PRINCIPAL',
      'The policy type IDENTITY_POLICY does not support the Principal ' +
        'element. Remove the Principal element.',
      at,
      principal.key,
    );
  } else if (principal && policyType === 'SERVICE_CONTROL_POLICY') {
    collector.add(
      'ERROR',
      'SCP_SYNTAX_ERROR_PRINCIPAL',
      'SCPs do not support specifying principals. ' +
        'Remove the Principal or NotPrincipal element.',
      at,
      principal.key,
    );
  } else if (!principal && policyType === 'RESOURCE_POLICY') {
    collector.add(
      'ERROR',
      'MISSING_PRINCIPAL',
      'Add a Principal element to the policy statement.',
      path,
      statement,
    );
  }
};

export const checkResources = (
  statement: Node,
  path: readonly PathElement[],
  policyType: PolicyType,
  collector: FindingCollector,
): string[] => {
  const required =
    policyType === 'IDENTITY_POLICY' || policyType === 'RESOURCE_POLICY';
  const resource = pair(
    statement,
    ['Resource', 'NotResource'],
    required
      ? {
          code: 'MISSING_RESOURCE',
          details:
            'Add a Resource or NotResource element to the policy statement.',
        }
      : undefined,
    path,
    collector,
  );
  if (!resource) {
    return [];
  }
  const values = stringValues(
    resource.value,
    [...path, { value: resource.name }],
    collector,
  );

  for (const { text, path: at, node } of values) {
    if (text === '*') {
      continue;
    }
    if (!text.startsWith('arn:')) {
      collector.add(
        'ERROR',
        'INVALID_ARN_PREFIX',
        'Add the required prefix (arn) to the resource ARN.',
        at,
        node,
      );
    } else if (text.split(':').length < 6) {
      collector.add(
        'ERROR',
        'MISSING_ARN_FIELD',
        'Resource ARNs must include at least 6 fields in the following ' +
          'structure: arn:partition:service:region:account:resource',
        at,
        node,
      );
    }
  }

  return resource.name === 'Resource' ? values.map((v) => v.text) : [];
};
