import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from '../../../src/domain/identity/password-policy.ts';

describe('checkPasswordPolicy', () => {
  it.each([
    ['demo1234', null],
    ['abc123', 'TOO_SHORT'],
    ['abcdefghij', 'TOO_SIMPLE'],
    ['1234567890', 'TOO_SIMPLE'],
    ['网格员2026!', null],
    ['x1'.repeat(65), 'TOO_LONG'],
  ])('%s → %s', (pw, problem) => {
    expect(checkPasswordPolicy(pw)).toBe(problem);
  });
});
