import {
  checkInlinePolicy,
  MAX_INLINE_POLICY_CHARACTERS,
  MAX_INLINE_POLICY_NON_WHITESPACE_BYTES,
  nonWhitespaceBytes,
  placeOf,
} from '../../../lambdas/core/policy-checks';

const VALID_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    ],
  },
  null,
  2,
);

/** A valid policy whose non-whitespace characters take `bytes` bytes. */
const policyOfBytes = (bytes: number): string => {
  const template = (bucket: string) =>
    `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
    `"Action":"s3:GetObject","Resource":"arn:aws:s3:::${bucket}"}]}`;

  return template('a'.repeat(bytes - template('').length));
};

const codes = (text: string): string[] =>
  checkInlinePolicy(text).findings.map((finding) => finding.code);

describe('placeOf', () => {
  it.each([
    { case: 'the first character', text: 'abc', index: 0, line: 1, column: 1 },
    { case: 'a line feed', text: 'ab\ncd', index: 4, line: 2, column: 2 },
    { case: 'a CRLF pair', text: 'ab\r\ncd', index: 5, line: 2, column: 2 },
    {
      case: 'a lone carriage return',
      text: 'a\rb',
      index: 2,
      line: 2,
      column: 1,
    },
    { case: 'an astral character', text: '😀x', index: 2, line: 1, column: 2 },
    { case: 'the end of the text', text: 'ab', index: 2, line: 1, column: 3 },
  ])('places $case at line $line, column $column', (row) => {
    // Act
    const place = placeOf(row.text, row.index);

    // Assess
    expect(place).toEqual({ line: row.line, column: row.column });
  });
});

describe('nonWhitespaceBytes', () => {
  it('ignores tabs, line breaks and spaces, counting UTF-8 bytes', () => {
    // Prepare
    const text = ' {\t"a":\r\n"é" }\n';

    // Act
    const bytes = nonWhitespaceBytes(text);

    // Assess
    expect(bytes).toBe('{"a":"é"}'.length + 1);
  });
});

describe('checkInlinePolicy', () => {
  it('finds nothing wrong in a valid policy', () => {
    // Act
    const check = checkInlinePolicy(VALID_POLICY);

    // Assess
    expect(check).toEqual({
      characters: VALID_POLICY.length,
      nonWhitespaceBytes: VALID_POLICY.replace(/\s/g, '').length,
      findings: [],
      parses: true,
    });
  });

  it('accepts exactly 32,768 characters', () => {
    // Prepare
    const text = VALID_POLICY.padEnd(MAX_INLINE_POLICY_CHARACTERS, ' ');

    // Act
    const check = checkInlinePolicy(text);

    // Assess
    expect(check.characters).toBe(32_768);
    expect(check.findings).toEqual([]);
  });

  it('rejects 32,769 characters with POLICY_TOO_LONG', () => {
    // Prepare
    const text = VALID_POLICY.padEnd(MAX_INLINE_POLICY_CHARACTERS + 1, ' ');

    // Act
    const check = checkInlinePolicy(text);

    // Assess
    expect(check.findings).toEqual([
      expect.objectContaining({
        subject: 'INLINE_POLICY',
        severity: 'ERROR',
        code: 'POLICY_TOO_LONG',
        message: expect.stringContaining('32,769 characters'),
      }),
    ]);
    expect(check.parses).toBe(true);
  });

  it('accepts exactly 10,240 non-whitespace bytes', () => {
    // Prepare
    const text = policyOfBytes(MAX_INLINE_POLICY_NON_WHITESPACE_BYTES);

    // Act
    const check = checkInlinePolicy(text);

    // Assess
    expect(check.nonWhitespaceBytes).toBe(10_240);
    expect(check.findings).toEqual([]);
  });

  it.each([
    { case: 'one byte over', bytes: 10_241 },
    { case: 'the size AWS rejected in the wild', bytes: 10_405 },
  ])('rejects $case with POLICY_TOO_LARGE', ({ bytes }) => {
    // Prepare
    const text = policyOfBytes(bytes);

    // Act
    const check = checkInlinePolicy(text);

    // Assess
    expect(check.findings).toEqual([
      expect.objectContaining({
        code: 'POLICY_TOO_LARGE',
        severity: 'ERROR',
        message: expect.stringContaining(
          `${bytes.toLocaleString('en-US')} bytes; Identity Center accepts ` +
            'at most 10,240 bytes',
        ),
      }),
    ]);
  });

  it('counts a Latin-1 letter as two bytes, as UTF-8 does', () => {
    // Prepare: 10,240 characters, one of them "é".
    const text = policyOfBytes(10_240).replace('aa', 'aé');

    // Act
    const check = checkInlinePolicy(text);

    // Assess
    expect(check.characters).toBe(10_240);
    expect(check.nonWhitespaceBytes).toBe(10_241);
    expect(check.findings.map((finding) => finding.code)).toEqual([
      'POLICY_TOO_LARGE',
    ]);
  });

  it('places the first character outside Latin-1', () => {
    // Prepare
    const text = VALID_POLICY.replace('s3:GetObject', 's3:Get’Object’');

    // Act
    const check = checkInlinePolicy(text);

    // Assess
    expect(check.findings).toEqual([
      expect.objectContaining({
        code: 'UNSUPPORTED_CHARACTER',
        severity: 'ERROR',
        location: { line: 6, column: 24 },
        message: expect.stringMatching(
          /U\+2019 \("’"\) at line 6, column 24 and 1 more is outside Latin-1/,
        ),
      }),
    ]);
  });

  it.each([
    {
      case: 'a trailing comma',
      text: '{\n  "Version": "2012-10-17",\n}',
      line: 3,
      column: 1,
      words: 'Expected double-quoted property name',
    },
    {
      case: 'a missing comma',
      text: '{\n  "Version": "2012-10-17"\n  "Statement": []\n}',
      line: 3,
      column: 3,
      words: "Expected ',' or '}' after property value",
    },
    {
      case: 'a truncated document',
      text: '{\r\n  "Version": "2012-10-17",\r\n  "Statement": [',
      line: 3,
      column: 17,
      words: 'Unexpected end of JSON input',
    },
  ])('places the JSON error of $case', ({ text, line, column, words }) => {
    // Act
    const check = checkInlinePolicy(text);

    // Assess
    expect(check.parses).toBe(false);
    expect(check.findings).toEqual([
      {
        subject: 'INLINE_POLICY',
        severity: 'ERROR',
        code: 'INVALID_JSON',
        message:
          `The inline policy is not valid JSON: ${words} at line ${line}, ` +
          `column ${column}.`,
        location: { line, column },
      },
    ]);
  });

  it.each([
    { case: 'an array', text: '[]', code: 'POLICY_NOT_AN_OBJECT' },
    { case: 'null', text: 'null', code: 'POLICY_NOT_AN_OBJECT' },
    {
      case: 'an object without Statement',
      text: '{"Version":"2012-10-17"}',
      code: 'MISSING_STATEMENT',
    },
  ])('rejects $case as a policy', ({ text, code }) => {
    // Act & Assess
    expect(codes(text)).toEqual([code]);
  });
});
