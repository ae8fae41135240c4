import { App } from 'aws-cdk-lib';
import {
  HEALER_DEFAULTS,
  readHealerConfig,
  resolveHealerConfig,
} from '../../lib/config';
import { HealerConfigError } from '../../lib/errors';

const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-0123456789abcdef';

/** Reads the configuration the way `-c key=value` hands it over. */
const readContext = (context: Record<string, unknown>) =>
  readHealerConfig(new App({ context }).node);

describe('readHealerConfig', () => {
  it('returns the defaults when only instanceArn is set', () => {
    // Act
    const config = readContext({ instanceArn: INSTANCE_ARN });

    // Assess
    expect(config).toEqual({
      ...HEALER_DEFAULTS,
      instanceArn: INSTANCE_ARN,
      identityStoreId: undefined,
    });
  });

  it('parses numbers, booleans and lists given as text', () => {
    // Prepare
    const context = {
      instanceArn: INSTANCE_ARN,
      identityStoreId: 'd-9067a1b2c3',
      propagationWaitSeconds: '45',
      recheckWaitSeconds: '15',
      pendingRechecks: '0',
      provisioningPollSeconds: '5',
      provisioningPollLimit: '12',
      reprovisionAttempts: '1',
      dryRun: 'true',
      notifyOnHealthy: 'TRUE',
      healManagementAccount: 'false',
      alertEmails: 'oncall@example.com, security@example.com',
      excludedAccountIds: '111122223333',
      logLevel: 'debug',
      slackWorkspaceId: 'T0123ABCDEF',
      slackChannelId: 'C0123ABCDEF',
    };

    // Act
    const config = readContext(context);

    // Assess
    expect(config).toEqual({
      instanceArn: INSTANCE_ARN,
      identityStoreId: 'd-9067a1b2c3',
      propagationWaitSeconds: 45,
      recheckWaitSeconds: 15,
      pendingRechecks: 0,
      provisioningPollSeconds: 5,
      provisioningPollLimit: 12,
      reprovisionAttempts: 1,
      dryRun: true,
      notifyOnHealthy: true,
      healManagementAccount: false,
      alertEmails: ['oncall@example.com', 'security@example.com'],
      excludedAccountIds: ['111122223333'],
      logLevel: 'DEBUG',
      slackWorkspaceId: 'T0123ABCDEF',
      slackChannelId: 'C0123ABCDEF',
    });
  });

  it.each([
    { case: 'a JSON array as text', raw: '["111122223333","444455556666"]' },
    { case: 'a JSON array', raw: ['111122223333', '444455556666'] },
    { case: 'comma-separated text', raw: '111122223333,444455556666' },
  ])('reads a list given as $case', ({ raw }) => {
    // Act
    const config = readContext({
      instanceArn: INSTANCE_ARN,
      excludedAccountIds: raw,
    });

    // Assess
    expect(config.excludedAccountIds).toEqual(['111122223333', '444455556666']);
  });

  it('reads an empty text as an empty list', () => {
    // Act
    const config = readContext({ instanceArn: INSTANCE_ARN, alertEmails: '' });

    // Assess
    expect(config.alertEmails).toEqual([]);
  });

  it.each([
    {
      case: 'a missing instanceArn',
      context: { instanceArn: undefined },
      message:
        /instanceArn: expected the ARN .* received nothing\. Find it with "aws sso-admin list-instances"/,
    },
    {
      case: 'a malformed instanceArn',
      context: { instanceArn: 'ssoins-0123456789abcdef' },
      message: /instanceArn: .*received "ssoins-0123456789abcdef"/,
    },
    {
      case: 'a permission set ARN as instanceArn',
      context: {
        instanceArn:
          'arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef',
      },
      message: /instanceArn/,
    },
    {
      case: 'a malformed identityStoreId',
      context: { identityStoreId: 'store-1' },
      message: /identityStoreId: expected an identity store id/,
    },
    {
      case: 'a propagation wait past an hour',
      context: { propagationWaitSeconds: '3601' },
      message:
        /propagationWaitSeconds: expected an integer from 0 to 3600, received "3601"/,
    },
    {
      case: 'a negative propagation wait',
      context: { propagationWaitSeconds: -1 },
      message: /propagationWaitSeconds: .*received -1/,
    },
    {
      case: 'a recheck wait that is not a number',
      context: { recheckWaitSeconds: 'soon' },
      message: /recheckWaitSeconds: expected an integer .*received "soon"/,
    },
    {
      case: 'too many rechecks',
      context: { pendingRechecks: '21' },
      message: /pendingRechecks: expected an integer from 0 to 20/,
    },
    {
      case: 'a poll interval of zero',
      context: { provisioningPollSeconds: '0' },
      message: /provisioningPollSeconds: expected an integer from 1 to 300/,
    },
    {
      case: 'a fractional poll limit',
      context: { provisioningPollLimit: '2.5' },
      message: /provisioningPollLimit: expected an integer/,
    },
    {
      case: 'too many re-provisioning attempts',
      context: { reprovisionAttempts: 6 },
      message:
        /reprovisionAttempts: expected an integer from 0 to 5, received 6/,
    },
    {
      case: 'a dry run flag that is not a boolean',
      context: { dryRun: 'maybe' },
      message: /dryRun: expected true or false, received "maybe"/,
    },
    {
      case: 'an invalid email address',
      context: { alertEmails: 'oncall@example.com,not-an-address' },
      message:
        /alertEmails: expected a list of email addresses.*received "not-an-address"/,
    },
    {
      case: 'a list that is not a list',
      context: { alertEmails: '{"to":"a@example.com"}' },
      message: /alertEmails: expected a list/,
    },
    {
      case: 'an account id of 11 digits',
      context: { excludedAccountIds: '11112222333' },
      message:
        /excludedAccountIds: expected a list of AWS account ids of 12 digits, received "11112222333"/,
    },
    {
      case: 'an unknown log level',
      context: { logLevel: 'VERBOSE' },
      message: /logLevel: expected one of DEBUG, INFO, WARN, ERROR, SILENT/,
    },
    {
      case: 'a Slack workspace without a channel',
      context: { slackWorkspaceId: 'T0123ABCDEF' },
      message:
        /slackChannelId: expected slackWorkspaceId and slackChannelId together/,
    },
    {
      case: 'a Slack channel without a workspace',
      context: { slackChannelId: 'C0123ABCDEF' },
      message:
        /slackWorkspaceId: expected slackWorkspaceId and slackChannelId together/,
    },
    {
      case: 'a malformed Slack channel id',
      context: {
        slackWorkspaceId: 'T0123ABCDEF',
        slackChannelId: '#alerts',
      },
      message: /slackChannelId: expected a Slack channel id/,
    },
  ])('throws for $case', ({ context, message }) => {
    // Act & Assess
    expect(() =>
      readContext({ instanceArn: INSTANCE_ARN, ...context }),
    ).toThrow(message);
  });

  it('names every invalid setting in one error', () => {
    // Prepare
    const context = { pendingRechecks: '99', dryRun: 'yes' };

    // Act
    let caught: unknown;
    try {
      readContext(context);
    } catch (error) {
      caught = error;
    }

    // Assess
    expect(caught).toBeInstanceOf(HealerConfigError);
    expect(
      (caught as HealerConfigError).problems.map((p) => p.setting),
    ).toEqual(['instanceArn', 'pendingRechecks', 'dryRun']);
  });

  it('tells how to set a setting on the command line', () => {
    // Act & Assess
    expect(() =>
      readContext({ instanceArn: INSTANCE_ARN, pendingRechecks: 'x' }),
    ).toThrow(
      'Set "pendingRechecks" in the "context" of cdk.json, or pass -c pendingRechecks=3.',
    );
  });
});

describe('resolveHealerConfig', () => {
  it('fills in the defaults of props given in code', () => {
    // Act
    const config = resolveHealerConfig({
      instanceArn: INSTANCE_ARN,
      dryRun: true,
    });

    // Assess
    expect(config.dryRun).toBe(true);
    expect(config.propagationWaitSeconds).toBe(180);
    expect(config.logLevel).toBe('INFO');
  });

  it('throws for invalid props given in code', () => {
    // Act & Assess
    expect(() =>
      resolveHealerConfig({
        instanceArn: INSTANCE_ARN,
        reprovisionAttempts: 10,
      }),
    ).toThrow(/reprovisionAttempts: expected an integer from 0 to 5/);
  });
});
