import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { SETTING_NAMES } from '../lambdas/core/settings';
import { AssignmentHealerStack } from '../lib/assignment-healer-stack';
import type { HealerProps } from '../lib/config';
import type { EventPatternJson } from './event-pattern';

/**
 * Reads the workflow out of a synthesized template, so that the local
 * runner executes exactly what would be deployed. CloudFormation
 * references (`Ref`, `Fn::GetAtt`, `Fn::Join`, `Fn::Sub`) become
 * placeholder values, built from the logical id:
 * `arn:aws:lambda:us-east-1:123456789012:function:<LogicalId>` and so on.
 */

/** Account, Region and partition of the placeholders. */
export const PLACEHOLDER_ENV = {
  account: '123456789012',
  region: 'us-east-1',
  partition: 'aws',
  urlSuffix: 'amazonaws.com',
} as const;

/** The instance ARN used when a test gives none. */
export const SAMPLE_INSTANCE_ARN =
  'arn:aws:sso:::instance/ssoins-0123456789abcdef';

/** The stack id that {@link synthesizeHealer} uses. */
export const SAMPLE_STACK_NAME = 'AssignmentHealer';

interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

/** A CloudFormation template as JSON. */
export interface SynthesizedTemplate {
  readonly Resources?: Readonly<Record<string, TemplateResource>>;
  readonly [section: string]: unknown;
}

/** An Amazon States Language definition as plain JSON. */
export type AslDefinition = {
  readonly StartAt: string;
  readonly States: Record<string, Record<string, unknown>>;
} & Record<string, unknown>;

/** What the local runner needs from the stack. */
export interface HealerDefinition {
  /** The state machine's definition with every reference resolved. */
  readonly definition: AslDefinition;
  /** Lambda task state name → step folder (the function's `HEALER_STEP`). */
  readonly stepOfState: Readonly<Record<string, string>>;
  /** The rule's event pattern, resolved the same way. */
  readonly rulePattern: EventPatternJson;
  /** Placeholder ARN of the re-provision function's role. */
  readonly reprovisionRoleArn: string;
  /**
   * Each function's environment variables as synthesized (references
   * resolved to placeholders), by its step.
   */
  readonly environmentOfStep: Readonly<
    Record<string, Readonly<Record<string, string>>>
  >;
}

/**
 * Synthesizes the stack in-process without bundling the functions, which
 * keeps it to about a second, and returns its template.
 */
export const synthesizeHealer = (
  overrides: Partial<HealerProps> = {},
): SynthesizedTemplate => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new AssignmentHealerStack(app, SAMPLE_STACK_NAME, {
    instanceArn: SAMPLE_INSTANCE_ARN,
    ...overrides,
  });

  return Template.fromStack(stack).toJSON() as SynthesizedTemplate;
};

/** {@link synthesizeHealer}, then {@link readHealerDefinition}. */
export const loadHealerDefinition = (
  overrides: Partial<HealerProps> = {},
): HealerDefinition => readHealerDefinition(synthesizeHealer(overrides));

/** Takes the definition, its steps and the rule out of a template. */
export const readHealerDefinition = (
  template: SynthesizedTemplate,
): HealerDefinition => {
  const resources = template.Resources ?? {};
  const resolve = (value: unknown) => resolveReferences(value, template);

  const machine = single(resources, 'AWS::StepFunctions::StateMachine');
  const definitionString = resolve(
    machine.resource.Properties?.DefinitionString,
  );
  if (typeof definitionString !== 'string') {
    throw new Error(
      `State machine ${machine.id} has no DefinitionString; DefinitionS3Location is not supported.`,
    );
  }
  const definition = JSON.parse(definitionString) as AslDefinition;

  const rule = single(resources, 'AWS::Events::Rule');
  const rulePattern = resolve(rule.resource.Properties?.EventPattern);

  const functionOfStep = new Map<string, TemplateResource>();
  for (const resource of Object.values(resources)) {
    const step = stepOf(resource);
    if (resource.Type === 'AWS::Lambda::Function' && step) {
      functionOfStep.set(step, resource);
    }
  }
  const reprovision = functionOfStep.get('reprovision');
  if (!reprovision) {
    throw new Error(
      `No function has ${SETTING_NAMES.step}=reprovision in the template.`,
    );
  }

  const environmentOfStep = Object.fromEntries(
    [...functionOfStep].map(([step, resource]) => {
      const environment = resolve(resource.Properties?.Environment) as {
        Variables?: Record<string, unknown>;
      };
      const variables = Object.entries(environment.Variables ?? {});

      return [
        step,
        Object.fromEntries(variables.map(([k, v]) => [k, String(v)])),
      ];
    }),
  );

  return {
    definition,
    stepOfState: stepsOfStates(definition, resources),
    rulePattern: rulePattern as EventPatternJson,
    reprovisionRoleArn: String(resolve(reprovision.Properties?.Role)),
    environmentOfStep,
  };
};

const single = (
  resources: Readonly<Record<string, TemplateResource>>,
  type: string,
): { readonly id: string; readonly resource: TemplateResource } => {
  const found = Object.entries(resources).filter(([, r]) => r.Type === type);
  const [first] = found;
  if (found.length !== 1 || !first) {
    throw new Error(
      `Expected one ${type} in the template, found ${found.length}.`,
    );
  }

  return { id: first[0], resource: first[1] };
};

