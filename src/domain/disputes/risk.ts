// The risk of a dispute (矛盾纠纷风险等级), assessed at registration, when staff re-assess it and when its parties change.
// Plain rules over plain data, no I/O, no clock. The rules, in the order they are read:
//   1. threats of violence, self-harm or extreme acts (扬言极端行为) → high
//   2. a second or later flare-up (复发 ≥ 2) → high; a first flare-up → at least medium
//   3. a group (群体性) of ≥ 10 people → high; of ≥ 5 → at least medium
//   4. classes 08 征地拆迁纠纷 and 10 拖欠农民工工资纠纷 with a group of ≥ 5 → high
//   5. money at stake ≥ 100,000 yuan → at least medium
//   6. a vulnerable party (age, registry tags or marked by staff: see vulnerable.ts) raises the level by one (high stays high)
// Every rule that holds adds its reason (zh, and the same in English), in this order; no reason means low.
import type { RiskFactors, RiskLevel } from '../../shared/disputes.ts';

export const RISK_GROUP_MEDIUM = 5;
export const RISK_GROUP_HIGH = 10;
export const RISK_AMOUNT_MEDIUM_YUAN = 100_000;
/** 征地拆迁纠纷, 拖欠农民工工资纠纷: a group in these classes is high risk (集体上访 and 讨薪 are the usual flash points). */
export const RISK_GROUP_CLASSES = ['08', '10'] as const;

export interface RiskInput {
  factors: RiskFactors;
  /** how many times this dispute flared up again (0 for a first dispute; reopened_from chains count) */
  flareUps: number;
  parties: readonly { vulnerable: boolean }[];
  classCode: string;
}

export interface RiskAssessment {
  level: RiskLevel;
  /** the rules' reasons in Chinese (stored as risk_reasons) */
  reasons: string[];
  /** the same reasons in English, in the same order */
  reasonsEn: string[];
}

const ORDER: readonly RiskLevel[] = ['low', 'medium', 'high'];
const atLeast = (a: RiskLevel, b: RiskLevel): RiskLevel => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);
const raised = (a: RiskLevel): RiskLevel => ORDER[Math.min(ORDER.indexOf(a) + 1, ORDER.length - 1)]!;

/** The risk level of a dispute and the reasons for it. */
export function assessRisk(input: RiskInput): RiskAssessment {
  const { factors, flareUps, parties, classCode } = input;
  const group = Math.max(0, Math.floor(factors.groupSize || 0));
  const reasons: string[] = [];
  const reasonsEn: string[] = [];
  let level: RiskLevel = 'low';
  const add = (to: RiskLevel, zh: string, en: string) => {
    level = atLeast(level, to);
    reasons.push(zh);
    reasonsEn.push(en);
  };

  if (factors.threats) add('high', '有扬言极端行为', 'threats of violence or extreme acts');
  if (flareUps >= 2) add('high', `第${flareUps}次复发`, `flared up ${flareUps} times`);
  else if (flareUps === 1) add('medium', '第1次复发', 'flared up once before');
  if (group >= RISK_GROUP_HIGH) add('high', `群体性（${group}人）`, `a group of ${group} people`);
  else if (group >= RISK_GROUP_MEDIUM) {
    const classHigh = (RISK_GROUP_CLASSES as readonly string[]).includes(classCode);
    add(classHigh ? 'high' : 'medium', `群体性（${group}人）`, `a group of ${group} people`);
    if (classHigh) {
      const zh = classCode === '08' ? '征地拆迁群体性纠纷' : '拖欠农民工工资群体性纠纷';
      const en = classCode === '08' ? 'a group dispute over land taking or demolition' : 'a group dispute over unpaid migrant workers\' wages';
      reasons.push(zh);
      reasonsEn.push(en);
    }
  }
  if (factors.amountYuan !== null && factors.amountYuan >= RISK_AMOUNT_MEDIUM_YUAN) {
    add('medium', `涉及金额${formatWan(factors.amountYuan)}`, `${factors.amountYuan.toLocaleString('en-US')} yuan at stake`);
  }
  const vulnerable = parties.filter((p) => p.vulnerable).length;
  if (vulnerable > 0) {
    level = raised(level);
    reasons.push(vulnerable > 1 ? `涉及弱势当事人（${vulnerable}人）` : '涉及弱势当事人');
    reasonsEn.push(vulnerable > 1 ? `${vulnerable} vulnerable parties` : 'a vulnerable party');
  }
  return { level, reasons, reasonsEn };
}

/** 100000 → 10万元, 125000 → 12.5万元 */
function formatWan(yuan: number): string {
  const wan = Math.round(yuan / 1000) / 10;
  return `${wan}万元`;
}

/**
 * A stored reason (risk_reasons holds the Chinese) in English, for the English page: the rules' own reasons are
 * recognised; anything else (a reason written before these rules) is returned as it is.
 */
export function riskReasonEn(reason: string): string {
  const m = (re: RegExp) => reason.match(re);
  let x: RegExpMatchArray | null;
  if (reason === '有扬言极端行为') return 'threats of violence or extreme acts';
  if ((x = m(/^第(\d+)次复发$/))) return x[1] === '1' ? 'flared up once before' : `flared up ${x[1]} times`;
  if ((x = m(/^群体性（(\d+)人）$/))) return `a group of ${x[1]} people`;
  if (reason === '征地拆迁群体性纠纷') return 'a group dispute over land taking or demolition';
  if (reason === '拖欠农民工工资群体性纠纷') return 'a group dispute over unpaid migrant workers\' wages';
  if ((x = m(/^涉及金额([\d.]+)万元$/))) return `${Math.round(Number(x[1]) * 10_000).toLocaleString('en-US')} yuan at stake`;
  if (reason === '涉及弱势当事人') return 'a vulnerable party';
  if ((x = m(/^涉及弱势当事人（(\d+)人）$/))) return `${x[1]} vulnerable parties`;
  return reason;
}
