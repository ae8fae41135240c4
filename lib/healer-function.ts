import * as path from 'node:path';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { SETTING_NAMES } from '../lambdas/core/settings';
import { acknowledge } from './private/nag-acknowledgements';
import {
  addStepPermissions,
  type PermissionScope,
} from './private/step-permissions';
import { STEP_TIMEOUTS, type Step } from './private/steps';

/** The project root: `lambdas/` and `package-lock.json` live there. */
const PROJECT_ROOT = path.resolve(__dirname, '..');

/** Properties of one function of the workflow. */
/**
 * Parts of the SDK that only the credential chain beyond environment
 * variables loads: profiles, SSO, processes, web identity, containers and
 * instance metadata, and the nested STS and SSO clients they use.
 */
export const LAZY_CREDENTIAL_MODULES = [
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-login',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/nested-clients',
  '@aws-sdk/token-providers',
  '@smithy/credential-provider-imds',
];

export interface HealerFunctionProps {
  /** The step it runs: its folder under `lambdas/`. */
  readonly step: Step;
  /** Settings shared by every function; `HEALER_STEP` is added here. */
  readonly environment: Readonly<Record<string, string>>;
  /** What the step's AWS permissions are scoped to. */
  readonly permissions: PermissionScope;
  /** Key that encrypts the function's log group. */
  readonly encryptionKey: IKey;
  /**
   * How long the function's logs are kept.
   * @default RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: RetentionDays;
}

/**
 * One step of the workflow: a bundled Node.js function with its own role,
 * which may write to its own log group and call what the step needs, and
 * its own encrypted log group with a retention.
 */
export class HealerFunction extends Construct {
  /** The function the state machine invokes. */
  public readonly function: NodejsFunction;
  /** The function's role, which holds the step's permissions. */
  public readonly role: Role;
  /** Where the function logs. */
  public readonly logGroup: LogGroup;

  public constructor(scope: Construct, id: string, props: HealerFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
      encryptionKey: props.encryptionKey,
    });

    // A role of its own, instead of AWSLambdaBasicExecutionRole, so that
    // the function can write to its own log group and nowhere else.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.step} step of Assignment Healer.`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(PROJECT_ROOT, 'lambdas', props.step, 'index.ts'),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: STEP_TIMEOUTS[props.step],
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      description: `Assignment Healer: ${props.step}`,
      environment: {
        ...props.environment,
        [SETTING_NAMES.step]: props.step,
        // Stack traces in the logs point at the TypeScript sources.
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        minify: true,
        sourceMap: true,
        // Stack traces keep file and line; the sources stay out of the zip.
        sourcesContent: false,
        target: 'node24',
        format: OutputFormat.CJS,
        // Prefer the ES module builds: esbuild drops more unused code.
        mainFields: ['module', 'main'],
        // Bundle the SDK clients: one pinned version, and a faster cold
        // start than loading the runtime's copy file by file. Lambda hands
        // credentials over in environment variables, so the SDK never
        // loads the other credential providers (it requires each one only
        // when the chain reaches it); they are left to the runtime's SDK.
        externalModules: LAZY_CREDENTIAL_MODULES,
      },
    });

    const { unscopedActions } = addStepPermissions(
      this.role,
      props.step,
      props.permissions,
    );
    const tracing = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];
    acknowledge(this.role, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only actions that have no resource type are granted on "*": ' +
        `${[...tracing, ...unscopedActions].join(', ')}.`,
    });
  }
}
