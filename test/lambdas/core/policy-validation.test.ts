import {
  AccessAnalyzerClient,
  ThrottlingException as AnalyzerThrottlingException,
  ValidatePolicyCommand,
  ValidationException,
} from '@aws-sdk/client-accessanalyzer';
import {
  AccessDeniedException,
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  InternalServerException,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ResourceNotFoundException,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { resetClients } from '../../../lambdas/core/clients';
import { validatePolicies } from '../../../lambdas/core/policy-validation';
import {
  FAILURE_REASONS,
  INSTANCE_ARN,
  PERMISSION_SET_ARN,
} from '../report/fixtures';
import { aFinding } from './analyzer-findings';

const ssoAdmin = mockClient(SSOAdminClient);
const analyzer = mockClient(AccessAnalyzerClient);

const metadata = { $metadata: {} };
const ids = { instanceArn: INSTANCE_ARN, permissionSetArn: PERMISSION_SET_ARN };
const INLINE_POLICY =
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", ' +
  '"Action": "s3:GetObjet", "Resource": "*"}\n  ]\n}';

/** A permission set with every kind of policy, answered in one page. */
const givenPermissionSet = (inlinePolicy = INLINE_POLICY): void => {
  ssoAdmin.on(DescribePermissionSetCommand).resolves({
    PermissionSet: { Name: 'AdministratorAccess' },
  });
  ssoAdmin
    .on(GetInlinePolicyForPermissionSetCommand)
    .resolves({ InlinePolicy: inlinePolicy });
  ssoAdmin.on(ListManagedPoliciesInPermissionSetCommand).resolves({
    AttachedManagedPolicies: [
      { Name: 'ReadOnlyAccess', Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    ],
  });
  ssoAdmin
    .on(ListCustomerManagedPolicyReferencesInPermissionSetCommand)
    .resolves({
      CustomerManagedPolicyReferences: [
        { Name: 'DevBoundary', Path: '/' },
        { Name: 'TeamAccess', Path: '/team/' },
      ],
    });
  ssoAdmin.on(GetPermissionsBoundaryForPermissionSetCommand).resolves({
    PermissionsBoundary: {
      CustomerManagedPolicyReference: { Name: 'OrgBoundary', Path: '/org/' },
    },
  });
  analyzer.on(ValidatePolicyCommand).resolves({ findings: [] });
};

describe('validatePolicies', () => {
  afterEach(() => {
    ssoAdmin.reset();
    analyzer.reset();
    resetClients();
  });

  it('lists every policy and validates the inline one', async () => {
    // Prepare
    givenPermissionSet();
    analyzer
      .on(ValidatePolicyCommand)
      .resolves({ findings: [aFinding('INVALID_ACTION')] });

    // Act
    const validation = await validatePolicies({
      request: ids,
      failureReasons: [],
    });

    // Assess
    expect(validation).toEqual({
      inlinePolicy: {
        characters: INLINE_POLICY.length,
        nonWhitespaceBytes: INLINE_POLICY.replace(/\s/g, '').length,
      },
      managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      customerManagedPolicies: [
        { name: 'DevBoundary', path: '/' },
        { name: 'TeamAccess', path: '/team/' },
      ],
      permissionsBoundary: {
        customerManagedPolicy: { name: 'OrgBoundary', path: '/org/' },
      },
      findings: [expect.objectContaining({ code: 'INVALID_ACTION' })],
    });
    expect(analyzer).toHaveReceivedCommandWith(ValidatePolicyCommand, {
      policyDocument: INLINE_POLICY,
      policyType: 'IDENTITY_POLICY',
    });
  });

  it('reads every page of Access Analyzer findings', async () => {
    // Prepare
    givenPermissionSet();
    analyzer
      .on(ValidatePolicyCommand)
      .resolvesOnce({ findings: [aFinding('FIRST')], nextToken: 'page-2' })
      .resolvesOnce({ findings: [aFinding('SECOND', 'WARNING')] });

    // Act
    const validation = await validatePolicies({
      request: ids,
      failureReasons: [],
    });

    // Assess
    expect(validation.findings.map((finding) => finding.code)).toEqual([
      'FIRST',
      'SECOND',
    ]);
    expect(analyzer).toHaveReceivedCommandTimes(ValidatePolicyCommand, 2);
    expect(analyzer).toHaveReceivedNthCommandWith(2, ValidatePolicyCommand, {
      nextToken: 'page-2',
    });
  });

  it('reads every page of managed policies', async () => {
    // Prepare
    givenPermissionSet();
    ssoAdmin
      .on(ListManagedPoliciesInPermissionSetCommand)
      .resolvesOnce({
        AttachedManagedPolicies: [
          { Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
        ],
        NextToken: 'next',
      })
      .resolvesOnce({
        AttachedManagedPolicies: [
          { Arn: 'arn:aws:iam::444455556666:policy/NotAwsManaged' },
        ],
      });

    // Act
    const validation = await validatePolicies({
      request: ids,
      failureReasons: [],
    });

    // Assess
    expect(validation.managedPolicyArns).toEqual([
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:iam::444455556666:policy/NotAwsManaged',
    ]);
    expect(validation.findings).toEqual([
      expect.objectContaining({
        subject: 'MANAGED_POLICY',
        code: 'NOT_AN_AWS_MANAGED_POLICY',
        message: expect.stringContaining('NotAwsManaged'),
      }),
    ]);
  });

  it('treats an empty inline policy as none', async () => {
    // Prepare
    givenPermissionSet('');

    // Act
    const validation = await validatePolicies({
      request: ids,
      failureReasons: [],
    });

    // Assess
    expect(validation.inlinePolicy).toBeUndefined();
    expect(analyzer).not.toHaveReceivedCommand(ValidatePolicyCommand);
  });

  it('skips Access Analyzer when the policy is not JSON', async () => {
    // Prepare
    givenPermissionSet('{"Version": "2012-10-17",}');

    // Act
    const validation = await validatePolicies({
      request: ids,
      failureReasons: [],
    });

    // Assess
    expect(validation.findings).toEqual([
      expect.objectContaining({
        code: 'INVALID_JSON',
        location: { line: 1, column: 26 },
      }),
    ]);
    expect(analyzer).not.toHaveReceivedCommand(ValidatePolicyCommand);
  });

  it('turns a Not supported policy reason into a finding', async () => {
    // Prepare
    givenPermissionSet();

    // Act
    const validation = await validatePolicies({
      request: ids,
      failureReasons: [FAILURE_REASONS.notSupportedPolicy],
    });

    // Assess
    expect(validation.findings[0]).toEqual(
      expect.objectContaining({
        subject: 'CUSTOMER_MANAGED_POLICY',
        code: 'CUSTOMER_MANAGED_POLICY_MISSING',
      }),
    );
  });

  it('reads "not found" for the boundary as no boundary', async () => {
    // Prepare
    givenPermissionSet();
    ssoAdmin.on(GetPermissionsBoundaryForPermissionSetCommand).rejects(
      new ResourceNotFoundException({
        message: 'Could not find PermissionsBoundary',
        ...metadata,
      }),
    );

    // Act
    const validation = await validatePolicies({
      request: ids,
      failureReasons: [],
    });

    // Assess
    expect(validation.permissionsBoundary).toBeUndefined();
    expect(validation.incomplete).toBeUndefined();
  });

  it('keeps what it gathered when Access Analyzer throttles', async () => {
    // Prepare
    givenPermissionSet();
    analyzer.on(ValidatePolicyCommand).rejects(
      new AnalyzerThrottlingException({
        message: 'Rate exceeded',
        ...metadata,
      }),
    );

    // Act
    const validation = await validatePolicies({
      request: ids,
      failureReasons: [],
    });

    // Assess
    expect(validation.incomplete).toBe(
      'IAM Access Analyzer ValidatePolicy: ThrottlingException: Rate exceeded',
    );
    expect(validation.inlinePolicy).toBeDefined();
    expect(validation.customerManagedPolicies).toHaveLength(2);
  });

  it('keeps going when Access Analyzer refuses the document', async () => {
    // Prepare
    givenPermissionSet();
    analyzer.on(ValidatePolicyCommand).rejects(
      new ValidationException({
        message: 'Policy document too large',
        reason: 'other',
        ...metadata,
      }),
    );

    // Act
    const validation = await validatePolicies({
      request: ids,
      failureReasons: [],
    });

    // Assess
    expect(validation.incomplete).toMatch(/ValidationException/);
    expect(validation.managedPolicyArns).toHaveLength(1);
  });

  it('notes each call that was denied and goes on', async () => {
    // Prepare
    givenPermissionSet();
    ssoAdmin
      .on(ListManagedPoliciesInPermissionSetCommand)
      .rejects(
        new AccessDeniedException({ message: 'Not allowed', ...metadata }),
      );

    // Act
    const validation = await validatePolicies({
      request: ids,
      failureReasons: [],
    });

    // Assess
    expect(validation.incomplete).toBe(
      'managed policies: AccessDeniedException: Not allowed',
    );
    expect(validation.managedPolicyArns).toEqual([]);
    expect(validation.customerManagedPolicies).toHaveLength(2);
    expect(validation.permissionsBoundary).toBeDefined();
  });

  it('stops early when the permission set is gone', async () => {
    // Prepare
    ssoAdmin.on(DescribePermissionSetCommand).rejects(
      new ResourceNotFoundException({
        message: 'PermissionSet not found',
        ...metadata,
      }),
    );

    // Act
    const validation = await validatePolicies({
      request: ids,
      failureReasons: [],
    });

    // Assess
    expect(validation).toEqual({
      managedPolicyArns: [],
      customerManagedPolicies: [],
      findings: [],
      incomplete: expect.stringContaining('no longer exists'),
    });
    expect(ssoAdmin).toHaveReceivedCommandTimes(
      DescribePermissionSetCommand,
      1,
    );
    expect(ssoAdmin).not.toHaveReceivedCommand(
      GetInlinePolicyForPermissionSetCommand,
    );
  });

  it('lets any other AWS error fail the step', async () => {
    // Prepare
    givenPermissionSet();
    ssoAdmin
      .on(GetInlinePolicyForPermissionSetCommand)
      .rejects(
        new InternalServerException({ message: 'Internal', ...metadata }),
      );

    // Act & Assess
    await expect(
      validatePolicies({ request: ids, failureReasons: [] }),
    ).rejects.toThrow(InternalServerException);
  });
});
