import {
  INSTANCE_ARN_PATTERN,
  instanceArnOf,
  lastSegment,
  PERMISSION_SET_ARN_PATTERN,
} from '../../../lambdas/core/arns';
import { INSTANCE_ARN, PERMISSION_SET_ARN } from './workflow-fixtures';

describe('instanceArnOf', () => {
  it.each([
    {
      case: 'the aws partition',
      permissionSetArn: PERMISSION_SET_ARN,
      instanceArn: INSTANCE_ARN,
    },
    {
      case: 'the aws-cn partition',
      permissionSetArn:
        'arn:aws-cn:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef',
      instanceArn: 'arn:aws-cn:sso:::instance/ssoins-0123456789abcdef',
    },
    {
      case: 'the aws-iso-b partition and an ins- id',
      permissionSetArn:
        'arn:aws-iso-b:sso:::permissionSet/ins-0123456789abcdef/ps-0123456789abcdef',
      instanceArn: 'arn:aws-iso-b:sso:::instance/ins-0123456789abcdef',
    },
  ])('returns the instance in $case', ({ permissionSetArn, instanceArn }) => {
    // Act
    const result = instanceArnOf(permissionSetArn);

    // Assess
    expect(result).toBe(instanceArn);
    expect(result).toMatch(INSTANCE_ARN_PATTERN);
  });

  it.each([
    { case: 'an instance ARN', value: INSTANCE_ARN },
    { case: 'a bare permission set id', value: 'ps-ae5d1fa1f80b684e' },
    {
      case: 'an IAM ARN',
      value: 'arn:aws:iam::111122223333:role/permissionSet/ssoins-x/ps-y',
    },
  ])('returns undefined for $case', ({ value }) => {
    // Act & Assess
    expect(instanceArnOf(value)).toBeUndefined();
  });

  it('agrees with the permission set pattern', () => {
    // Assess
    expect(PERMISSION_SET_ARN).toMatch(PERMISSION_SET_ARN_PATTERN);
    expect(`${PERMISSION_SET_ARN}x`).not.toMatch(PERMISSION_SET_ARN_PATTERN);
  });
});

describe('lastSegment', () => {
  it('returns the part after the last slash', () => {
    // Act & Assess
    expect(lastSegment(PERMISSION_SET_ARN)).toBe('ps-ae5d1fa1f80b684e');
    expect(lastSegment('no-slash')).toBe('no-slash');
  });
});
