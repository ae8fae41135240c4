import {
  type StructureSpec,
  validateStructure,
} from '../../../sandbox/protocols/validation';
import { validationMessage } from '../../../sandbox/protocols/validation-messages';

const spec: StructureSpec = {
  kind: 'structure',
  required: ['AccountId', 'PrincipalType'],
  members: {
    AccountId: { kind: 'string', min: 12, max: 12, pattern: '\\d{12}' },
    PrincipalType: { kind: 'string', enum: ['USER', 'GROUP'] },
    MaxResults: { kind: 'integer', min: 1, max: 100 },
    Filter: {
      kind: 'structure',
      members: { AccountId: { kind: 'string', pattern: '\\d{12}' } },
    },
  },
};

describe('validateStructure', () => {
  it.each([
    {
      case: 'a missing member',
      input: { AccountId: '123456789012' },
      message:
        "1 validation error detected: Value null at 'principalType' failed to satisfy constraint: Member must not be null",
    },
    {
      case: 'a value outside the enum',
      input: { AccountId: '123456789012', PrincipalType: 'ROLE' },
      message:
        "1 validation error detected: Value 'ROLE' at 'principalType' failed to satisfy constraint: Member must satisfy enum value set: [USER, GROUP]",
    },
    {
      case: 'a number above its maximum',
      input: {
        AccountId: '123456789012',
        PrincipalType: 'USER',
        MaxResults: 101,
      },
      message:
        "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    },
    {
      case: 'a nested member',
      input: {
        AccountId: '123456789012',
        PrincipalType: 'USER',
        Filter: { AccountId: 'abc' },
      },
      message:
        "1 validation error detected: Value 'abc' at 'filter.accountId' failed to satisfy constraint: Member must satisfy regular expression pattern: \\d{12}",
    },
  ])('words $case as AWS does', ({ input, message }) => {
    // Act
    const violations = validateStructure(spec, input);

    // Assess
    expect(validationMessage(violations)).toBe(message);
  });

  it('reports length and pattern of one value together', () => {
    // Act
    const violations = validateStructure(spec, {
      AccountId: '12',
      PrincipalType: 'USER',
    });

    // Assess
    expect(violations.map((v) => v.constraint)).toEqual([
      'minLength',
      'pattern',
    ]);
    expect(validationMessage(violations)).toMatch(
      /^2 validation errors detected: .*; Value '12'/,
    );
  });

  it('reports a value of the wrong JSON type', () => {
    // Act
    const violations = validateStructure(spec, {
      AccountId: 123456789012,
      PrincipalType: 'USER',
    });

    // Assess
    expect(violations).toEqual([
      expect.objectContaining({ constraint: 'type', path: 'accountId' }),
    ]);
  });

  it('accepts a valid request and ignores unknown members', () => {
    // Act
    const violations = validateStructure(spec, {
      AccountId: '123456789012',
      PrincipalType: 'GROUP',
      Extra: 1,
    });

    // Assess
    expect(violations).toEqual([]);
  });
});
