import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bandText, factRefusals, matterRefusals, penaltyDeparture, penaltyRefusals, proposeBenchmark } from '../../../src/domain/enforcement/benchmarks.ts';
import type { EnforcementMatterBody, Facts } from '../../../src/shared/enforcement.ts';

/** 占道经营, as a town sets its benchmarks (written here by hand, not read from the catalog). */
const roadside: EnforcementMatterBody = {
  code: 'T-ZDJY', name: '占道经营', category: '市容环境卫生', source: 'empowered', delegatedBy: '区城市管理局',
  violationBasis: { law: '《城市市容和环境卫生管理条例》', article: '第十四条', text: '…' },
  penaltyBasis: { law: '《重庆市市容环境卫生管理条例》', article: '第十八条第二款', text: '…' },
  loopCategoryCodes: ['E0401'],
  facts: [
    { key: 'areaSqm', label: '占道面积', kind: 'number', unit: '平方米', min: 0, max: 500 },
    { key: 'firstOffence', label: '首次被查处', kind: 'boolean' },
    { key: 'correctedAtOnce', label: '当场改正', kind: 'boolean' },
    { key: 'subjectKind', label: '当事人类型', kind: 'choice', options: [{ value: 'person', label: '个人' }, { value: 'firm', label: '单位' }] },
    { key: 'blocksPassage', label: '影响通行', kind: 'boolean', optional: true },
  ],
  benchmarks: [
    { key: 'none', name: '不予处罚', conditions: [{ fact: 'firstOffence', op: 'eq', value: true }, { fact: 'correctedAtOnce', op: 'eq', value: true }],
      penalty: { kinds: ['none'], minYuan: null, maxYuan: null }, description: '首违不罚' },
    { key: 'firm', name: '单位', conditions: [{ fact: 'subjectKind', op: 'eq', value: 'firm' }],
      penalty: { kinds: ['fine'], minYuan: 500, maxYuan: 2000 }, description: '单位' },
    { key: 'heavy', name: '从重', conditions: [{ fact: 'firstOffence', op: 'eq', value: false }, { fact: 'areaSqm', op: 'gt', value: 5 }],
      penalty: { kinds: ['fine'], minYuan: 200, maxYuan: 500 }, description: '再犯且超过5平方米' },
    { key: 'blocking', name: '从重（阻碍通行）', conditions: [{ fact: 'blocksPassage', op: 'eq', value: true }],
      penalty: { kinds: ['fine'], minYuan: 200, maxYuan: 500 }, description: '阻碍通行' },
    { key: 'light', name: '从轻', conditions: [{ fact: 'areaSqm', op: 'lte', value: 3 }],
      penalty: { kinds: ['warning', 'fine'], minYuan: 50, maxYuan: 100 }, description: '不超过3平方米' },
    { key: 'general', name: '一般', conditions: [], penalty: { kinds: ['fine'], minYuan: 100, maxYuan: 300 }, description: '其他' },
  ],
};

/** 占用、堵塞消防车通道 (消防法第二十八条、第六十条): units 5,000–50,000 yuan; persons a warning or up to 500. */
const fireLane: EnforcementMatterBody = {
  code: 'T-XFTD', name: '占用堵塞消防车通道', category: '消防安全', source: 'entrusted', delegatedBy: '区消防救援支队',
  violationBasis: { law: '《中华人民共和国消防法》', article: '第二十八条', text: '…' },
  penaltyBasis: { law: '《中华人民共和国消防法》', article: '第六十条', text: '…' },
  loopCategoryCodes: ['E0402'],
  facts: [
    { key: 'subject', label: '当事人类型', kind: 'choice', options: [{ value: 'person', label: '个人' }, { value: 'firm', label: '单位' }] },
    { key: 'minutesBlocked', label: '占用时长', kind: 'number', unit: '分钟', min: 0 },
    { key: 'movedOnNotice', label: '接到通知后立即移走', kind: 'boolean' },
  ],
  benchmarks: [
    { key: 'personLight', name: '从轻（个人）', conditions: [{ fact: 'subject', op: 'eq', value: 'person' }, { fact: 'movedOnNotice', op: 'eq', value: true }],
      penalty: { kinds: ['warning'], minYuan: null, maxYuan: null }, description: '个人，及时改正' },
    { key: 'person', name: '一般（个人）', conditions: [{ fact: 'subject', op: 'in', value: ['person'] }],
      penalty: { kinds: ['warning', 'fine'], minYuan: 100, maxYuan: 500 }, description: '个人' },
    { key: 'firmHeavy', name: '从重（单位）', conditions: [{ fact: 'subject', op: 'eq', value: 'firm' }, { fact: 'minutesBlocked', op: 'gte', value: 60 }],
      penalty: { kinds: ['fine'], minYuan: 20000, maxYuan: 50000 }, description: '单位，占用一小时以上' },
    { key: 'firm', name: '一般（单位）', conditions: [{ fact: 'subject', op: 'eq', value: 'firm' }],
      penalty: { kinds: ['fine'], minYuan: 5000, maxYuan: 20000 }, description: '单位' },
  ],
};

