import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '../../../src/domain/registry/mask.ts';

describe('masking', () => {
  it.each([
    ['110101199003071234', '110***********1234'],
    ['11010519491231002X', '110***********002X'],
    ['1234567', '*******'],
    ['12345678', '123*5678'],
  ])('shows the ID number %s as %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['023-68123456', '023-****3456'],
    ['010-6812345', '010-***2345'],
    ['0851-8123456', '0851-***3456'],
    ['95588', '*5588'],
    ['123', '***'],
  ])('shows the phone %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
