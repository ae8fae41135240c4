import type { Template } from 'aws-cdk-lib/assertions';
import {
  MANAGEMENT_ACCOUNT_ROLE_ACTIONS,
  MANAGEMENT_ACCOUNT_SAML_ACTIONS,
} from '../../../lib/private/step-permissions';
import {
  actionsOfRole,
  roleOfStep,
  statementsOfRole,
  synthesizeStack,
} from '../fixtures/stack';

/** Actions that only let a function log and trace, given to every one. */
const isRuntimeAction = (action: string) =>
  action.startsWith('logs:') || action.startsWith('xray:');

const stepActions = (template: Template, step: string) =>
  actionsOfRole(template, roleOfStep(template, step)).filter(
    (action) => !isRuntimeAction(action),
  );

const EXPECTED: Record<string, string[]> = {
  'read-request': [],
  'check-provisioning': [
    'identitystore:DescribeGroup',
    'identitystore:DescribeUser',
    'identitystore:ListGroupMembershipsForMember',
    'organizations:DescribeAccount',
    'sso:DescribeAccountAssignmentCreationStatus',
    'sso:DescribePermissionSet',
    'sso:ListAccountAssignments',
    'sso:ListInstances',
    'sso:ListPermissionSetsProvisionedToAccount',
  ],
  reprovision: [
    'sso:CreateAccountAssignment',
    'sso:DescribeAccountAssignmentCreationStatus',
    'sso:DescribePermissionSetProvisioningStatus',
    'sso:ProvisionPermissionSet',
  ],
  'validate-policies': [
    'access-analyzer:ValidatePolicy',
    'sso:DescribePermissionSet',
    'sso:GetInlinePolicyForPermissionSet',
    'sso:GetPermissionsBoundaryForPermissionSet',
    'sso:ListCustomerManagedPolicyReferencesInPermissionSet',
    'sso:ListManagedPoliciesInPermissionSet',
  ],
  report: [
    'kms:Decrypt',
    'kms:GenerateDataKey*',
    'organizations:DescribeAccount',
    'sns:Publish',
    'sso:DescribePermissionSet',
  ],
};

/** A resource as JSON text, with the partition token made readable. */
const resourceText = (resource: unknown): string =>
  JSON.stringify(resource).replace(
    /\{"Ref":"AWS::Partition"\}/g,
    '"<Partition>"',
  );

describe('step permissions', () => {
  it.each(
    Object.entries(EXPECTED).map(([step, actions]) => ({
      case: step,
      step,
      actions,
    })),
  )('grants exactly what the step needs: $case', ({ step, actions }) => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    expect(stepActions(template, step)).toEqual(actions);
  });

  it('gives the write actions to the reprovision role only', () => {
    // Prepare
    const writes = [
      'sso:ProvisionPermissionSet',
      'sso:CreateAccountAssignment',
    ];

    // Act
    const { template } = synthesizeStack({ healManagementAccount: true });

    // Assess
    const reprovisionRole = roleOfStep(template, 'reprovision');
    const roles = template.findResources('AWS::IAM::Role');
    const holders = Object.keys(roles).filter((roleId) =>
      actionsOfRole(template, roleId).some((action) => writes.includes(action)),
    );
    expect(holders).toEqual([reprovisionRole]);
  });

  it('lets each function write only to its own log group', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    const statements = statementsOfRole(
      template,
      roleOfStep(template, 'read-request'),
    ).filter((s) => ([] as string[]).concat(s.Action).some(isRuntimeAction));
    const logs = statements.find((s) =>
      ([] as string[]).concat(s.Action).includes('logs:PutLogEvents'),
    );
    expect(logs?.Resource).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^ReadRequestLogs/), 'Arn'],
    });
  });

  it('scopes Identity Center resources to the configured instance', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    const statements = statementsOfRole(
      template,
      roleOfStep(template, 'reprovision'),
    );
    const write = statements.find((s) =>
      ([] as string[]).concat(s.Action).includes('sso:ProvisionPermissionSet'),
    );
    expect(resourceText(write?.Resource)).toBe(
      resourceText([
        {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':sso:::instance/ssoins-0123456789abcdef',
            ],
          ],
        },
        {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':sso:::permissionSet/ssoins-0123456789abcdef/*',
            ],
          ],
        },
        {
          'Fn::Join': [
            '',
            ['arn:', { Ref: 'AWS::Partition' }, ':sso:::account/*'],
          ],
        },
      ]),
    );
  });

  it('names the identity store when it is configured', () => {
    // Act
    const { template } = synthesizeStack({ identityStoreId: 'd-9067a1b2c3' });

    // Assess
    const statements = statementsOfRole(
      template,
      roleOfStep(template, 'check-provisioning'),
    );
    const identity = statements.find((s) =>
      ([] as string[]).concat(s.Action).includes('identitystore:DescribeUser'),
    );
    expect(resourceText(identity?.Resource)).toContain(
      ':identitystore::*:identitystore/d-9067a1b2c3',
    );
  });

  it('grants no IAM actions unless the management account is healed', () => {
    // Act
    const { template } = synthesizeStack();

    // Assess
    expect(
      stepActions(template, 'reprovision').filter((a) => a.startsWith('iam:')),
    ).toEqual([]);
  });

  it('grants the IAM actions Identity Center needs when asked', () => {
    // Act
    const { template } = synthesizeStack({ healManagementAccount: true });

    // Assess
    const statements = statementsOfRole(
      template,
      roleOfStep(template, 'reprovision'),
    );
    const roleStatement = statements.find((s) =>
      ([] as string[]).concat(s.Action).includes('iam:CreateRole'),
    );
    const samlStatement = statements.find((s) =>
      ([] as string[]).concat(s.Action).includes('iam:GetSAMLProvider'),
    );
    expect(roleStatement?.Action).toEqual([...MANAGEMENT_ACCOUNT_ROLE_ACTIONS]);
    expect(resourceText(roleStatement?.Resource)).toBe(
      resourceText({
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':iam::',
            { Ref: 'AWS::AccountId' },
            ':role/aws-reserved/sso.amazonaws.com/*',
          ],
        ],
      }),
    );
    expect(samlStatement?.Action).toEqual([...MANAGEMENT_ACCOUNT_SAML_ACTIONS]);
    expect(resourceText(samlStatement?.Resource)).toContain(
      ':saml-provider/AWSSSO_*',
    );
    expect(
      actionsOfRole(template, roleOfStep(template, 'reprovision')),
    ).not.toContain('iam:DeleteRole');
  });
});
