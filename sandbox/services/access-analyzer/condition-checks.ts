import type { Node } from 'jsonc-parser';
import { mismatch } from './element-checks';
import type { FindingCollector, PathElement } from './findings';
import { members } from './json-nodes';

const OPERATORS = new Set([
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
]);

const SCALAR = new Set(['string', 'number', 'boolean']);

/** The base operator, without a set qualifier or `IfExists`. */
const baseOperator = (operator: string): string =>
  operator.replace(/^For(All|Any)Value:/, '').replace(/IfExists$/, '');

const checkValues = (
  value: Node,
  path: readonly PathElement[],
  collector: FindingCollector,
): void => {
  if (SCALAR.has(value.type)) {
    return;
  }
  if (value.type !== 'array') {
    mismatch(collector, 'Array', path, value);
    return;
  }
  (value.children ?? []).forEach((item, index) => {
    if (!SCALAR.has(item.type)) {
      mismatch(collector, 'String', [...path, { index }], item);
    }
  });
};

/**
 * Checks a Condition block's shape: operators known, keys in
 * `service:name` form, values scalars or arrays of scalars. Whether a key
 * exists for a service is not checked here.
 */
export const checkCondition = (
  condition: Node,
  path: readonly PathElement[],
  collector: FindingCollector,
): void => {
  if (condition.type !== 'object') {
    mismatch(collector, 'Object', path, condition);
    return;
  }

  for (const { key, value } of members(condition)) {
    const operator = key.value as string;
    const at = [...path, { value: operator }];
    if (!OPERATORS.has(baseOperator(operator))) {
      collector.add(
        'ERROR',
        'INVALID_CONDITION_OPERATOR',
        `The condition operator ${operator} is not valid. ` +
          'Use a valid condition operator.',
        at,
        key,
      );
      continue;
    }
    if (baseOperator(operator) === 'Null' && operator.endsWith('IfExists')) {
      collector.add(
        'ERROR',
        'NULL_WITH_IF_EXISTS',
        'The Null condition operator cannot be used with the IfExists ' +
          'suffix. Update the operator or the suffix.',
        at,
        key,
      );
    }
    if (value.type !== 'object') {
      mismatch(collector, 'Object', at, value);
      continue;
    }

    for (const entry of members(value)) {
      const keyPath = [...at, { value: entry.key.value as string }];
      if (!/^[^:\s]+:[^:\s]/.test(entry.key.value)) {
        collector.add(
          'ERROR',
          'INVALID_CONDITION_KEY_FORMAT',
          'The condition key format is not valid. ' +
            'Use the format service:keyname.',
          keyPath,
          entry.key,
        );
      }
      checkValues(entry.value, keyPath, collector);
    }
  }
};
