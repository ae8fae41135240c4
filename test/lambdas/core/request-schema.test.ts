import {
  describeValue,
  suggestField,
} from '../../../lambdas/core/request-schema';

const FIELDS = [
  'accountId',
  'permissionSetArn',
  'principalType',
  'principalId',
];

describe('suggestField', () => {
  it.each([
    { case: 'a dropped letter', key: 'acountId', suggestion: 'accountId' },
    { case: 'a swapped pair', key: 'acocuntId', suggestion: 'accountId' },
    {
      case: 'another case',
      key: 'PermissionSetArn',
      suggestion: 'permissionSetArn',
    },
    { case: 'an unrelated key', key: 'region', suggestion: undefined },
  ])('suggests $suggestion for $case', ({ key, suggestion }) => {
    // Act & Assess
    expect(suggestField(key, FIELDS)).toBe(suggestion);
  });
});

describe('describeValue', () => {
  it.each([
    { case: 'nothing', value: undefined, text: 'nothing' },
    { case: 'a string', value: 'abc', text: '"abc"' },
    {
      case: 'a long string',
      value: 'x'.repeat(100),
      text: `"${'x'.repeat(77)}..."`,
    },
    { case: 'a number', value: 7, text: 'the number 7' },
    { case: 'a boolean', value: true, text: 'true' },
    { case: 'null', value: null, text: 'null' },
    { case: 'a list', value: [1], text: 'a list' },
    { case: 'an object', value: { a: 1 }, text: 'an object' },
  ])('describes $case', ({ value, text }) => {
    // Act & Assess
    expect(describeValue(value)).toBe(text);
  });
});
