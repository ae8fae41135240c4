import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** A finding of a cdk-nag rule that a construct accepts, and why. */
export interface Acknowledgement {
  /** Rule id, with the finding in brackets for rules that report several. */
  readonly id: string;
  /** Why the finding is right for this construct. */
  readonly reason: string;
}

/** Records acknowledgements on a construct and everything under it. */
export const acknowledge = (
  scope: IConstruct,
  ...acknowledgements: readonly Acknowledgement[]
): void => {
  Validations.of(scope).acknowledge(...acknowledgements);
};

/**
 * The id under which AwsSolutions-IAM5 reports a wildcard resource. The
 * rule flattens references the same way: `<LogicalId.Attribute>` for
 * `Fn::GetAtt`, `<Name>` for `Ref`, joined pieces concatenated.
 */
export const wildcardResourceFinding = (
  scope: IConstruct,
  resource: string,
): string =>
  `AwsSolutions-IAM5[Resource::${flatten(Stack.of(scope).resolve(resource))}]`;

/** The id under which AwsSolutions-IAM5 reports a wildcard action. */
export const wildcardActionFinding = (action: string): string =>
  `AwsSolutions-IAM5[Action::${action}]`;

const flatten = (node: unknown): string => {
  if (typeof node === 'string') {
    return node.replace(/\$\{/g, '<').replace(/}/g, '>');
  }
  if (node === null || typeof node !== 'object') {
    return JSON.stringify(node);
  }

  const value = node as Record<string, unknown>;
  if (Array.isArray(value['Fn::Join'])) {
    const [delimiter, items] = value['Fn::Join'] as [string, unknown[]];

    return items.map(flatten).join(delimiter);
  }
  if (Array.isArray(value['Fn::GetAtt'])) {
    const [resource, attribute] = value['Fn::GetAtt'] as [unknown, unknown];

    return `<${flatten(resource)}.${flatten(attribute)}>`;
  }
  if (value.Ref !== undefined) {
    return `<${flatten(value.Ref)}>`;
  }

  return JSON.stringify(node);
};
