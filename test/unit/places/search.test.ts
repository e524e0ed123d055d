import { describe, expect, it } from 'vitest';
import { MATCH, matchScore, rankPlaces, unitAliases, type PlaceCandidate } from '../../../src/domain/places/search.ts';

// pinyin written by hand, as the server's pinyin-pro would spell it
const c = (name: string, full: string, initials: string, breadth: number, order: string, aliases: [string, string, string][] = []): PlaceCandidate<string> => ({
  item: name, names: [name, ...aliases.map((a) => a[0])], pinyin: [{ full, initials }, ...aliases.map((a) => ({ full: a[1], initials: a[2] }))], breadth, order,
});

const PLACES = [
  c('春晖路街道', 'chunhuilujiedao', 'chljd', 1, '500199001000', [['春晖路', 'chunhuilu', 'chl']]),
  c('春晖社区', 'chunhuishequ', 'chsq', 0, '500199001001', [['春晖', 'chunhui', 'ch']]),
  c('春晖社区第1网格', 'chunhuishequdi1wangge', 'chsqd1wg', 3, '500199001001001', [['第1网格', 'di1wangge', 'd1wg']]),
  c('春晖社区第2网格', 'chunhuishequdi2wangge', 'chsqd2wg', 3, '500199001001002', [['第2网格', 'di2wangge', 'd2wg']]),
  c('春晖路小学专属网格', 'chunhuiluxiaoxuezhuanshuwangge', 'chlxxzswg', 2, '500199001001905', [['春晖路小学', 'chunhuiluxiaoxue', 'chlxx']]),
  c('翠湖社区', 'cuihushequ', 'chsq', 0, '500199001003', [['翠湖', 'cuihu', 'ch']]),
  c('青杠村', 'qinggangcun', 'qgc', 0, '500199101201', [['青杠', 'qinggang', 'qg']]),
];

describe('matchScore', () => {
  it.each([
    ['春晖社区', MATCH.exact],
    ['春晖', MATCH.exact], // its alias
    ['春晖社', MATCH.prefix],
    ['春晖社区3号楼旁', MATCH.nameInQuery],
    ['晖社', MATCH.substring],
    ['chsq', MATCH.pinyinExact],
    ['CH SQ', MATCH.pinyinExact],
    ['chs', MATCH.pinyinPrefix],
    ['chunhui', MATCH.pinyinExact], // the alias spelled out
    ['hsq', MATCH.pinyinSubstring],
    ['春晖3号楼', null], // an alias inside an address does not count
    ['x', null],
    ['', null],
  ])('%s → %s for 春晖社区', (q, expected) => {
    expect(matchScore(q, PLACES[1]!.names, PLACES[1]!.pinyin)).toBe(expected);
  });
});

describe('rankPlaces', () => {
  it.each([
    // initials shared by two communities: both, in code order; then what starts with them
    ['chsq', ['春晖社区', '翠湖社区', '春晖社区第1网格', '春晖社区第2网格']],
    // a prefix: broader places first (community, town, dedicated grid, grids)
    ['春晖', ['春晖社区', '春晖路街道', '春晖路小学专属网格', '春晖社区第1网格', '春晖社区第2网格']],
    // an address: the longest known name inside it
    ['春晖社区第2网格5栋', ['春晖社区第2网格', '春晖社区']],
    ['d2wg', ['春晖社区第2网格']],
    ['春晖路小学', ['春晖路小学专属网格']],
    ['qgc', ['青杠村']],
    ['长江', []],
  ])('%s', (q, expected) => {
    expect(rankPlaces(q, PLACES, 10)).toEqual(expected);
  });

  it('keeps at most the limit', () => {
    expect(rankPlaces('春晖', PLACES, 2)).toEqual(['春晖社区', '春晖路街道']);
  });
});

describe('unitAliases', () => {
  it.each([
    ['春晖社区第1网格', 'grid', '春晖社区', ['第1网格']],
    ['春晖路小学专属网格', 'dedicatedGrid', '春晖社区', ['春晖路小学']],
    ['春晖社区', 'community', '春晖路街道', ['春晖']],
    ['青杠村', 'community', '示范镇', ['青杠']],
    ['春晖路街道', 'town', '示范区', ['春晖路']],
    ['村', 'community', null, []],
    ['东区网格', 'grid', '春晖社区', []],
  ])('%s', (name, level, parent, expected) => {
    expect(unitAliases(name, level, parent)).toEqual(expected);
  });
});
