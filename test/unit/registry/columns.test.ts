import { describe, expect, it } from 'vitest';
import { REGISTRY_KINDS, type RegistryKind } from '../../../src/shared/registry.ts';
import { IMPORT_COLUMNS, LABELS, LABEL_CODES, matchHeaders, zhOptions } from '../../../src/domain/registry/columns.ts';
import { checkRow } from '../../../src/domain/registry/rows.ts';
import { POPULATION_TAGS } from '../../../src/domain/registry/tags.ts';

const headers = (kind: RegistryKind) => IMPORT_COLUMNS[kind].map((c) => c.header);

describe('the import columns', () => {
  it.each<[RegistryKind, string[]]>([
    ['residents', ['姓名', '身份证号', '性别', '出生日期', '手机号', '住址', '楼栋', '单元', '房号', '与户主关系', '人员标签', '是否党员', '经度', '纬度', '备注']],
    ['households', ['地址', '楼栋', '单元', '楼层', '房号', '户主身份证号', '居住类型', '经度', '纬度', '备注']],
    ['buildings', ['名称', '地址', '经度', '纬度', '单元数', '层数', '每层户数', '结构', '建成年份', '备注']],
    ['places', ['名称', '类型', '地址', '经度', '纬度', '统一社会信用代码', '联系人', '联系电话', '备注']],
    ['things', ['名称', '类型', '风险等级', '巡查周期（天）', '地址', '经度', '纬度', '楼栋', '备注']],
  ])('of %s are, in order, %j', (kind, expected) => {
    expect(headers(kind)).toEqual(expected);
  });

  it.each(REGISTRY_KINDS)('of %s have unique keys and headers, and a list of words for every list column', (kind) => {
    const cols = IMPORT_COLUMNS[kind];
    expect(new Set(cols.map((c) => c.key)).size).toBe(cols.length);
    expect(new Set(cols.map((c) => c.header)).size).toBe(cols.length);
    expect(new Set(cols.map((c) => c.headerEn)).size).toBe(cols.length);
    for (const c of cols.filter((col) => col.kind === 'list')) expect(c.options?.length).toBeGreaterThan(1);
  });

  it.each(REGISTRY_KINDS)('of %s have a sample row that passes the row check', (kind) => {
    const cells = Object.fromEntries(IMPORT_COLUMNS[kind].map((c) => [c.key, c.example]));
    expect(checkRow(kind, cells, { today: '2026-12-02', catalog: POPULATION_TAGS })).toMatchObject({ ok: true });
  });

  it('name their required columns', () => {
    expect(IMPORT_COLUMNS.residents.filter((c) => c.required).map((c) => c.header)).toEqual(['姓名', '身份证号']);
    expect(IMPORT_COLUMNS.households.filter((c) => c.required).map((c) => c.header)).toEqual(['地址']);
    expect(IMPORT_COLUMNS.buildings.filter((c) => c.required).map((c) => c.header)).toEqual(['名称', '单元数', '层数', '每层户数']);
    expect(IMPORT_COLUMNS.places.filter((c) => c.required).map((c) => c.header)).toEqual(['名称', '类型']);
    expect(IMPORT_COLUMNS.things.filter((c) => c.required).map((c) => c.header)).toEqual(['名称', '类型', '风险等级']);
  });
});

describe('the words of every choice', () => {
  it.each<[Parameters<typeof zhOptions>[0], string[]]>([
    ['gender', ['男', '女']],
    ['relation', ['户主', '配偶', '子女', '父母', '孙辈', '兄弟姐妹', '其他']],
    ['residenceKind', ['户籍', '常住', '流动', '空挂']],
    ['placeKind', ['商铺', '企业', '学校', '公园', '医院', '市场', '其他']],
    ['thingKind', ['消防栓', '窨井盖', '堡坎', '外立面', '边坡', '其他']],
    ['riskLevel', ['低', '中', '高', '重大']],
    ['yesNo', ['是', '否']],
  ])('of %s are %j', (set, words) => {
    expect(zhOptions(set)).toEqual(words);
  });

  it('have an English word for every code, each different', () => {
    for (const set of Object.keys(LABELS) as (keyof typeof LABELS)[]) {
      const en = (LABEL_CODES[set] as readonly string[]).map((code) => (LABELS[set] as Record<string, { en: string }>)[code]!.en);
      expect(en.every((w) => /^[A-Z][A-Za-z ,'-]*$/.test(w))).toBe(true);
      expect(new Set(en).size).toBe(en.length);
    }
  });
});

describe('matching a file\'s header row', () => {
  it('finds each column by its Chinese or English header in any order, and skips columns it does not read', () => {
    expect(matchHeaders('things', ['风险等级', 'Name', '类型', '巡查周期(天)', '序号', null, ' 地址 '])).toEqual({
      ok: true, keys: ['riskLevel', 'name', 'kind', 'inspectionEveryDays', null, null, 'address'],
    });
    expect(matchHeaders('residents', ['*姓名', '身份证号*', 'ID NUMBER '])).toMatchObject({ ok: false, repeated: [{ header: '身份证号' }] });
    expect(matchHeaders('residents', ['姓名 *', '身份证号'])).toEqual({ ok: true, keys: ['name', 'idNumber'] });
  });

  it('names the required columns a file lacks', () => {
    const m = matchHeaders('buildings', ['名称', '层数']);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.missing.map((c) => c.header)).toEqual(['单元数', '每层户数']);
  });
});
