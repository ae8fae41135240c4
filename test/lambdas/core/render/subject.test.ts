import { classify } from '../../../../lambdas/core/classify';
import { buildReportModel } from '../../../../lambdas/core/render/model';
import {
  MAX_SUBJECT_LENGTH,
  subjectOf,
} from '../../../../lambdas/core/render/subject';
import type { WorkflowState } from '../../../../lambdas/core/types';
import {
  ACCOUNT_ID,
  aState,
  aVerdict,
  CREATION_REQUEST_ID,
  FAILURE_REASONS,
  PERMISSION_SET_ARN,
} from '../../report/fixtures';

const subjectFor = (state: WorkflowState): string =>
  subjectOf(
    buildReportModel(state, classify(state), {
      region: 'us-east-1',
      dryRun: false,
    }),
  );

const withNames = (account: string, permissionSet: string): WorkflowState =>
  aState({
    verdict: aVerdict('CREATION_FAILED', {
      creation: {
        requestId: CREATION_REQUEST_ID,
        status: 'FAILED',
        failureReason: FAILURE_REASONS.accessDenied,
      },
      account: { id: ACCOUNT_ID, name: account, state: 'ACTIVE' },
      permissionSet: { arn: PERMISSION_SET_ARN, name: permissionSet },
    }),
  });

describe('subjectOf', () => {
  it('names outcome, cause, account and permission set', () => {
    // Prepare
    const state = aState({
      verdict: aVerdict('CREATION_FAILED', {
        creation: {
          requestId: CREATION_REQUEST_ID,
          status: 'FAILED',
          failureReason: FAILURE_REASONS.notSupportedPolicy,
        },
      }),
    });

    // Act
    const subject = subjectFor(state);

    // Assess
    expect(subject).toBe(
      '[NEEDS_ATTENTION] CUSTOMER_MANAGED_POLICY_MISSING: Dev (444455556666) / AdministratorAccess',
    );
  });

  it.each([
    {
      case: 'a long account name',
      account: 'A'.repeat(50),
      permissionSet: 'Admin',
    },
    {
      case: 'a long permission set name',
      account: 'Dev',
      permissionSet: 'P'.repeat(32),
    },
    {
      case: 'two long names',
      account: 'A'.repeat(50),
      permissionSet: 'P'.repeat(32),
    },
  ])('stays under 100 characters with $case', ({ account, permissionSet }) => {
    // Act
    const subject = subjectFor(withNames(account, permissionSet));

    // Assess
    expect(subject.length).toBeLessThan(100);
    expect(subject.length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
    expect(subject).toMatch(
      /^\[NEEDS_ATTENTION\] MANAGEMENT_ACCOUNT_ACCESS_DENIED: .* \(444455556666\) \/ /,
    );
    expect(subject).toContain('...');
  });

  it('removes line breaks and control characters', () => {
    // Act
    const subject = subjectFor(withNames('Dev\r\nTeam\u0007', 'Admin'));

    // Assess
    expect(subject).toBe(
      '[NEEDS_ATTENTION] MANAGEMENT_ACCOUNT_ACCESS_DENIED: Dev Team (444455556666) / Admin',
    );
    expect(subject).not.toMatch(/[\r\n]/);
  });

  it('counts the problems of an invalid request', () => {
    // Prepare
    const state = aState({
      request: undefined,
      verdict: undefined,
      problems: [
        { field: 'accountId', message: 'Expected 12 digits.' },
        { field: 'permissionSetArn', message: 'Expected an ARN.' },
      ],
    });

    // Act
    const subject = subjectFor(state);

    // Assess
    expect(subject).toBe(
      '[INVALID_REQUEST] INVALID_INPUT: 2 problems in the input',
    );
  });

  it('falls back to the permission set id without a name', () => {
    // Prepare
    const state = aState({
      verdict: aVerdict('HEALTHY', {
        account: { id: ACCOUNT_ID },
        permissionSet: { arn: PERMISSION_SET_ARN },
      }),
    });

    // Act
    const subject = subjectFor(state);

    // Assess
    expect(subject).toBe('[HEALTHY] NONE: 444455556666 / ps-ae5d1fa1f80b684e');
  });
});
