import { describe, expect, it } from 'vitest';
import { normaliseCreditCode } from '../../../src/domain/registry/credit-code.ts';

// Real codes from the public enterprise register and the standard's example.
describe('the unified social credit code', () => {
  it.each<[string, string]>([
    ['91350100M000100Y43', '91350100M000100Y43'],
    ['9144030071526726XG', '9144030071526726XG'],
    ['914403001922038216', '914403001922038216'],
    ['91110000100017643K', '91110000100017643K'],
    ['91330100716105852f', '91330100716105852F'],
    [' 9133 0100 7161 0585 2F ', '91330100716105852F'],
    ['９１１１０１０８５５１３８５０８２Ｑ', '91110108551385082Q'],
  ])('%j is %s', (raw, code) => {
    expect(normaliseCreditCode(raw)).toBe(code);
  });

  it.each([
    '91350100M000100Y44', // wrong check character
    '9144030071526726XH',
    '91350100M000100Y4', // 17 characters
    '91350100M000100Y433',
    '9I350100M000100Y43', // I is not used
    '91A50100M000100Y43', // the region is digits
    '',
  ])('refuses %j', (raw) => {
    expect(normaliseCreditCode(raw)).toBeNull();
  });
});
