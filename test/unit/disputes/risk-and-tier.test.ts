import { describe, expect, it } from 'vitest';
import { assessRisk, riskReasonEn } from '../../../src/domain/disputes/risk.ts';
import { handlingUnitOf, suggestTier, tierBelow, tierRefusal } from '../../../src/domain/disputes/tier.ts';
import type { RiskFactors } from '../../../src/shared/disputes.ts';

const quiet: RiskFactors = { threats: false, groupSize: 0, amountYuan: null, note: null };
const two = [{ vulnerable: false }, { vulnerable: false }];

/*
 * Real situations a 春晖路 mediator meets, with the risk, the reasons and the tier written down by hand from the rules in
 * risk.ts and tier.ts (gridsOfParties: in how many grids the parties live).
 */
const situations: {
  name: string; classCode: string; factors: Partial<RiskFactors>; flareUps?: number; parties?: { vulnerable: boolean }[]; grids?: number;
  level: 'low' | 'medium' | 'high'; reasons: string[]; tier: 'onSpot' | 'joint' | 'escalated';
}[] = [
  { name: '楼上装修噪音，两户邻居，同一网格', classCode: '02', factors: {}, level: 'low', reasons: [], tier: 'onSpot' },
  { name: '楼上漏水，楼下在隔壁网格的另一栋', classCode: '02', factors: {}, grids: 2, level: 'low', reasons: [], tier: 'joint' },
  { name: '赡养纠纷，母亲78岁（弱势）', classCode: '01', factors: {}, parties: [{ vulnerable: true }, { vulnerable: false }], level: 'medium', reasons: ['涉及弱势当事人'], tier: 'joint' },
  { name: '邻里纠纷第1次复发', classCode: '02', factors: {}, flareUps: 1, level: 'medium', reasons: ['第1次复发'], tier: 'joint' },
  { name: '宠物纠纷第2次复发', classCode: '02', factors: {}, flareUps: 2, level: 'high', reasons: ['第2次复发'], tier: 'escalated' },
  { name: '宅基地界址，一方扬言要动刀', classCode: '03', factors: { threats: true }, level: 'high', reasons: ['有扬言极端行为'], tier: 'escalated' },
  { name: '工地欠薪，12名农民工', classCode: '10', factors: { groupSize: 12, amountYuan: 180_000 }, level: 'high', reasons: ['群体性（12人）', '涉及金额18万元'], tier: 'escalated' },
  { name: '工地欠薪，6名农民工（欠薪类别群体即高风险）', classCode: '10', factors: { groupSize: 6, amountYuan: 42_000 }, level: 'high', reasons: ['群体性（6人）', '拖欠农民工工资群体性纠纷'], tier: 'escalated' },
  { name: '补偿安置，5户村民', classCode: '08', factors: { groupSize: 5 }, level: 'high', reasons: ['群体性（5人）', '征地拆迁群体性纠纷'], tier: 'escalated' },
  { name: '餐馆油烟，7户居民联名', classCode: '09', factors: { groupSize: 7 }, level: 'medium', reasons: ['群体性（7人）'], tier: 'joint' },
  { name: '借款合同，欠款12.5万元', classCode: '04', factors: { amountYuan: 125_000 }, level: 'medium', reasons: ['涉及金额12.5万元'], tier: 'joint' },
  { name: '借款合同，欠款9.9万元', classCode: '04', factors: { amountYuan: 99_999 }, level: 'low', reasons: [], tier: 'onSpot' },
  { name: '土地流转，4户（不到群体）', classCode: '07', factors: { groupSize: 4 }, level: 'low', reasons: [], tier: 'onSpot' },
  { name: '复发一次且当事人残疾（升为高）', classCode: '02', factors: {}, flareUps: 1, parties: [{ vulnerable: true }], level: 'high', reasons: ['第1次复发', '涉及弱势当事人'], tier: 'escalated' },
  { name: '扬言且老人当事人（高不再升）', classCode: '01', factors: { threats: true }, parties: [{ vulnerable: true }, { vulnerable: true }], level: 'high', reasons: ['有扬言极端行为', '涉及弱势当事人（2人）'], tier: 'escalated' },
];

describe('assessRisk and suggestTier on real situations', () => {
  it.each(situations)('$name → $level, $tier', (s) => {
    const factors = { ...quiet, ...s.factors };
    const risk = assessRisk({ factors, flareUps: s.flareUps ?? 0, parties: s.parties ?? two, classCode: s.classCode });
    expect(risk.level).toBe(s.level);
    expect(risk.reasons).toEqual(s.reasons);
    expect(risk.reasonsEn).toHaveLength(s.reasons.length);
    const tier = suggestTier({ risk: risk.level, groupSize: factors.groupSize, gridsOfParties: s.grids ?? 1, classCode: s.classCode });
    expect(tier.tier).toBe(s.tier);
    expect(tier.reasons.length).toBeGreaterThan(0);
  });

  it('names the flare-up count and the group size', () => {
    expect(assessRisk({ factors: quiet, flareUps: 3, parties: two, classCode: '02' }).reasons).toEqual(['第3次复发']);
    expect(assessRisk({ factors: { ...quiet, groupSize: 10 }, flareUps: 0, parties: two, classCode: '02' })).toMatchObject({ level: 'high', reasons: ['群体性（10人）'] });
  });
});

describe('tiers', () => {
  it.each([
    ['onSpot', 'joint', true], ['onSpot', 'escalated', true], ['joint', 'escalated', true],
    ['joint', 'joint', false], ['escalated', 'joint', false], ['joint', 'onSpot', false],
  ] as const)('%s below %s: %s', (a, b, below) => expect(tierBelow(a, b)).toBe(below));

  it.each([
    ['onSpot', 'joint', null, 'DISPUTE_TIER_REASON_REQUIRED'],
    ['onSpot', 'joint', '   ', 'DISPUTE_TIER_REASON_REQUIRED'],
    ['joint', 'escalated', '双方已同意由社区调解', null],
    ['escalated', 'joint', null, null],
    ['joint', 'joint', null, null],
  ] as const)('chosen %s, suggested %s, reason %j → %s', (chosen, suggested, reason, refusal) => {
    expect(tierRefusal(chosen, suggested, reason)).toBe(refusal);
  });

  it('hands a dispute to the grid, the community or the town', () => {
    const units = { gridId: 'grid-7', communityId: 'community-2', townId: 'town-1' };
    expect(handlingUnitOf('onSpot', units)).toBe('grid-7');
    expect(handlingUnitOf('joint', units)).toBe('community-2');
    expect(handlingUnitOf('escalated', units)).toBe('town-1');
  });
});

describe('riskReasonEn', () => {
  it('reads every reason the rules write back in English, the same as the rules said', () => {
    const all = assessRisk({
      factors: { threats: true, groupSize: 6, amountYuan: 125_000, note: null }, flareUps: 2,
      parties: [{ vulnerable: true }, { vulnerable: true }], classCode: '10',
    });
    expect(all.reasons.map(riskReasonEn)).toEqual(all.reasonsEn);
    const one = assessRisk({ factors: { ...quiet, groupSize: 5 }, flareUps: 1, parties: [{ vulnerable: true }], classCode: '08' });
    expect(one.reasons.map(riskReasonEn)).toEqual(one.reasonsEn);
    expect(riskReasonEn('涉及金额10万元')).toBe('100,000 yuan at stake');
    expect(riskReasonEn('其他原因')).toBe('其他原因');
  });
});