const stepOf = (resource: TemplateResource): string | undefined => {
  const environment = resource.Properties?.Environment as
    | { Variables?: Record<string, unknown> }
    | undefined;
  const step = environment?.Variables?.[SETTING_NAMES.step];

  return typeof step === 'string' ? step : undefined;
};

const FUNCTION_ARN =
  /^arn:[^:]+:lambda:[^:]+:\d{12}:function:([^:]+)(?::[^:]+)?$/;

/** Maps each Lambda task to its step; the workflow has no Map or Parallel. */
const stepsOfStates = (
  definition: AslDefinition,
  resources: Readonly<Record<string, TemplateResource>>,
): Record<string, string> => {
  const steps: Record<string, string> = {};

  for (const [name, state] of Object.entries(definition.States)) {
    const parameters = state.Parameters as
      | { FunctionName?: unknown }
      | undefined;
    const target = parameters?.FunctionName ?? state.Resource;
    const logicalId =
      typeof target === 'string' ? FUNCTION_ARN.exec(target)?.[1] : undefined;
    const resource = logicalId ? resources[logicalId] : undefined;
    const step = resource ? stepOf(resource) : undefined;
    if (state.Type === 'Task' && step) {
      steps[name] = step;
    }
  }

  return steps;
};

/** Replaces CloudFormation references by placeholder values. */
export const resolveReferences = (
  value: unknown,
  template: SynthesizedTemplate,
): unknown => {
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node.map(resolve);
    }
    if (typeof node !== 'object' || node === null) {
      return node;
    }

    const entries = Object.entries(node as Record<string, unknown>);
    const [first] = entries;
    if (entries.length === 1 && first) {
      const [key, argument] = first;
      switch (key) {
        case 'Ref':
          return refValue(String(argument), template);
        case 'Fn::GetAtt':
          return getAttValue(argument, template);
        case 'Fn::Join': {
          const [delimiter, items] = argument as [string, unknown[]];

          return (resolve(items) as unknown[]).join(delimiter);
        }
        case 'Fn::Sub':
          return substitute(argument, template, resolve);
      }
    }

    return Object.fromEntries(entries.map(([k, v]) => [k, resolve(v)]));
  };

  return resolve(value);
};

const substitute = (
  argument: unknown,
  template: SynthesizedTemplate,
  resolve: (node: unknown) => unknown,
): string => {
  const [text, variables] = Array.isArray(argument)
    ? (argument as [string, Record<string, unknown>])
    : [String(argument), {}];

  return text.replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
    if (name in variables) {
      return String(resolve(variables[name]));
    }
    const [id, attribute] = name.split('.', 2);

    return String(
      attribute
        ? getAttValue([id, attribute], template)
        : refValue(String(id), template),
    );
  });
};

const { account, region, partition, urlSuffix } = PLACEHOLDER_ENV;

const arn = (service: string, resource: string, global = false): string =>
  `arn:${partition}:${service}:${global ? '' : region}:${account}:${resource}`;

const PSEUDO_PARAMETERS: Readonly<Record<string, string>> = {
  'AWS::AccountId': account,
  'AWS::Region': region,
  'AWS::Partition': partition,
  'AWS::URLSuffix': urlSuffix,
  'AWS::StackName': SAMPLE_STACK_NAME,
  'AWS::StackId': arn('cloudformation', `stack/${SAMPLE_STACK_NAME}/0`),
};

/** `Ref` by resource type; any other type's `Ref` is its name. */
const REFS: Readonly<Record<string, (id: string) => string>> = {
  'AWS::SNS::Topic': (id) => arn('sns', id),
  'AWS::SQS::Queue': (id) =>
    `https://sqs.${region}.${urlSuffix}/${account}/${id}`,
  'AWS::StepFunctions::StateMachine': (id) =>
    arn('states', `stateMachine:${id}`),
};

/** `Fn::GetAtt` by resource type and attribute. */
const ATTRIBUTES: Readonly<Record<string, (id: string) => string>> = {
  'AWS::Lambda::Function.Arn': (id) => arn('lambda', `function:${id}`),
  'AWS::IAM::Role.Arn': (id) => arn('iam', `role/${id}`, true),
  'AWS::SQS::Queue.Arn': (id) => arn('sqs', id),
  'AWS::SQS::Queue.QueueUrl': (id) => REFS['AWS::SQS::Queue']?.(id) ?? id,
  'AWS::SNS::Topic.TopicArn': (id) => arn('sns', id),
  'AWS::KMS::Key.Arn': (id) => arn('kms', `key/${id}`),
  'AWS::Logs::LogGroup.Arn': (id) => arn('logs', `log-group:${id}:*`),
  'AWS::StepFunctions::StateMachine.Arn': (id) =>
    arn('states', `stateMachine:${id}`),
  'AWS::Events::Rule.Arn': (id) => arn('events', `rule/${id}`),
};

const typeOf = (id: string, template: SynthesizedTemplate): string =>
  template.Resources?.[id]?.Type ?? '';

const refValue = (id: string, template: SynthesizedTemplate): string =>
  PSEUDO_PARAMETERS[id] ?? REFS[typeOf(id, template)]?.(id) ?? id;

const getAttValue = (
  argument: unknown,
  template: SynthesizedTemplate,
): string => {
  const [id, attribute] = (
    typeof argument === 'string' ? argument.split('.', 2) : argument
  ) as [string, string];
  const placeholder = ATTRIBUTES[`${typeOf(id, template)}.${attribute}`];

  return placeholder
    ? placeholder(id)
    : arn('cloudformation', `placeholder/${id}/${attribute}`);
};
