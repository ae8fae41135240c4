import type { Classification } from '../classify';
import type { PrincipalType, WorkflowState } from '../types';

/**
 * Everything a report shows, gathered in one place so that the renderers
 * only lay it out.
 */
export interface ReportModel {
  readonly state: WorkflowState;
  readonly classification: Classification;
  readonly account?: { readonly id: string; readonly name?: string };
  readonly permissionSet?: { readonly arn: string; readonly name?: string };
  readonly principal?: {
    readonly type: PrincipalType;
    readonly id: string;
    readonly displayName?: string;
  };
  readonly executionArn: string;
  readonly consoleLink: string;
  readonly dryRun: boolean;
}

/** Names that the evidence lacked and that the report looked up. */
export interface LookedUpNames {
  readonly accountName?: string;
  readonly permissionSetName?: string;
}

/** Link to the execution in the Step Functions console. */
export const consoleLinkOf = (region: string, executionArn: string): string =>
  `https://${region}.console.aws.amazon.com/states/home?region=${region}` +
  `#/v2/executions/details/${executionArn}`;

/** Gathers what the report shows from the state and the classification. */
export const buildReportModel = (
  state: WorkflowState,
  classification: Classification,
  options: {
    readonly names?: LookedUpNames;
    readonly region: string;
    readonly dryRun: boolean;
  },
): ReportModel => {
  const { request } = state;
  const evidence = state.verdict?.evidence;
  const names = options.names ?? {};
  const executionArn = state.execution?.id ?? 'unknown execution';
  const accountName = evidence?.account?.name ?? names.accountName;
  const permissionSetName =
    evidence?.permissionSet?.name ?? names.permissionSetName;
  const displayName = evidence?.principal?.displayName;

  return {
    state,
    classification,
    ...(request
      ? {
          account: {
            id: request.accountId,
            ...(accountName ? { name: accountName } : {}),
          },
          permissionSet: {
            arn: request.permissionSetArn,
            ...(permissionSetName ? { name: permissionSetName } : {}),
          },
        }
      : {}),
    ...(request?.principal
      ? {
          principal: {
            ...request.principal,
            ...(displayName ? { displayName } : {}),
          },
        }
      : {}),
    executionArn,
    consoleLink: consoleLinkOf(options.region, executionArn),
    dryRun:
      options.dryRun || (state.actions ?? []).some((action) => action.dryRun),
  };
};

/** `Dev (444455556666)`, or the id alone when the name is not known. */
export const accountLabel = (model: ReportModel): string | undefined =>
  model.account
    ? model.account.name
      ? `${model.account.name} (${model.account.id})`
      : model.account.id
    : undefined;

/** `group Platform admins (3488…)`, or type and id alone. */
export const principalLabel = (model: ReportModel): string | undefined =>
  model.principal
    ? `${model.principal.type === 'USER' ? 'user' : 'group'} ` +
      `${model.principal.displayName ? `${model.principal.displayName} ` : ''}` +
      `(${model.principal.id})`
    : undefined;

/** Who asked for the assignment, and when. */
export const requestedBy = (model: ReportModel): string => {
  const trigger = model.state.request?.trigger;
  if (!trigger) {
    return 'not known';
  }

  return trigger.kind === 'MANUAL'
    ? `started by hand at ${trigger.startedAt}`
    : `${trigger.actor} at ${trigger.eventTime}`;
};
