import { describe, expect, it } from 'vitest';
import { planPostPlaces, type PostPlaces } from '../../../src/domain/identity/post-places.ts';

const TOWN = '/city/district/town/';
const post = (id: string, a: string | null, b: string | null, backup: string | null = null): PostPlaces =>
  ({ id, townPath: TOWN, a, b, backup, openCases: [] });
const h = (a: string | null, b: string | null, backup: string | null = null) => ({ a, b, backup });

// Where the account goes; whether the post may have those holders is the posts' rule (holderProblems, strandsOpenCases),
// checked by setPostHoldersIn for every post listed here.
describe('the post places an account takes and leaves', () => {
  it.each([
    ['takes a free A place', [post('p1', null, null)], ['p1'], [{ postId: 'p1', before: h(null, null), after: h('me', null) }]],
    ['takes the B place when A is held', [post('p1', 'x', null)], ['p1'], [{ postId: 'p1', before: h('x', null), after: h('x', 'me') }]],
    ['keeps a place it holds (listed, to be checked again)', [post('p1', 'x', 'me')], ['p1'], [{ postId: 'p1', before: h('x', 'me'), after: h('x', 'me') }]],
    ['leaves a post no longer wanted, its back-up kept', [post('p1', 'me', 'x', 'z')], [], [{ postId: 'p1', before: h('me', 'x', 'z'), after: h(null, 'x', 'z') }]],
    ['leaves the B place', [post('p1', 'x', 'me')], [], [{ postId: 'p1', before: h('x', 'me'), after: h('x', null) }]],
    ['takes and leaves at once', [post('p1', 'me', null), post('p2', null, 'y')], ['p2'],
      [{ postId: 'p1', before: h('me', null), after: h(null, null) }, { postId: 'p2', before: h(null, 'y'), after: h('me', 'y') }]],
    ['a post neither held nor wanted is not touched', [post('p1', 'x', 'y')], [], []],
  ] as const)('%s', (_, posts, wanted, changes) => {
    expect(planPostPlaces('me', posts, wanted)).toEqual({ changes });
  });

  it('refuses a post with both places held by others', () => {
    expect(planPostPlaces('me', [post('p1', 'x', 'y')], ['p1'])).toEqual({ refusal: { code: 'POST_FULL', postId: 'p1' } });
  });
});