const person = { subjectKind: 'person' };

describe('proposeBenchmark on real cases', () => {
  it.each<[string, EnforcementMatterBody, Facts, string]>([
    ['占道经营 first offence, cleared the stall at once → 不予处罚', roadside, { ...person, areaSqm: 4, firstOffence: true, correctedAtOnce: true }, 'none'],
    ['first offence, 2 m², refused to clear → 从轻', roadside, { ...person, areaSqm: 2, firstOffence: true, correctedAtOnce: false }, 'light'],
    ['repeated, 6 m² → 从重 200–500', roadside, { ...person, areaSqm: 6, firstOffence: false, correctedAtOnce: true }, 'heavy'],
    ['repeated, exactly 5 m² → not 从重 (gt 5), 一般', roadside, { ...person, areaSqm: 5, firstOffence: false, correctedAtOnce: false }, 'general'],
    ['repeated, 3 m² → 从轻 (lte 3)', roadside, { ...person, areaSqm: 3, firstOffence: false, correctedAtOnce: false }, 'light'],
    ['a shop (firm) repeated, 8 m² → the firm band is read first', roadside, { subjectKind: 'firm', areaSqm: 8, firstOffence: false, correctedAtOnce: false }, 'firm'],
    ['first offence, 4 m², blocking the pavement → 从重（阻碍通行）', roadside, { ...person, areaSqm: 4, firstOffence: true, correctedAtOnce: false, blocksPassage: true }, 'blocking'],
    ['first offence, 4 m², not blocking (optional fact absent) → 一般', roadside, { ...person, areaSqm: 4, firstOffence: true, correctedAtOnce: false }, 'general'],
    ['消防通道 a resident\'s car, moved when called → 从轻（个人）warning', fireLane, { subject: 'person', minutesBlocked: 20, movedOnNotice: true }, 'personLight'],
    ['a resident\'s car left for two hours → 一般（个人）', fireLane, { subject: 'person', minutesBlocked: 120, movedOnNotice: false }, 'person'],
    ['a logistics firm\'s lorry for 90 minutes → 从重（单位）', fireLane, { subject: 'firm', minutesBlocked: 90, movedOnNotice: false }, 'firmHeavy'],
    ['a firm moved at once after 10 minutes → 一般（单位）', fireLane, { subject: 'firm', minutesBlocked: 10, movedOnNotice: true }, 'firm'],
  ])('%s', (_, matter, facts, key) => {
    const p = proposeBenchmark(matter, facts);
    expect(p.ok && p.benchmark.key).toBe(key);
  });

  it('a missing fact is named (not an optional one)', () => {
    const p = proposeBenchmark(roadside, { ...person, areaSqm: 4 });
    expect(p).toMatchObject({ ok: false, code: 'ENFORCEMENT_FACT_MISSING' });
    expect(p.ok === false && p.code === 'ENFORCEMENT_FACT_MISSING' && p.missing.map((f) => f.label)).toEqual(['首次被查处', '当场改正']);
  });

  it('refuses unknown facts, wrong types, numbers out of range and unknown options', () => {
    expect(factRefusals(roadside, { ...person, areaSqm: 600, firstOffence: 'yes', correctedAtOnce: true, colour: 'red' }).invalid).toEqual([
      '未定义的事实「colour」', '「占道面积」应在0～500平方米之间', '「首次被查处」应为是或否',
    ]);
    expect(factRefusals(roadside, { subjectKind: 'shop', areaSqm: 1, firstOffence: true, correctedAtOnce: true }).invalid).toEqual(['「当事人类型」应为个人、单位之一']);
    const p = proposeBenchmark(roadside, { ...person, areaSqm: -1, firstOffence: true, correctedAtOnce: true });
    expect(p).toMatchObject({ ok: false, code: 'ENFORCEMENT_INVALID', reasons: ['「占道面积」应在0～500平方米之间'] });
  });

  it('facts that hold for no benchmark are told apart', () => {
    const noCatchAll = { ...fireLane, benchmarks: fireLane.benchmarks.filter((b) => b.key.startsWith('person')) };
    expect(proposeBenchmark(noCatchAll, { subject: 'firm', minutesBlocked: 5, movedOnNotice: true })).toEqual({ ok: false, code: 'ENFORCEMENT_NO_BENCHMARK' });
  });
});

