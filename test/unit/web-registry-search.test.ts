// What the phone registry's one search box sends for what a grid worker types: ID numbers and phones exactly (the API
// matches them through keyed hashes), everything else as words of a name, pinyin initials or an address.
import { describe, expect, it } from 'vitest';
import { residentSearchOf } from '../../src/web/features/registry/mobile/search-input.ts';

describe('residentSearchOf', () => {
  it.each([
    ['', {}],
    ['   ', {}],
    ['wxy', { q: 'wxy' }],
    ['王秀英', { q: '王秀英' }],
    [' 春晖苑 3 栋 ', { q: '春晖苑 3 栋' }],
    ['500103194203151286', { idNumber: '500103194203151286' }],
    ['50010319420315128x', { idNumber: '50010319420315128X' }],
    ['５００１０３１９４２０３１５１２８６', { idNumber: '500103194203151286' }],
    ['500103 19420315 1286', { idNumber: '500103194203151286' }],
    ['13800001111', { phone: '13800001111' }],
    ['138 0000 1111', { phone: '13800001111' }],
    ['+86 138-0000-1111', { phone: '13800001111' }],
    ['023-68123456', { phone: '023-68123456' }],
    // part of a number is no exact look-up: it goes as words (the API finds nothing by a fragment of a sealed number)
    ['1111', { q: '1111' }],
    ['5001031942', { q: '5001031942' }],
  ])('%j → %j', (typed, sent) => {
    expect(residentSearchOf(typed)).toEqual({ tag: undefined, ...sent });
  });

  it('keeps the chosen tags beside the words', () => {
    expect(residentSearchOf('wxy', ['elderly_alone', 'child_left_behind'])).toEqual({ q: 'wxy', tag: ['elderly_alone', 'child_left_behind'] });
    expect(residentSearchOf('', ['elderly_alone'])).toEqual({ tag: ['elderly_alone'] });
  });

  it('cuts words to the 50 characters the API takes', () => {
    expect(residentSearchOf('街'.repeat(80)).q).toHaveLength(50);
  });
});
