import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  CreateAccountAssignmentCommand,
  DeleteAccountAssignmentCommand,
  ProvisionPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import { resetClients } from '../../lambdas/core/clients';

/**
 * The mocked SDK clients of an integration suite, the faults a test
 * injects into them, and what the functions sent through them.
 */

/** Makes the mocks of every client the functions use. */
export const mockAwsClients = () => ({
  ssoAdmin: mockClient(SSOAdminClient),
  organizations: mockClient(OrganizationsClient),
  identityStore: mockClient(IdentitystoreClient),
  accessAnalyzer: mockClient(AccessAnalyzerClient),
  sns: mockClient(SNSClient),
});

export type AwsMocks = ReturnType<typeof mockAwsClients>;

/** Forgets every mocked behaviour and call, and the cached clients. */
export const resetAwsMocks = (mocks: AwsMocks): void => {
  for (const mock of Object.values(mocks)) {
    mock.reset();
  }
  resetClients();
};

/** The name of every command the functions sent, through any client. */
export const commandsSent = (mocks: AwsMocks): string[] =>
  Object.values(mocks).flatMap((mock) =>
    mock.calls().map((call) => (call.args[0] as object).constructor.name),
  );

/** Any SDK command class, to match calls by. */
export type CommandClass = abstract new (...args: never[]) => unknown;

/** A command whose first `times` calls reject with `error`. */
export interface Fault {
  readonly command: CommandClass;
  readonly error: Error;
  /** @default 1 */
  readonly times?: number;
}

/** A fault that never clears: every call of `command` rejects. */
export const failsEveryCall = (command: CommandClass, error: Error): Fault => ({
  command,
  error,
  times: Number.POSITIVE_INFINITY,
});

/** Counts down the faults of a world, call by call. */
export const faultInjector = (faults: readonly Fault[] = []) => {
  const left = faults.map((fault) => ({ ...fault, left: fault.times ?? 1 }));

  return <I, O>(command: CommandClass, answer: (input: I) => O) =>
    async (input: I): Promise<O> => {
      const fault = left.find((f) => f.command === command && f.left > 0);
      if (fault) {
        fault.left -= 1;
        throw fault.error;
      }

      return answer(input);
    };
};

/** The answer of a mocked command, or the fault injected in its place. */
export type Faulted = ReturnType<typeof faultInjector>;

/** The writes sent: the only two the healer may make, and a deletion. */
export const writesSent = (mocks: AwsMocks): number =>
  mocks.ssoAdmin.commandCalls(ProvisionPermissionSetCommand).length +
  mocks.ssoAdmin.commandCalls(CreateAccountAssignmentCommand).length +
  mocks.ssoAdmin.commandCalls(DeleteAccountAssignmentCommand).length;

/** The one report that the functions published, read back. */
export interface PublishedReport {
  readonly topicArn?: string;
  readonly subject?: string;
  readonly messageStructure?: string;
  /** Every protocol's value, as SNS receives them: strings. */
  readonly message: Record<string, unknown>;
  readonly email: string;
  /** The Amazon Q Developer custom notification. */
  readonly chat: {
    readonly version: string;
    readonly source: string;
    readonly content: { readonly title: string; readonly description: string };
  };
}

/**
 * The parameters of the only SNS Publish made.
 *
 * @throws Error when there was not exactly one.
 */
export const publishedReport = (mocks: AwsMocks): PublishedReport => {
  const calls = mocks.sns.commandCalls(PublishCommand);
  const [call] = calls;
  if (calls.length !== 1 || !call) {
    throw new Error(`Expected one SNS Publish, found ${calls.length}.`);
  }

  const input = call.args[0].input;
  const message = JSON.parse(input.Message ?? '') as Record<string, unknown>;

  return {
    topicArn: input.TopicArn,
    subject: input.Subject,
    messageStructure: input.MessageStructure,
    message,
    email: String(message.email),
    chat: JSON.parse(String(message.https)),
  };
};
