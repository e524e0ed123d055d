import { describe, expect, it } from 'vitest';
import { compareLevels, levelsUpTo, planHasLevel, planRefusals, stepsAddedBy, stepsAt } from '../../../src/domain/plans/plan-rules.ts';
import type { PlanBody, PlanStep } from '../../../src/shared/plans.ts';

const step = (key: string, fromLevel: PlanStep['fromLevel'], dueOffsetMin = 30, roleKey = 'cmd'): PlanStep => ({
  key, title: `步骤${key}`, roleKey, dueOffsetMin, fromLevel, checklist: ['到场', '上报'],
});

// A flood plan with three levels: s1, s2 at Ⅳ; s3 at Ⅲ; s4 at Ⅱ.
const flood: PlanBody = {
  name: '清水溪河道涨水应急预案', hazard: 'flood', matterCode: 'S0302', summary: '清水溪沿岸',
  levels: ['IV', 'III', 'II'],
  triggers: [
    { kind: 'alarm', alarmType: 'waterLevelHigh', minLevel: 'orange', level: 'IV', activate: 'suggest' },
    { kind: 'case', categoryCode: 'S0302', level: 'IV', activate: 'suggest' },
    { kind: 'manual' },
  ],
  roles: [
    { key: 'cmd', name: '现场指挥', postCode: 'PA-YJGL', backupAccountIds: [] },
    { key: 'rescue', name: '抢险队', postCode: null, backupAccountIds: ['acc-1'] },
  ],
  steps: [step('s1', 'IV', 15), step('s2', 'IV', 30, 'rescue'), step('s3', 'III', 60), step('s4', 'II', 120)],
  resources: [{ key: 'r1', kind: 'shelter', name: '春晖路小学', quantity: 300, unit: '人', location: { lng: 106.48, lat: 29.46 }, address: null, contactName: '张老师', contactPhone: '13800001234' }],
  notice: { event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '清水溪水位超警', description: '水位上涨', instruction: '远离河道', areaDesc: '清水溪沿岸', expiresAfterH: 12 },
};
const keys = (steps: { key: string }[]) => steps.map((s) => s.key);

describe('level arithmetic', () => {
  it.each([
    ['IV', 'III', -1], ['III', 'IV', 1], ['I', 'I', 0], ['IV', 'I', -1], ['II', 'III', 1],
  ] as const)('compareLevels(%s, %s) has the sign %i', (a, b, expected) => {
    expect(Math.sign(compareLevels(a, b))).toBe(expected);
  });

  it.each([
    ['IV', ['IV']], ['III', ['IV', 'III']], ['II', ['IV', 'III', 'II']], ['I', ['IV', 'III', 'II']],
  ] as const)('levelsUpTo %s of Ⅳ/Ⅲ/Ⅱ', (level, expected) => {
    expect(levelsUpTo(flood.levels, level)).toEqual(expected);
  });

  it('planHasLevel', () => {
    expect(planHasLevel(flood, 'III')).toBe(true);
    expect(planHasLevel(flood, 'I')).toBe(false);
  });

  it.each([
    ['IV', ['s1', 's2']], ['III', ['s1', 's2', 's3']], ['II', ['s1', 's2', 's3', 's4']], ['I', ['s1', 's2', 's3', 's4']],
  ] as const)('stepsAt %s', (level, expected) => {
    expect(keys(stepsAt(flood, level))).toEqual(expected);
  });

  it.each([
    ['IV', 'III', ['s3']], ['IV', 'II', ['s3', 's4']], ['III', 'II', ['s4']], ['II', 'I', []],
    ['III', 'IV', []], ['II', 'IV', []], ['III', 'III', []],
  ] as const)('stepsAddedBy %s → %s', (from, to, expected) => {
    expect(keys(stepsAddedBy(flood, from, to))).toEqual(expected);
  });

  it('stepsAddedBy keeps the plan\'s order when steps of levels interleave', () => {
    const body = { steps: [step('a', 'II'), step('b', 'IV'), step('c', 'III'), step('d', 'II')] };
    expect(keys(stepsAddedBy(body, 'IV', 'II'))).toEqual(['a', 'c', 'd']);
  });
});

