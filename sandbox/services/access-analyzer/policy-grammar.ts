import { type Node, type ParseError, parseTree } from 'jsonc-parser';
import { invalidElement, mismatch } from './element-checks';
import {
  type Finding,
  FindingCollector,
  type PathElement,
  positionAt,
} from './findings';
import { member, members } from './json-nodes';
import { type ActionOccurrence, checkStatement } from './statement-checks';

export type PolicyType =
  | 'IDENTITY_POLICY'
  | 'RESOURCE_POLICY'
  | 'SERVICE_CONTROL_POLICY'
  | 'RESOURCE_CONTROL_POLICY';

export interface GrammarResult {
  readonly findings: readonly Finding[];
  /** Every action named, to be checked against the action catalogue. */
  readonly actions: readonly ActionOccurrence[];
}

const VERSIONS = ['2012-10-17', '2008-10-17'];

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);

const parse = (text: string, collector: FindingCollector): Node | undefined => {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first || !root) {
    const offset = first?.offset ?? 0;
    const at = positionAt(text, offset);
    collector.add(
      'ERROR',
      'JSON_SYNTAX_ERROR',
      `Fix the JSON syntax error at index ${offset} ` +
        `line ${at.line} column ${at.column}.`,
      [],
      { offset, length: first?.length ?? 0 },
    );

    return undefined;
  }

  return root;
};

const checkVersion = (root: Node, collector: FindingCollector): void => {
  const version = member(root, 'Version');
  if (!version) {
    collector.add(
      'WARNING',
      'MISSING_VERSION',
      'We recommend that you specify the Version element to help you ' +
        'with debugging permission issues.',
      [],
      root,
    );
    return;
  }

  const path: PathElement[] = [{ value: 'Version' }];
  if (version.value.type !== 'string') {
    mismatch(collector, 'String', path, version.value);
  } else if (!VERSIONS.includes(version.value.value)) {
    collector.add(
      'ERROR',
      'INVALID_VERSION',
      `The version ${version.value.value} is not valid. ` +
        `Use one of the following versions: ${VERSIONS.join(', ')}`,
      path,
      version.value,
    );
  }
};

const checkStatements = (
  root: Node,
  policyType: PolicyType,
  collector: FindingCollector,
  actions: ActionOccurrence[],
): void => {
  const statement = member(root, 'Statement');
  const empty =
    statement?.value.type === 'array' &&
    (statement.value.children ?? []).length === 0;
  if (!statement || empty) {
    collector.add(
      'ERROR',
      'MISSING_STATEMENT',
      'Add a statement to the policy',
      [],
      root,
    );
    return;
  }

  const { value } = statement;
  if (value.type === 'object') {
    checkStatement(
      value,
      [{ value: 'Statement' }],
      policyType,
      collector,
      actions,
    );
    return;
  }
  if (value.type !== 'array') {
    mismatch(collector, 'Array', [{ value: 'Statement' }], value);
    return;
  }

  (value.children ?? []).forEach((item, index) => {
    const path: PathElement[] = [{ value: 'Statement' }, { index }];
    if (item.type === 'object') {
      checkStatement(item, path, policyType, collector, actions);
    } else {
      mismatch(collector, 'Object', path, item);
    }
  });
};

/**
 * Checks a policy's JSON syntax and grammar: the checks that need no
 * catalogue of services and actions. Synchronous, so the world model can
 * use it to decide whether IAM would refuse an inline policy.
 */
export const grammarFindings = (
  text: string,
  policyType: PolicyType,
): GrammarResult => {
  const collector = new FindingCollector(text);
  const actions: ActionOccurrence[] = [];
  const root = parse(text, collector);
  if (!root) {
    return { findings: collector.findings, actions };
  }

  if (root.type !== 'object') {
    mismatch(collector, 'Object', [], root);
    return { findings: collector.findings, actions };
  }

  for (const { key } of members(root)) {
    if (!TOP_LEVEL.has(key.value)) {
      invalidElement(collector, key, [{ value: key.value }]);
    }
  }
  checkVersion(root, collector);
  checkStatements(root, policyType, collector, actions);

  return { findings: collector.findings, actions };
};
