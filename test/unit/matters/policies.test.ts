import { describe, expect, it } from 'vitest';
import { catalogPolicies, editsCatalog, matterPolicies } from '../../../src/domain/matters/policies.ts';
import type { Role } from '../../../src/shared/roles.ts';

const TOWN = '/c/d/t1/';

describe('who edits a town\'s catalog', () => {
  it.each<[string, Role[], string | null, boolean]>([
    ['the town\'s leader', ['leader'], TOWN, true],
    ['the city\'s admin', ['admin'], '/c/', true],
    ['a leader of a community of the town', ['leader'], '/c/d/t1/c1/', true],
    ['a leader of another town', ['leader'], '/c/d/t2/', false],
    ['the town\'s dispatcher', ['dispatcher'], TOWN, false],
    ['an admin without territory', ['admin'], null, false],
    ['a department', ['department'], null, false],
  ])('%s → %s', (_label, roles, scopePath, expected) => {
    expect(editsCatalog({ roles, scopePath }, TOWN)).toBe(expected);
  });
});

describe('what an editor may do to a matter', () => {
  it.each([
    [{ current: true, retired: false }, true, ['edit', 'retire']],
    [{ current: true, retired: true }, true, []],
    [{ current: false, retired: false }, true, []],
    [{ current: true, retired: false }, false, []],
  ])('%j, editor %s → %j', (m, editor, expected) => {
    expect(matterPolicies(m, editor)).toEqual(expected);
  });

  it('creates matters in the catalog only as an editor', () => {
    expect([catalogPolicies(true), catalogPolicies(false)]).toEqual([['create'], []]);
  });
});