describe('planRefusals', () => {
  it('a sound plan has none', () => {
    expect(planRefusals(flood)).toEqual([]);
  });

  it.each<[string, (b: PlanBody) => PlanBody, string[]]>([
    ['no name', (b) => ({ ...b, name: '  ' }), ['预案名称不能为空']],
    ['no levels', (b) => ({ ...b, levels: [], steps: [], triggers: [] }), ['预案至少要有一个响应级别', '预案至少要有一个处置步骤']],
    ['levels out of order', (b) => ({ ...b, levels: ['III', 'IV', 'II'] }), ['响应级别须由低到高排列（Ⅳ级→Ⅰ级）']],
    ['a level twice', (b) => ({ ...b, levels: ['IV', 'IV', 'III', 'II'] }), ['响应级别Ⅳ级重复']],
    ['an unknown level', (b) => ({ ...b, levels: ['IV', 'V' as never, 'III', 'II'] }), ['响应级别只能是Ⅳ级、Ⅲ级、Ⅱ级、Ⅰ级']],
    ['two roles with one key', (b) => ({ ...b, roles: [...b.roles, { key: 'cmd', name: '副指挥', postCode: 'PA-AQSC', backupAccountIds: [] }] }), ['角色编号“cmd”重复']],
    ['a role nobody can fill', (b) => ({ ...b, roles: [...b.roles, { key: 'x', name: '联络员', postCode: null, backupAccountIds: [] }] }), ['角色“联络员”既没有岗位也没有后备人员']],
    ['a back-up named twice', (b) => ({ ...b, roles: [b.roles[0]!, { ...b.roles[1]!, backupAccountIds: ['acc-1', 'acc-1'] }] }), ['角色“抢险队”的后备人员重复：acc-1']],
    ['no steps', (b) => ({ ...b, steps: [] }), ['预案至少要有一个处置步骤']],
    ['two steps with one key', (b) => ({ ...b, steps: [...b.steps, step('s1', 'IV')] }), ['步骤编号“s1”重复']],
    ['a step of a missing role', (b) => ({ ...b, steps: [...b.steps, step('s5', 'IV', 10, 'medic')] }), ['步骤“步骤s5”的执行角色“medic”不存在']],
    ['a step from a level the plan lacks', (b) => ({ ...b, steps: [...b.steps, step('s5', 'I')] }), ['步骤“步骤s5”的起始级别Ⅰ级不在预案的响应级别中']],
    ['a negative offset (the schema refuses it first)', (b) => ({ ...b, steps: [step('s1', 'IV', -5), ...b.steps.slice(1)] }), ['步骤“步骤s1”的完成时限不能为负']],
    ['a blank checklist item', (b) => ({ ...b, steps: [{ ...step('s1', 'IV'), checklist: ['到场', ' '] }, ...b.steps.slice(1)] }), ['步骤“步骤s1”有空白的检查项']],
    ['a trigger at a level the plan lacks', (b) => ({ ...b, triggers: [{ kind: 'alarm', alarmType: 'waterLevelCritical', minLevel: 'red', level: 'I', activate: 'auto' }] }),
      ['第1个启动条件的启动级别Ⅰ级不在预案的响应级别中']],
    ['a case trigger without a category', (b) => ({ ...b, triggers: [{ kind: 'manual' }, { kind: 'case', categoryCode: '', level: 'IV', activate: 'suggest' }] }), ['第2个启动条件缺少事项分类']],
    ['two resources with one key', (b) => ({ ...b, resources: [...b.resources, { ...b.resources[0]!, name: '冲锋舟' }] }), ['资源编号“r1”重复']],
    ['a resource off the earth', (b) => ({ ...b, resources: [{ ...b.resources[0]!, location: { lng: 206.48, lat: 29.46 } }] }), ['资源“春晖路小学”的位置不在经度−180～180、纬度−90～90之内']],
    ['a resource at latitude 91', (b) => ({ ...b, resources: [{ ...b.resources[0]!, location: { lng: 106.48, lat: 91 } }] }), ['资源“春晖路小学”的位置不在经度−180～180、纬度−90～90之内']],
    ['a resource without a place is fine', (b) => ({ ...b, resources: [{ ...b.resources[0]!, location: null }] }), []],
    ['no headline or instruction', (b) => ({ ...b, notice: { ...b.notice, headline: '', instruction: ' ' } }), ['预警通知的标题不能为空', '预警通知的防护指引不能为空']],
    ['a notice that expires at once', (b) => ({ ...b, notice: { ...b.notice, expiresAfterH: 0 } }), ['预警通知的有效时长须大于0小时']],
  ])('%s', (_name, change, expected) => {
    expect(planRefusals(change(structuredClone(flood)))).toEqual(expected);
  });
});
