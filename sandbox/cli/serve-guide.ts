import type { Scenario } from '../scenarios/types';
import type { Sandbox } from '../server/index';

/**
 * What `npm run sandbox` prints once the endpoint listens: how to point
 * the SDK and the AWS CLI at it, and troubleshooting commands with the
 * world's real ids filled in.
 */

/** The assignment the commands are about. */
export interface Focus {
  readonly accountId: string;
  readonly accountName: string;
  readonly permissionSetName: string;
  readonly permissionSetArn: string;
  /** The creation request a scenario's event is about, when it has one. */
  readonly creationRequestId?: string;
}

/** The sample organization's DataEngineer in dev, unless a scenario says. */
export const focusOf = (
  sandbox: Sandbox,
  scenario: Scenario | undefined,
): Focus => {
  const { world } = sandbox;
  const trigger = scenario?.trigger;
  const request =
    trigger?.kind === 'EVENT'
      ? world.request(trigger.creationRequestId)
      : undefined;
  const accountId =
    request?.accountId ??
    world.accountId(trigger?.kind === 'MANUAL' ? trigger.account : 'dev');
  const permissionSet = [...world.state.permissionSets.values()].find(
    (ps) =>
      ps.arn === request?.permissionSetArn ||
      (request === undefined &&
        ps.name ===
          (trigger?.kind === 'MANUAL'
            ? trigger.permissionSet
            : 'DataEngineer')),
  );

  return {
    accountId,
    accountName: world.state.accounts.get(accountId)?.name ?? accountId,
    permissionSetName: permissionSet?.name ?? '',
    permissionSetArn: permissionSet?.arn ?? '',
    creationRequestId: request?.requestId,
  };
};

/** The text to print, line by line. */
export const serveGuide = (
  sandbox: Sandbox,
  scenario: Scenario | undefined,
): string => {
  const { url, world } = sandbox;
  const focus = focusOf(sandbox, scenario);
  const aws = `aws --endpoint-url ${url}`;
  const instance = `--instance-arn ${world.instanceArn}`;
  const permissionSet = `--permission-set-arn ${focus.permissionSetArn}`;
  const about = scenario
    ? `scenario ${scenario.name}: ${scenario.title}`
    : 'the sample organization (npm run sandbox -- --scenario <name> for another)';

  return [
    `Assignment Healer sandbox listening on ${url}`,
    `World: ${about}`,
    `  Instance:       ${world.instanceArn}`,
    `  Identity store: ${world.identityStoreId}`,
    `  Management:     ${world.definition.managementAccountId}`,
    '',
    'Point the AWS SDK (and AWS CLI 2.13 or later) at it:',
    `  export AWS_ENDPOINT_URL=${url}`,
    '  export AWS_ACCESS_KEY_ID=test',
    '  export AWS_SECRET_ACCESS_KEY=test',
    `  export AWS_REGION=${world.definition.region ?? 'us-east-1'}`,
    'Any AWS CLI v2 takes the endpoint as an option:',
    `  ${aws} sso-admin list-instances`,
    '',
    `Troubleshoot ${focus.permissionSetName} in ${focus.accountName} (${focus.accountId}):`,
    '  # Permission sets provisioned to the account (add',
    '  # --provisioning-status LATEST_PERMISSION_SET_NOT_PROVISIONED for outdated ones)',
    `  ${aws} sso-admin list-permission-sets-provisioned-to-account ${instance} --account-id ${focus.accountId}`,
    '  # Provision the permission set to that one account again',
    `  ${aws} sso-admin provision-permission-set ${instance} ${permissionSet} --target-type AWS_ACCOUNT --target-id ${focus.accountId}`,
    '  # Read the provisioning status (RequestId from the command above)',
    `  ${aws} sso-admin describe-permission-set-provisioning-status ${instance} --provision-permission-set-request-id <RequestId>`,
    '  # Read the inline policy',
    `  ${aws} sso-admin get-inline-policy-for-permission-set ${instance} ${permissionSet} --query InlinePolicy --output text`,
    ...(focus.creationRequestId
      ? [
          "  # Read the status of the scenario's CreateAccountAssignment call",
          `  ${aws} sso-admin describe-account-assignment-creation-status ${instance} --account-assignment-creation-request-id ${focus.creationRequestId}`,
        ]
      : []),
    '',
    'The sandbox itself (times are simulated seconds since start):',
    `  curl ${url}/_sandbox/world      # the organization as it is now`,
    `  curl ${url}/_sandbox/calls      # every call received`,
    `  curl -X POST ${url}/_sandbox/advance -d '{"seconds": 300}'   # skip ahead`,
    '',
    'Ctrl-C stops it.',
  ].join('\n');
};
