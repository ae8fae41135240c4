import {
  EventPatternError,
  matchesEventPattern,
} from '../../sandbox/event-pattern';

const event = {
  source: 'aws.sso',
  'detail-type': 'AWS API Call via CloudTrail',
  detail: {
    eventName: 'CreateAccountAssignment',
    count: 5,
    enabled: false,
    nothing: null,
    tags: ['blue', 'green'],
    items: [{ id: 'a' }, { id: 'b' }],
    nested: { role: 'arn:aws:iam::111122223333:role/deployer' },
  },
};

describe('matchesEventPattern', () => {
  it.each([
    { case: 'an exact string', pattern: { source: ['aws.sso'] } },
    {
      case: 'one of several values',
      pattern: { source: ['aws.s3', 'aws.sso'] },
    },
    { case: 'a number', pattern: { detail: { count: [5] } } },
    { case: 'a boolean', pattern: { detail: { enabled: [false] } } },
    { case: 'null', pattern: { detail: { nothing: [null] } } },
    {
      case: 'a prefix',
      pattern: { detail: { eventName: [{ prefix: 'Create' }] } },
    },
    {
      case: 'a suffix',
      pattern: { detail: { eventName: [{ suffix: 'Assignment' }] } },
    },
    {
      case: 'a prefix ignoring case',
      pattern: {
        detail: { eventName: [{ prefix: { 'equals-ignore-case': 'create' } }] },
      },
    },
    {
      case: 'a value ignoring case',
      pattern: { source: [{ 'equals-ignore-case': 'AWS.SSO' }] },
    },
    {
      case: 'anything but a value',
      pattern: {
        detail: { eventName: [{ 'anything-but': 'DeleteAccountAssignment' }] },
      },
    },
    {
      case: 'anything but a list',
      pattern: { source: [{ 'anything-but': ['aws.s3', 'aws.ec2'] }] },
    },
    {
      case: 'anything but a prefix',
      pattern: {
        detail: { eventName: [{ 'anything-but': { prefix: 'Delete' } }] },
      },
    },
    {
      case: 'a present field',
      pattern: { detail: { eventName: [{ exists: true }] } },
    },
    {
      case: 'an absent field',
      pattern: { detail: { errorCode: [{ exists: false }] } },
    },
    {
      case: 'an absent nested field',
      pattern: {
        detail: { session: { issuer: { arn: [{ exists: false }] } } },
      },
    },
    {
      case: 'a numeric range',
      pattern: { detail: { count: [{ numeric: ['>', 0, '<=', 5] }] } },
    },
    {
      case: 'any element of an array',
      pattern: { detail: { tags: ['green'] } },
    },
    {
      case: 'any object of an array',
      pattern: { detail: { items: { id: ['b'] } } },
    },
    {
      case: 'one alternative of $or',
      pattern: {
        detail: {
          $or: [{ eventName: ['DeleteAccountAssignment'] }, { count: [5] }],
        },
      },
    },
  ])('matches $case', ({ pattern }) => {
    // Act
    const matched = matchesEventPattern(pattern, event);

    // Assess
    expect(matched).toBe(true);
  });

  it.each([
    { case: 'another string', pattern: { source: ['aws.s3'] } },
    { case: 'a string for a number', pattern: { detail: { count: ['5'] } } },
    {
      case: 'a wrong prefix',
      pattern: { detail: { eventName: [{ prefix: 'Delete' }] } },
    },
    {
      case: 'a prefix of another case',
      pattern: { detail: { eventName: [{ prefix: 'create' }] } },
    },
    {
      case: 'anything but the value itself',
      pattern: { source: [{ 'anything-but': 'aws.sso' }] },
    },
    {
      case: 'anything but a list holding the value',
      pattern: { source: [{ 'anything-but': ['aws.s3', 'aws.sso'] }] },
    },
    {
      case: 'anything but on an absent field',
      pattern: { detail: { errorCode: [{ 'anything-but': 'AccessDenied' }] } },
    },
    {
      case: 'an exact value on an absent field',
      pattern: { detail: { errorCode: ['x'] } },
    },
    {
      case: 'exists on an absent field',
      pattern: { detail: { errorCode: [{ exists: true }] } },
    },
    {
      case: 'not exists on a present field',
      pattern: { detail: { count: [{ exists: false }] } },
    },
    {
      case: 'exists on an object',
      pattern: { detail: { nested: [{ exists: true }] } },
    },
    {
      case: 'a numeric bound passed',
      pattern: { detail: { count: [{ numeric: ['<', 5] }] } },
    },
    { case: 'no element of an array', pattern: { detail: { tags: ['red'] } } },
    {
      case: 'no alternative of $or',
      pattern: {
        detail: {
          $or: [{ eventName: ['DeleteAccountAssignment'] }, { count: [6] }],
        },
      },
    },
    {
      case: 'one field of two',
      pattern: {
        source: ['aws.sso'],
        detail: { eventName: ['DeleteAccountAssignment'] },
      },
    },
  ])('does not match $case', ({ pattern }) => {
    // Act
    const matched = matchesEventPattern(pattern, event);

    // Assess
    expect(matched).toBe(false);
  });

  it('matches anything-but when some element of an array differs', () => {
    // Act
    const matched = matchesEventPattern(
      { detail: { tags: [{ 'anything-but': 'blue' }] } },
      event,
    );

    // Assess
    expect(matched).toBe(true);
  });

  it.each([
    {
      case: 'an unknown operator',
      pattern: { source: [{ wildcard: 'aws.*' }] },
    },
    { case: 'a scalar instead of a list', pattern: { source: 'aws.sso' } },
    { case: 'an empty list', pattern: { source: [] } },
    {
      case: 'an $or with one pattern',
      pattern: { $or: [{ source: ['aws.sso'] }] },
    },
    {
      case: 'a matcher with two operators',
      pattern: { source: [{ prefix: 'a', suffix: 'o' }] },
    },
    {
      case: 'an odd numeric list',
      pattern: { detail: { count: [{ numeric: ['>'] }] } },
    },
  ])('throws for $case', ({ pattern }) => {
    // Act & Assess
    expect(() => matchesEventPattern(pattern, event)).toThrow(
      EventPatternError,
    );
  });
});
