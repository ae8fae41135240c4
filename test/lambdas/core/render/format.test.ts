import {
  clip,
  clipBytes,
  commandLines,
  hanging,
  wrap,
} from '../../../../lambdas/core/render/format';

describe('clip', () => {
  it('leaves short text alone', () => {
    // Act & Assess
    expect(clip('short', 10)).toBe('short');
  });

  it('shortens long text to the limit and says so', () => {
    // Act
    const clipped = clip('x'.repeat(100), 40);

    // Assess
    expect(clipped).toHaveLength(40);
    expect(clipped).toMatch(/\[\.\.\. shortened\]$/);
  });
});

describe('clipBytes', () => {
  it('never splits a character', () => {
    // Act
    const clipped = clipBytes('ééé', 5);

    // Assess
    expect(clipped).toBe('éé');
  });
});

describe('wrap', () => {
  it('wraps at 72 columns with the indent', () => {
    // Act
    const lines = wrap('word '.repeat(40), '  ');

    // Assess
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(72);
      expect(line).toMatch(/^ {2}word/);
    }
  });

  it('keeps a word longer than a line whole', () => {
    // Prepare
    const arn = `arn:aws:sso:::permissionSet/${'a'.repeat(80)}`;

    // Act
    const lines = wrap(`Permission set ${arn} is gone`);

    // Assess
    expect(lines).toEqual(['Permission set', arn, 'is gone']);
  });
});

describe('hanging', () => {
  it('aligns the following lines with the text', () => {
    // Act
    const lines = hanging('  1. ', 'word '.repeat(20));

    // Assess
    expect(lines[0]).toMatch(/^ {2}1\. word/);
    expect(lines[1]).toMatch(/^ {5}word/);
  });
});

describe('commandLines', () => {
  it('breaks a command before each option with continuations', () => {
    // Act
    const lines = commandLines(
      'aws sso-admin provision-permission-set --instance-arn i --target-id 1',
      '  ',
    );

    // Assess
    expect(lines).toEqual([
      '  aws sso-admin provision-permission-set \\',
      '    --instance-arn i \\',
      '    --target-id 1',
    ]);
  });
});
