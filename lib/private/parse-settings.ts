import type { HealerConfig, HealerLogLevel, HealerProps } from '../config';
import { type ConfigProblem, HealerConfigError } from '../errors';
import {
  type Parsed,
  parseBoolean,
  parseInteger,
  parsePattern,
  parseStringList,
} from './context-values';
import {
  HEALER_DEFAULTS,
  INTEGER_RANGES,
  LOG_LEVELS,
} from './setting-defaults';

type IntegerSetting = keyof typeof INTEGER_RANGES;

// Patterns from the SSO Admin API model, anchored.
const INSTANCE_ARN =
  /^arn:aws(-[a-z]{1,5}){0,3}:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/;
const IDENTITY_STORE_ID =
  /^(d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const EMAIL =
  /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const ACCOUNT_ID = /^\d{12}$/;
const SLACK_WORKSPACE_ID = /^[0-9A-Z]{1,255}$/;
const SLACK_CHANNEL_ID = /^[A-Za-z0-9]{1,255}$/;

const INSTANCE_ARN_FIX =
  'Find it with "aws sso-admin list-instances" (run in the Region and ' +
  'account of the instance), then pass -c instanceArn=<InstanceArn> or ' +
  'set "instanceArn" in the "context" of cdk.json.';

/**
 * Reads every setting through `read`, checks it and fills in its default.
 * Throws one {@link HealerConfigError} that lists every problem found.
 */
export const parseHealerSettings = (
  read: (setting: keyof HealerProps) => unknown,
): HealerConfig => {
  const problems: ConfigProblem[] = [];
  const take = <T>(parsed: Parsed<T>, fallback: T): T => {
    if (parsed.ok) {
      return parsed.value;
    }
    problems.push(parsed.problem);

    return fallback;
  };
  const optional = <T>(
    setting: keyof HealerProps,
    parse: (raw: unknown) => Parsed<T>,
    fallback: T,
  ): T => {
    const raw = read(setting);

    return raw === undefined || raw === null
      ? fallback
      : take(parse(raw), fallback);
  };
  const integer = (setting: IntegerSetting): number =>
    optional(
      setting,
      (raw) =>
        parseInteger(
          setting,
          raw,
          INTEGER_RANGES[setting],
          String(HEALER_DEFAULTS[setting]),
        ),
      HEALER_DEFAULTS[setting],
    );
  const flag = (
    setting: 'dryRun' | 'notifyOnHealthy' | 'healManagementAccount',
  ) =>
    optional(
      setting,
      (raw) => parseBoolean(setting, raw),
      HEALER_DEFAULTS[setting],
    );

  const instanceArn = readInstanceArn(read('instanceArn'), problems);
  const identityStoreId = optional<string | undefined>(
    'identityStoreId',
    (raw) =>
      parsePattern(
        'identityStoreId',
        raw,
        IDENTITY_STORE_ID,
        'an identity store id such as d-1234567890 (IdentityStoreId in "aws sso-admin list-instances")',
        'd-1234567890',
      ),
    undefined,
  );

  const config: HealerConfig = {
    instanceArn,
    identityStoreId,
    propagationWaitSeconds: integer('propagationWaitSeconds'),
    recheckWaitSeconds: integer('recheckWaitSeconds'),
    pendingRechecks: integer('pendingRechecks'),
    provisioningPollSeconds: integer('provisioningPollSeconds'),
    provisioningPollLimit: integer('provisioningPollLimit'),
    reprovisionAttempts: integer('reprovisionAttempts'),
    dryRun: flag('dryRun'),
    notifyOnHealthy: flag('notifyOnHealthy'),
    healManagementAccount: flag('healManagementAccount'),
    alertEmails: readList(
      read,
      problems,
      'alertEmails',
      EMAIL,
      'email addresses such as oncall@example.com',
      'oncall@example.com,security@example.com',
    ),
    excludedAccountIds: readList(
      read,
      problems,
      'excludedAccountIds',
      ACCOUNT_ID,
      'AWS account ids of 12 digits',
      '111122223333,444455556666',
    ),
    logLevel: optional(
      'logLevel',
      (raw) =>
        parsePattern(
          'logLevel',
          typeof raw === 'string' ? raw.toUpperCase() : raw,
          new RegExp(`^(${LOG_LEVELS.join('|')})$`),
          `one of ${LOG_LEVELS.join(', ')}`,
          'INFO',
        ) as Parsed<HealerLogLevel>,
      HEALER_DEFAULTS.logLevel,
    ),
    ...readSlack(read, problems),
  };

  if (problems.length > 0) {
    throw new HealerConfigError(problems);
  }

  return config;
};

const readInstanceArn = (raw: unknown, problems: ConfigProblem[]): string => {
  const expected =
    'the ARN of your IAM Identity Center instance, like ' +
    'arn:aws:sso:::instance/ssoins-0123456789abcdef';
  const received =
    raw === undefined || raw === '' ? 'nothing' : JSON.stringify(raw);

  if (typeof raw === 'string' && INSTANCE_ARN.test(raw.trim())) {
    return raw.trim();
  }
  problems.push({
    setting: 'instanceArn',
    expected,
    received,
    fix: INSTANCE_ARN_FIX,
  });

  return '';
};

const readList = (
  read: (setting: keyof HealerProps) => unknown,
  problems: ConfigProblem[],
  setting: 'alertEmails' | 'excludedAccountIds',
  pattern: RegExp,
  what: string,
  example: string,
): readonly string[] => {
  const raw = read(setting);
  if (raw === undefined || raw === null) {
    return HEALER_DEFAULTS[setting];
  }

  const parsed = parseStringList(setting, raw, example);
  if (!parsed.ok) {
    problems.push(parsed.problem);

    return [];
  }

  const invalid = parsed.value.filter((item) => !pattern.test(item));
  if (invalid.length > 0) {
    problems.push({
      setting,
      expected: `a list of ${what}`,
      received: invalid.map((item) => JSON.stringify(item)).join(', '),
      fix: `Correct or remove those items; for example -c ${setting}=${example}.`,
    });
  }

  return [...new Set(parsed.value)];
};

const readSlack = (
  read: (setting: keyof HealerProps) => unknown,
  problems: ConfigProblem[],
): Pick<HealerConfig, 'slackWorkspaceId' | 'slackChannelId'> => {
  const workspace = read('slackWorkspaceId');
  const channel = read('slackChannelId');
  const given = (value: unknown) =>
    value !== undefined && value !== null && value !== '';

  if (!given(workspace) && !given(channel)) {
    return {};
  }
  if (given(workspace) !== given(channel)) {
    const missing = given(workspace) ? 'slackChannelId' : 'slackWorkspaceId';
    problems.push({
      setting: missing,
      expected:
        'slackWorkspaceId and slackChannelId together (both, or neither)',
      received: 'nothing',
      fix:
        `Set ${missing} too (the workspace id is shown in the console of ` +
        'Amazon Q Developer in chat applications; the channel id at the ' +
        'bottom of the channel details in Slack), or remove the other one.',
    });

    return {};
  }

  const workspaceId = parsePattern(
    'slackWorkspaceId',
    workspace,
    SLACK_WORKSPACE_ID,
    'a Slack workspace (team) id such as T0123ABCDEF',
    'T0123ABCDEF',
  );
  const channelId = parsePattern(
    'slackChannelId',
    channel,
    SLACK_CHANNEL_ID,
    'a Slack channel id such as C0123ABCDEF',
    'C0123ABCDEF',
  );
  for (const parsed of [workspaceId, channelId]) {
    if (!parsed.ok) {
      problems.push(parsed.problem);
    }
  }

  return workspaceId.ok && channelId.ok
    ? { slackWorkspaceId: workspaceId.value, slackChannelId: channelId.value }
    : {};
};
