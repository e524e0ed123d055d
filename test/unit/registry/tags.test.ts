import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  POPULATION_TAGS, TAG_GROUPS, ageOn, isOverdue, nextVisitDue, resolveTag, splitTagList, visibleTags, visitEveryDays, withTownFrequencies,
} from '../../../src/domain/registry/tags.ts';

const catalog = POPULATION_TAGS;

describe('the tag catalog', () => {
  it('is the seeded catalog, with an English name for every tag and a known group', () => {
    const seeded = (JSON.parse(readFileSync('src/server/platform/seed/catalogs/population-tags.json', 'utf8')) as { tags: unknown[] }).tags;
    expect(POPULATION_TAGS.map(({ nameEn: _en, ...rest }) => rest)).toEqual(seeded);
    for (const t of POPULATION_TAGS) {
      expect(t.nameEn).toMatch(/^[A-Za-z][A-Za-z0-9 ,'-]+$/);
      expect(TAG_GROUPS.map((g) => g.code)).toContain(t.group);
    }
  });
});

describe('how often a person is visited', () => {
  it.each<[string[], number | null]>([
    [[], null],
    [['party_member', 'volunteer'], null],
    [['veteran'], 90],
    [['veteran', 'disabled'], 30],
    [['disabled', 'elderly_alone', 'veteran'], 7],
    [['no_such_tag'], null],
    [['no_such_tag', 'child_left_behind'], 14],
  ])('%j → every %s days', (tags, days) => {
    expect(visitEveryDays(tags, catalog)).toBe(days);
  });

  it('follows a town\'s own frequency, and a tag the town sets to none', () => {
    const town = withTownFrequencies(catalog, [{ code: 'veteran', visitEveryDays: 60 }, { code: 'elderly_alone', visitEveryDays: null }]);
    expect(visitEveryDays(['veteran'], town)).toBe(60);
    expect(visitEveryDays(['elderly_alone'], town)).toBeNull();
    expect(visitEveryDays(['elderly_alone', 'disabled'], town)).toBe(30);
    expect(visitEveryDays(['elderly_alone'], catalog)).toBe(7);
  });

  it.each<[string | null, string[], string, string | null, boolean]>([
    // last visit, tags, today → due, overdue
    ['2026-11-25', ['elderly_alone'], '2026-12-02', '2026-12-02', false],
    ['2026-11-24', ['elderly_alone'], '2026-12-02', '2026-12-01', true],
    ['2026-12-28', ['elderly_alone'], '2026-12-30', '2027-01-04', false],
    ['2028-02-25', ['elderly_alone'], '2028-03-04', '2028-03-03', true],
    ['2026-01-01', ['veteran'], '2026-03-01', '2026-04-01', false],
    ['2026-01-01', ['veteran', 'disabled'], '2026-03-01', '2026-01-31', true],
    [null, ['child_left_behind'], '2026-12-02', '2026-12-02', false],
    [null, ['volunteer'], '2026-12-02', null, false],
    ['2020-01-01', [], '2026-12-02', null, false],
  ])('last visit %s, tags %j, today %s: due %s, overdue %s', (last, tags, today, due, overdue) => {
    expect(nextVisitDue(last, tags, catalog, today)).toBe(due);
    expect(isOverdue(last, tags, catalog, today)).toBe(overdue);
  });
});

describe('naming a tag in an import', () => {
  it.each<[string, string | null]>([
    ['elderly_alone', 'elderly_alone'],
    ['ELDERLY_ALONE', 'elderly_alone'],
    ['独居老人', 'elderly_alone'],
    [' 独居老人 ', 'elderly_alone'],
    ['Older person living alone', 'elderly_alone'],
    ['older  person living alone', 'elderly_alone'],
    ['低保对象', 'subsistence'],
    ['党员', 'party_member'],
    ['低保户', null],
    ['', null],
    ['老人', null],
  ])('%j → %s', (text, code) => {
    expect(resolveTag(text, catalog)?.code ?? null).toBe(code);
  });

  it.each<[string, string[]]>([
    ['独居老人、低保对象', ['独居老人', '低保对象']],
    ['独居老人,低保对象', ['独居老人', '低保对象']],
    ['独居老人，低保对象', ['独居老人', '低保对象']],
    ['独居老人；低保对象;党员', ['独居老人', '低保对象', '党员']],
    ['独居老人、 、低保对象\n党员', ['独居老人', '低保对象', '党员']],
    ['older person living alone, veteran', ['older person living alone', 'veteran']],
    ['', []],
  ])('splits %j', (text, parts) => {
    expect(splitTagList(text)).toEqual(parts);
  });
});

describe('which tags a reader sees', () => {
  const tags = ['elderly_alone', 'subsistence', 'party_member', 'retired_code'];
  it('shows carers every tag, others only those that are not sensitive (an unknown code counts as sensitive)', () => {
    expect(visibleTags(tags, catalog, true)).toEqual(tags);
    expect(visibleTags(tags, catalog, false)).toEqual(['elderly_alone', 'party_member']);
    expect(visibleTags([], catalog, false)).toEqual([]);
  });
});

describe('age', () => {
  it.each<[string, string, number]>([
    ['1949-12-31', '2026-12-02', 76],
    ['1949-12-31', '2026-12-30', 76],
    ['1949-12-31', '2026-12-31', 77],
    ['1946-12-02', '2026-12-02', 80],
    ['1946-12-03', '2026-12-02', 79],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-02-29', '2004-02-29', 4],
    ['2026-12-02', '2026-12-02', 0],
  ])('born %s, on %s: %i', (born, day, age) => {
    expect(ageOn(born, day)).toBe(age);
  });
});
