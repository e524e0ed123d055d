import { describe, expect, it } from 'vitest';
import { checkIdNumber, maskIdNumber, maskPhone } from '../../../src/domain/identity/personal-data.ts';

describe('checkIdNumber (GB 11643)', () => {
  it.each([
    ['11010519491231002X', null], // the standard's own example
    ['11010519491231002x', null],
    ['110105194912310021', 'CHECK_DIGIT'],
    ['11010519491331002X', 'BIRTH_DATE'],
    ['11010519490230002X', 'BIRTH_DATE'],
    ['1101051949123100', 'FORMAT'],
    ['01010519491231002X', 'FORMAT'],
    ['11010518001231002X', 'BIRTH_DATE'],
    ['abcdefghijklmnopqr', 'FORMAT'],
  ])('%s → %s', (id, problem) => {
    expect(checkIdNumber(id)).toBe(problem);
  });
});

describe('masks', () => {
  it.each([
    [maskIdNumber('11010519491231002X'), '110105********002X'],
    [maskPhone('13800001111'), '138****1111'],
    [maskPhone('12345'), '*****'],
  ])('%s', (masked, expected) => {
    expect(masked).toBe(expected);
  });
});
