import { classify } from '../../../../lambdas/core/classify';
import {
  MAX_MESSAGE_BYTES,
  type RenderedMessage,
  renderMessage,
} from '../../../../lambdas/core/render/message';
import { buildReportModel } from '../../../../lambdas/core/render/model';
import type {
  PolicyFinding,
  WorkflowState,
} from '../../../../lambdas/core/types';
import {
  anAction,
  aState,
  aValidation,
  aVerdict,
  CREATION_REQUEST_ID,
  EXECUTION_ARN,
  FAILURE_REASONS,
  PERMISSION_SET_ARN,
  PROVISION_REQUEST_ID,
  RECREATE_REQUEST_ID,
} from '../../report/fixtures';

const render = (state: WorkflowState, dryRun = false): RenderedMessage =>
  renderMessage(
    buildReportModel(state, classify(state, { dryRun }), {
      region: 'eu-west-1',
      dryRun,
    }),
  );

const chatOf = (rendered: RenderedMessage) =>
  JSON.parse(JSON.parse(rendered.message).https);

const needsAttention = (): WorkflowState =>
  aState({
    verdict: aVerdict('CREATION_FAILED', {
      creation: {
        requestId: CREATION_REQUEST_ID,
        status: 'FAILED',
        failureReason: FAILURE_REASONS.notSupportedPolicy,
      },
      provisioned: false,
    }),
    counters: { checks: 1, waits: 0, reprovisions: 1 },
    pending: {
      kind: 'PROVISIONING',
      requestId: PROVISION_REQUEST_ID,
      status: 'FAILED',
      failureReason: FAILURE_REASONS.notSupportedPolicy,
      polls: 2,
    },
    actions: [
      anAction({
        status: 'FAILED',
        failureReason: FAILURE_REASONS.notSupportedPolicy,
      }),
    ],
    validation: aValidation({
      customerManagedPolicies: [{ name: 'DevBoundary', path: '/' }],
      findings: [
        {
          subject: 'INLINE_POLICY',
          severity: 'WARNING',
          code: 'MISSING_VERSION',
          message: 'Add a Version element.',
          location: { line: 1, column: 1 },
        },
      ],
    }),
  });

const CONSOLE_LINK =
  'https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1' +
  `#/v2/executions/details/${EXECUTION_ARN}`;