describe('penaltyDeparture', () => {
  it.each<[string, string, { benchmarkKey: string; penalty: { kind: 'none' | 'warning' | 'fine' | 'confiscation'; fineYuan: number | null } }, boolean, string[]]>([
    ['the proposed benchmark, a fine in range', 'heavy', { benchmarkKey: 'heavy', penalty: { kind: 'fine', fineYuan: 300 } }, false, []],
    ['the range\'s ends are inside', 'heavy', { benchmarkKey: 'heavy', penalty: { kind: 'fine', fineYuan: 500 } }, false, []],
    ['a warning within a warning-or-fine band', 'light', { benchmarkKey: 'light', penalty: { kind: 'warning', fineYuan: null } }, false, []],
    ['a fine above the range', 'heavy', { benchmarkKey: 'heavy', penalty: { kind: 'fine', fineYuan: 800 } }, true, ['罚款800元高于建议幅度（罚款200～500元）']],
    ['a fine below the range', 'light', { benchmarkKey: 'light', penalty: { kind: 'fine', fineYuan: 20 } }, true, ['罚款20元低于建议幅度（警告或罚款50～100元）']],
    ['a warning where only a fine is proposed', 'general', { benchmarkKey: 'general', penalty: { kind: 'warning', fineYuan: null } }, true, ['处罚种类「警告」不在建议幅度内（罚款）']],
    ['another benchmark', 'general', { benchmarkKey: 'light', penalty: { kind: 'fine', fineYuan: 80 } }, true, ['选用「从轻」而非建议的「一般」', '罚款80元低于建议幅度（罚款100～300元）']],
  ])('%s', (_, proposed, chosen, departs, reasons) => {
    const d = penaltyDeparture(roadside, proposed, chosen);
    expect(d.departs).toBe(departs);
    expect(d.reasons).toEqual(reasons);
  });

  it('refuses a choice that cannot be weighed', () => {
    expect(penaltyRefusals(roadside, { benchmarkKey: 'heavy', penalty: { kind: 'fine', fineYuan: 300 } }).zh).toEqual([]);
    expect(penaltyRefusals(roadside, { benchmarkKey: 'nope', penalty: { kind: 'fine', fineYuan: null } }).zh).toEqual(['本事项没有裁量基准「nope」', '罚款须填写大于零的金额']);
    expect(penaltyRefusals(roadside, { benchmarkKey: 'light', penalty: { kind: 'warning', fineYuan: 50 } }).zh).toEqual(['只有罚款才填写金额']);
  });

  it('writes a band as people read it', () => {
    expect(bandText(roadside.benchmarks[0]!.penalty)).toBe('不予处罚');
    expect(bandText(roadside.benchmarks[4]!.penalty)).toBe('警告或罚款50～100元');
  });
});

describe('matterRefusals', () => {
  it('passes a sound matter', () => {
    expect(matterRefusals(roadside)).toEqual([]);
    expect(matterRefusals(fireLane)).toEqual([]);
  });

  it('names what is wrong with a matter', () => {
    const bad: EnforcementMatterBody = {
      ...roadside,
      facts: [...roadside.facts, { key: 'areaSqm', label: '面积', kind: 'number', unit: 'm²', min: 10, max: 1 }],
      benchmarks: [
        { key: 'a', name: '甲', conditions: [{ fact: 'ghost', op: 'eq', value: true }], penalty: { kinds: ['fine'], minYuan: 500, maxYuan: 100 }, description: '' },
        { key: 'a', name: '乙', conditions: [{ fact: 'firstOffence', op: 'gt', value: 1 }, { fact: 'subjectKind', op: 'eq', value: 'shop' }], penalty: { kinds: ['fine'], minYuan: null, maxYuan: 100 }, description: '' },
        { key: 'c', name: '丙', conditions: [], penalty: { kinds: [], minYuan: null, maxYuan: null }, description: '' },
        { key: 'd', name: '丁', conditions: [], penalty: { kinds: ['warning'], minYuan: 10, maxYuan: 20 }, description: '' },
      ],
    };
    expect(matterRefusals(bad)).toEqual([
      '事实编码「areaSqm」重复', '事实「面积」的下限大于上限',
      '裁量基准「甲」的条件引用了未定义的事实「ghost」', '裁量基准「甲」的罚款幅度有误（下限须不小于0且不大于上限）',
      '裁量基准编码「a」重复', '裁量基准「乙」的条件「首次被查处」只能比较是或否', '裁量基准「乙」的条件「当事人类型」引用了不存在的选项', '裁量基准「乙」含罚款，须写明罚款幅度',
      '裁量基准「丙」未写处罚种类',
      '裁量基准「丁」不含罚款，不应写罚款幅度',
    ]);
    expect(matterRefusals({ ...roadside, benchmarks: [] })).toEqual(['至少需要一条裁量基准']);
  });

  it('passes every matter of the seeded catalog', () => {
    const catalog = JSON.parse(readFileSync('src/server/enforcement/catalog/matters.json', 'utf8')) as { matters: EnforcementMatterBody[] };
    expect(catalog.matters.length).toBeGreaterThanOrEqual(12);
    for (const m of catalog.matters) expect(matterRefusals(m), m.code).toEqual([]);
  });
});
