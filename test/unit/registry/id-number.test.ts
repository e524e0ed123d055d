import { describe, expect, it } from 'vitest';
import { idNumberCheckDigit, idNumberProblemMessage, parseIdNumber, type IdNumberProblem } from '../../../src/domain/registry/id-number.ts';

// Expected check digits worked out by hand (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 → 1 0 X 9 8 7 6 5 4 3 2),
// e.g. 11010519491231001: 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+2 = 165, 165 mod 11 = 0 → '1'.
// 11010519491231002X is the standard's own published example.

describe('the GB 11643 check digit', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['11010519491231001', '1'],
    ['50010319680101100', 'X'],
    ['44030419800229002', '2'],
    ['32010619850615203', '1'],
    ['11010119900307123', '3'],
  ])('of %s is %s', (first17, digit) => {
    expect(idNumberCheckDigit(first17)).toBe(digit);
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idNumberCheckDigit('1101051949123100')).toThrow();
    expect(() => idNumberCheckDigit('1101051949123100X')).toThrow();
  });
});

describe('reading an ID number', () => {
  const today = '2026-12-02';

  it('reads region, birth date and gender of a valid number', () => {
    expect(parseIdNumber('11010519491231002X', today)).toEqual({ ok: true, idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: 'female', regionCode: '110105' });
    expect(parseIdNumber('110105194912310011', today)).toEqual({ ok: true, idNumber: '110105194912310011', birthDate: '1949-12-31', gender: 'male', regionCode: '110105' });
    expect(parseIdNumber('320106198506152031', today)).toEqual({ ok: true, idNumber: '320106198506152031', birthDate: '1985-06-15', gender: 'male', regionCode: '320106' });
    // a leap day in a leap year is a real day
    expect(parseIdNumber('440304198002290022', today)).toMatchObject({ ok: true, birthDate: '1980-02-29', gender: 'female' });
  });

  it.each([
    ['lower-case x', '11010519491231002x', '11010519491231002X'],
    ['full-width digits and X', '１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ['full-width lower-case x', '１１０１０５１９４９１２３１００２ｘ', '11010519491231002X'],
    ['spaces around and inside', '  110105 19491231 002X ', '11010519491231002X'],
    ['an ideographic space', '110105\u300019491231002X', '11010519491231002X'],
    ['a tab and a newline', '\t11010519491231002X\n', '11010519491231002X'],
    ['the apostrophe that keeps a cell as text', "'11010519491231002X", '11010519491231002X'],
  ])('normalises %s', (_what, raw, idNumber) => {
    expect(parseIdNumber(raw, today)).toMatchObject({ ok: true, idNumber });
  });

  it('tells gender by the parity of the 17th digit', () => {
    expect(parseIdNumber('110105194912310011')).toMatchObject({ gender: 'male' }); // 1 odd
    expect(parseIdNumber('11010519491231002X')).toMatchObject({ gender: 'female' }); // 2 even
    expect(parseIdNumber('500103196801011237')).toMatchObject({ gender: 'male' }); // 3 odd
  });

  it.each<[string, string, string | undefined, IdNumberProblem]>([
    ['empty', '', today, 'ID_NUMBER_EMPTY'],
    ['blank', '   ', today, 'ID_NUMBER_EMPTY'],
    ['a float as Excel shows it', '5.00103196801011E+17', today, 'ID_NUMBER_SCIENTIFIC'],
    ['a shorter float', '5.00103E+17', today, 'ID_NUMBER_SCIENTIFIC'],
    ['lower-case e', '5.00103196801011e+17', today, 'ID_NUMBER_SCIENTIFIC'],
    ['no sign in the exponent', '5E17', today, 'ID_NUMBER_SCIENTIFIC'],
    // the float printed out whole: its last digits are zeros, the check digit does not hold (50010319680101100 → X)
    ['a float written out whole', '500103196801011000', today, 'ID_NUMBER_CHECK_DIGIT'],
    ['a wrong check digit', '110105194912310021', today, 'ID_NUMBER_CHECK_DIGIT'],
    ['X where a digit belongs', '11010519491231001X', today, 'ID_NUMBER_CHECK_DIGIT'],
    ['an old 15-digit number', '110105491231002', today, 'ID_NUMBER_FORMAT'],
    ['17 digits', '11010519491231002', today, 'ID_NUMBER_FORMAT'],
    ['19 digits', '110105194912310021X', today, 'ID_NUMBER_FORMAT'],
    ['X in the middle', '1101051949X2310021', today, 'ID_NUMBER_FORMAT'],
    ['a letter other than X', '11010519491231002Y', today, 'ID_NUMBER_FORMAT'],
    ['a leading zero', '010105194912310021', today, 'ID_NUMBER_FORMAT'],
    ['dashes', '110105-19491231-002X', today, 'ID_NUMBER_FORMAT'],
    // right check digits (5, X, 5, X), wrong dates
    ['February 30', '110105200002300015', today, 'ID_NUMBER_BIRTH_DATE'],
    ['February 29 of a common year', '44030419810229002X', today, 'ID_NUMBER_BIRTH_DATE'],
    ['born in the future', '11010520300101001X', today, 'ID_NUMBER_BIRTH_DATE'],
    ['born tomorrow', '510102202612030037', today, 'ID_NUMBER_BIRTH_DATE'],
    ['born before 1900', '110105189912310015', today, 'ID_NUMBER_BIRTH_DATE'],
  ])('refuses %s (%s)', (_what, raw, day, code) => {
    expect(parseIdNumber(raw, day)).toEqual({ ok: false, code });
  });

  it('accepts a birth today and on 1900-01-01, and any past-looking date when no today is given', () => {
    expect(parseIdNumber('510102202612020031', today)).toMatchObject({ ok: true, birthDate: '2026-12-02' });
    expect(parseIdNumber('11010519000101001X', today)).toMatchObject({ ok: true, birthDate: '1900-01-01' });
    expect(parseIdNumber('11010520300101001X')).toMatchObject({ ok: true, birthDate: '2030-01-01' });
  });
});

describe('the reasons users read', () => {
  it('tells how to mend a column a spreadsheet turned into numbers', () => {
    expect(idNumberProblemMessage('ID_NUMBER_SCIENTIFIC').zh).toContain('请把身份证号列设为文本格式后重新填写');
    expect(idNumberProblemMessage('ID_NUMBER_SCIENTIFIC').en).toMatch(/set the ID number column to text/);
  });

  it.each<IdNumberProblem>(['ID_NUMBER_EMPTY', 'ID_NUMBER_SCIENTIFIC', 'ID_NUMBER_FORMAT', 'ID_NUMBER_BIRTH_DATE', 'ID_NUMBER_CHECK_DIGIT'])('has both languages for %s', (code) => {
    const m = idNumberProblemMessage(code);
    expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(m.en).toMatch(/^[\x20-\x7e]+$/);
  });
});