describe('renderMessage', () => {
  it('builds a JSON message of strings for default, email, https', () => {
    // Act
    const rendered = render(needsAttention());

    // Assess
    const message = JSON.parse(rendered.message);
    expect(Object.keys(message)).toEqual(['default', 'email', 'https']);
    for (const value of Object.values(message)) {
      expect(typeof value).toBe('string');
    }

    expect(message.default).toBe(rendered.text);
    expect(message.email).toBe(rendered.text);
    expect(rendered.shortened).toBe(false);
  });

  it('fills in the custom notification schema for chat', () => {
    // Act
    const rendered = render(needsAttention());

    // Assess
    const chat = chatOf(rendered);
    expect(chat).toEqual({
      version: '1.0',
      source: 'custom',
      id: EXECUTION_ARN,
      content: {
        textType: 'client-markdown',
        title: '⚠️ Needs attention: Customer managed policy missing',
        description: expect.stringContaining(CONSOLE_LINK),
        nextSteps: expect.arrayContaining([
          expect.stringContaining('aws iam create-policy'),
        ]),
        keywords: [
          'NEEDS_ATTENTION',
          'CUSTOMER_MANAGED_POLICY_MISSING',
          '444455556666',
          'AdministratorAccess',
        ],
      },
      metadata: {
        threadId: 'assignment-healer/444455556666/ps-ae5d1fa1f80b684e',
        summary: rendered.subject,
        eventType: 'AssignmentHealer.NEEDS_ATTENTION',
        relatedResources: [PERMISSION_SET_ARN, EXECUTION_ARN],
        additionalContext: expect.objectContaining({
          outcome: 'NEEDS_ATTENTION',
          cause: 'CUSTOMER_MANAGED_POLICY_MISSING',
          accountId: '444455556666',
        }),
      },
    });
    for (const value of Object.values(chat.metadata.additionalContext)) {
      expect(typeof value).toBe('string');
    }

    for (const step of chat.content.nextSteps) {
      expect(typeof step).toBe('string');
    }
  });

  it('shows the evidence, the actions and the console link', () => {
    // Act
    const { text } = render(needsAttention());

    // Assess
    expect(text).toContain('NEEDS ATTENTION: Customer managed policy missing');
    expect(text).toContain('Account:        Dev (444455556666)');
    expect(text).toContain(PERMISSION_SET_ARN);
    expect(text).toContain(
      'Requested by:   jane.doe@example.com at 2023-04-25T19:24:49Z',
    );
    expect(text).toContain('FailureReason, verbatim from AWS:');
    expect(text).toContain('Received a 404 status error: Not supported policy');
    expect(text).toContain(
      '1. ProvisionPermissionSet at 2023-04-25T19:28:02Z: FAILED',
    );
    expect(text).toContain(`Request id: ${PROVISION_REQUEST_ID}`);
    expect(text).toContain('In the inline policy, line 1, column 1:');
    expect(text).toContain(CONSOLE_LINK);
  });

  it('keeps prose within 72 columns', () => {
    // Act
    const { text } = render(needsAttention());

    // Assess
    const long = text
      .split('\n')
      .filter((line) => line.length > 72)
      .map((line) => line.trim())
      .filter((line) => /\s/.test(line) && !/^(--|aws |More: )/.test(line));
    expect(long).toEqual([]);
  });

  it('lists every action with its request id', () => {
    // Prepare
    const state = aState({
      actions: [
        anAction(),
        anAction({
          operation: 'CreateAccountAssignment',
          requestId: RECREATE_REQUEST_ID,
        }),
      ],
    });

    // Act
    const rendered = render(state);

    // Assess
    expect(rendered.text).toMatch(
      new RegExp(
        `1\\. ProvisionPermissionSet .*: SUCCEEDED\\n\\s+Request id: ${PROVISION_REQUEST_ID}`,
      ),
    );
    expect(rendered.text).toMatch(
      new RegExp(
        `2\\. CreateAccountAssignment .*: SUCCEEDED\\n\\s+Request id: ${RECREATE_REQUEST_ID}`,
      ),
    );
    expect(chatOf(rendered).content.description).toContain(
      `request \`${RECREATE_REQUEST_ID}\``,
    );
  });

  it('tells people to sign in again after a heal', () => {
    // Act
    const { text, message } = render(aState({ actions: [anAction()] }));

    // Assess
    expect(text).toMatch(/^HEALED: Permission set not provisioned/);
    expect(text.replace(/\s+/g, ' ')).toContain(
      'sign out of the AWS access portal, clear the browser cookies for ' +
        'awsapps.com, and sign in again',
    );
    expect(JSON.parse(JSON.parse(message).https).content.title).toBe(
      '🩹 Healed: Permission set not provisioned',
    );
  });

  it('writes "would have" lines in dry run', () => {
    // Prepare
    const state = aState({
      verdict: aVerdict('CREATION_FAILED'),
      counters: { checks: 1, waits: 0, reprovisions: 1 },
      pending: { kind: 'PROVISIONING', status: 'SKIPPED', polls: 0 },
      actions: [
        anAction({ dryRun: true, status: 'SKIPPED', requestId: undefined }),
        anAction({
          operation: 'CreateAccountAssignment',
          dryRun: true,
          status: 'SKIPPED',
          requestId: undefined,
        }),
      ],
    });

    // Act
    const { text } = render(state, true);

    // Assess
    expect(text).toContain(
      '1. Would have called ProvisionPermissionSet (dry run: no write made)',
    );
    expect(text).toContain(
      '2. Would have called CreateAccountAssignment (dry run: no write made)',
    );
    expect(text).toContain('Dry run: on (no writes were made)');
    expect(text).toContain('Dry run is on, so the healer made no write.');
  });

  it('lists every field problem and a valid example input', () => {
    // Prepare
    const state = aState({
      request: undefined,
      verdict: undefined,
      problems: [
        { field: 'accountId', message: 'Expected 12 digits, received "12".' },
        {
          field: 'principalId',
          message: 'Required when principalType is given.',
        },
      ],
    });

    // Act
    const { text } = render(state);

    // Assess
    expect(text).toMatch(
      /1\. accountId\n\s+Expected 12 digits, received "12"\./,
    );
    expect(text).toMatch(/2\. principalId\n\s+Required when principalType/);
    const example = text
      .split('EXAMPLE OF A VALID MANUAL INPUT\n')[1]
      ?.split('\n  }')[0];
    expect(JSON.parse(`${example}\n}`)).toEqual({
      accountId: '444455556666',
      permissionSetArn: expect.stringMatching(/^arn:aws:sso:::permissionSet\//),
      principalType: 'USER',
      principalId: expect.any(String),
    });
    expect(text).not.toContain('ACTIONS TAKEN');
  });

  it('stays under 256 KB with thousands of findings', () => {
    // Prepare
    const findings: PolicyFinding[] = Array.from({ length: 5_000 }, (_, i) => ({
      subject: 'INLINE_POLICY',
      severity: 'WARNING',
      code: `FINDING_${i}`,
      message: `Finding ${i}: ${'x'.repeat(200)}`,
      location: { line: i + 1, column: 1 },
    }));
    const state = aState({
      ...needsAttention(),
      validation: aValidation({ findings }),
    });

    // Act
    const rendered = render(state);

    // Assess
    expect(Buffer.byteLength(rendered.message, 'utf8')).toBeLessThanOrEqual(
      MAX_MESSAGE_BYTES,
    );
    expect(rendered.shortened).toBe(true);
    expect(rendered.text).toMatch(/\.\.\. and [\d,]+ more, left out/);
    expect(rendered.text).toContain(CONSOLE_LINK);
  });

  it('cuts even an enormous error cause to fit', () => {
    // Prepare
    const state = aState({
      failure: { Error: 'States.TaskFailed', Cause: '\u0001é'.repeat(200_000) },
      problems: Array.from({ length: 400 }, (_, i) => ({
        field: `field${i}`,
        message: `Problem ${i} ${'y'.repeat(1_000)}`,
      })),
    });

    // Act
    const rendered = render(state);

    // Assess
    expect(Buffer.byteLength(rendered.message, 'utf8')).toBeLessThanOrEqual(
      MAX_MESSAGE_BYTES,
    );
    expect(rendered.shortened).toBe(true);
    expect(rendered.text).toMatch(/Report cut to fit the 256 KB limit of SNS/);
    expect(() => JSON.parse(rendered.message)).not.toThrow();
  });
});
