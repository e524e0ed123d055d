import { describe, expect, it } from 'vitest';
import { idsOnPath, isWithinScope, pathOf } from '../../../src/domain/identity/scope.ts';

describe('isWithinScope', () => {
  it.each([
    ['/city/district/town/', '/city/', true],
    ['/city/district/town/', '/city/district/town/', true],
    ['/city/district/town/community/grid/', '/city/district/town/', true],
    ['/city/district/other/', '/city/district/town/', false],
    ['/city/district/town2/', '/city/district/town/', false],
    ['/city/', '/city/district/', false],
    ['/city/district/', null, false],
  ])('unit %s in scope %s → %s', (unit, scope, expected) => {
    expect(isWithinScope(unit, scope)).toBe(expected);
  });

  it('builds and splits paths', () => {
    expect(pathOf(['a', 'b', 'c'])).toBe('/a/b/c/');
    expect(idsOnPath('/a/b/c/')).toEqual(['a', 'b', 'c']);
  });
});
