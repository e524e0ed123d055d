import { describe, expect, it } from 'vitest';
import { planPostPlaces, type PostPlaces } from '../../../src/domain/identity/post-places.ts';

const TOWN = '/city/district/town/';
const handler = { id: 'me', kind: 'staff' as const, roles: ['handler' as const], disabled: false, scopePath: TOWN, departmentDistrictIds: [] };
const post = (id: string, a: string | null, b: string | null, openCases: string[] = [], backup: string | null = null): PostPlaces =>
  ({ id, townPath: TOWN, a, b, backup, openCases });

describe('the post places an account takes and leaves', () => {
  it.each([
    ['takes a free A place', [post('p1', null, null)], ['p1'], [{ postId: 'p1', place: 'a', holder: 'me' }]],
    ['takes the B place when A is held', [post('p1', 'x', null)], ['p1'], [{ postId: 'p1', place: 'b', holder: 'me' }]],
    ['keeps a place it holds', [post('p1', 'x', 'me')], ['p1'], []],
    ['leaves a post no longer wanted', [post('p1', 'me', 'x', ['N1'])], [], [{ postId: 'p1', place: 'a', holder: null }]],
    ['leaves a post without holders when nothing is open there', [post('p1', 'me', null)], [], [{ postId: 'p1', place: 'a', holder: null }]],
    ['leaves a post with open cases that its back-up holder still staffs', [post('p1', 'me', null, ['N1'], 'z')], [], [{ postId: 'p1', place: 'a', holder: null }]],
    ['takes and leaves at once', [post('p1', 'me', null), post('p2', null, 'y')], ['p2'],
      [{ postId: 'p1', place: 'a', holder: null }, { postId: 'p2', place: 'a', holder: 'me' }]],
  ] as const)('%s', (_, posts, wanted, changes) => {
    expect(planPostPlaces(handler, posts, wanted)).toEqual({ changes });
  });

  it.each([
    ['a post with both places held', handler, [post('p1', 'x', 'y')], ['p1'], { code: 'POST_FULL', postId: 'p1' }],
    ['leaving the last place of a post with open cases', handler, [post('p1', null, 'me', ['N1', 'N2'])], [],
      { code: 'POST_HAS_OPEN_CASES', postId: 'p1', cases: ['N1', 'N2'] }],
    ['a role that handles no case', { ...handler, roles: ['leader' as const] }, [post('p1', null, null)], ['p1'],
      { code: 'POST_HOLDER_INELIGIBLE', postId: 'p1', why: 'no_handling_role' }],
    ['a scope that does not hold the town', { ...handler, scopePath: '/city/district/other/' }, [post('p1', null, null)], ['p1'],
      { code: 'POST_HOLDER_INELIGIBLE', postId: 'p1', why: 'outside_jurisdiction' }],
    ['keeping a post after losing the handling role', { ...handler, roles: ['auditor' as const] }, [post('p1', 'me', null)], ['p1'],
      { code: 'POST_HOLDER_INELIGIBLE', postId: 'p1', why: 'no_handling_role' }],
  ] as const)('refuses %s', (_, account, posts, wanted, refusal) => {
    expect(planPostPlaces(account, posts, wanted)).toEqual({ refusal });
  });
});
