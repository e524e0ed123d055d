import type { DemoContext } from '../../platform/capability.ts';
import type { Tx } from '../../platform/db/db.ts';
import { PiiCipher, loadPiiKey } from '../../platform/pii-cipher.ts';
import { AppError } from '../../platform/errors.ts';
import { Random } from '../../cases/demo/random.ts';
import { findDemoAccount } from '../../registry/demo/demo-store.ts';
import { personOfAccount } from '../../participation/person.ts';
import type { AssessmentItem, PointRuleInput } from '../../../shared/points.ts';
import { periodKey } from '../../../domain/points/rules.ts';
import { applyRule, publishedRules, reverseTransaction, type PublishedRule } from '../ledger.ts';
import { publishRules, saveRules } from '../rules.ts';
import { approveAssessment, findAssessment, peerReview, selfReport } from '../assessments.ts';
import { findHousehold, type Actor, type Unit } from '../ledger-store.ts';

/*
 * 微积分's demo ledger (issue 16): the 积分细则 of 春晖社区 and of a second community of the town (base items checked
 * by the monthly assessment, bonuses for good deeds and for the system's five events, deductions, a veto), published
 * six weeks ago; then six weeks of the community's work played day by day through the ledger's own commands — weekly
 * awards for courtyards and sorting to the households of the demo grids, good deeds, a few deductions, a correction
 * reversed (a double entry), one veto (a shed built on the green) — last month's assessments self-reported, peer
 * reviewed by the grid worker and approved by the community, and this month's self-reports waiting for peer review.
 * 周淑芬's household (the demo resident's) ends with more than 300 points and a history of every kind.
 * Idempotent: nothing is done when 春晖社区 already has published rules.
 */

const DAY = 24 * 3_600_000;
const BJ = 8 * 3_600_000;

export const DEMO_POINT_RULES: PointRuleInput[] = [
  { code: 'frontDoor', name: '门前三包', kind: 'base', points: 15, subjectKind: 'household' },
  { code: 'familyRules', name: '家风家训', kind: 'base', points: 10, subjectKind: 'household' },
  { code: 'lawAbiding', name: '遵纪守法', kind: 'base', points: 10, subjectKind: 'household' },
  { code: 'courtyardClean', name: '庭院整洁', kind: 'base', points: 10, subjectKind: 'household', capPoints: 40, capPeriod: 'month' },
  { code: 'garbageSorting', name: '垃圾分类', kind: 'base', points: 5, subjectKind: 'household', capPoints: 20, capPeriod: 'month' },
  { code: 'goodDeed', name: '好人好事', kind: 'bonus', points: 30, subjectKind: 'household' },
  { code: 'filialPiety', name: '孝老爱亲', kind: 'bonus', points: 20, subjectKind: 'household', capPoints: 20, capPeriod: 'month' },
  { code: 'caseReported', name: '随手拍问题被办结', kind: 'bonus', points: 3, subjectKind: 'household', autoEvent: 'caseClosed', capPoints: 30, capPeriod: 'month' },
  { code: 'volunteerService', name: '志愿服务（每小时）', kind: 'bonus', points: 2, subjectKind: 'household', autoEvent: 'volunteerHour', capPoints: 60, capPeriod: 'month' },
  { code: 'meetingAttended', name: '参加议事协商', kind: 'bonus', points: 3, subjectKind: 'household', autoEvent: 'meetingAttended', capPoints: 15, capPeriod: 'month' },
  { code: 'neighbourHelp', name: '邻里互助', kind: 'bonus', points: 5, subjectKind: 'household', autoEvent: 'helpDone', capPoints: 30, capPeriod: 'month' },
  { code: 'ideaAccepted', name: '金点子被采纳', kind: 'bonus', points: 10, subjectKind: 'household', autoEvent: 'ideaAccepted' },
  { code: 'litter', name: '乱扔垃圾', kind: 'minus', points: 5, subjectKind: 'household' },
  { code: 'corridorClutter', name: '楼道堆放杂物', kind: 'minus', points: 5, subjectKind: 'household' },
  { code: 'illegalBuilding', name: '违章搭建（一票否决）', kind: 'veto', points: 50, subjectKind: 'household', vetoMonths: 12 },
];

const ASSESSED = ['frontDoor', 'familyRules', 'lawAbiding'];

/** The instant of a Beijing wall-clock time `daysAgo` days before `now`. */
function beijingAt(now: Date, daysAgo: number, hour: number, minute = 0): Date {
  const bj = now.getTime() + BJ;
  return new Date(bj - (bj % DAY) - daysAgo * DAY + (hour * 60 + minute) * 60_000 - BJ);
}

interface Household { id: string; address: string; gridId: string }

export async function demoPointsLedger(ctx: DemoContext): Promise<string | null> {
  const { db, now } = ctx;
  const pii = new PiiCipher(loadPiiKey(ctx.config.dataDir));
  const setup = await db.transaction(async (tx) => {
    const staff = await findDemoAccount(tx, 'community');
    const gw = await findDemoAccount(tx, 'gridworker');
    const residentAccount = (await tx.query<{ id: string }>(`select id from accounts where username = 'resident'`)).rows[0];
    if (!staff?.scope_org_unit_id || !gw || !residentAccount) return null;
    const home = (await tx.query<Unit>(`select id, path, name, level from org_units where id = $1 and level = 'community'`, [staff.scope_org_unit_id])).rows[0];
    if (!home) return null;
    const published = await tx.query(`select 1 from point_rule_publications where org_unit_id = $1`, [home.id]);
    if (published.rows.length) return null;
    const second = (await tx.query<Unit>(
      `select c.id, c.path, c.name, c.level from org_units c join org_units h on h.id = $1
        where c.level = 'community' and c.parent_id = h.parent_id and c.id <> h.id order by c.code limit 1`, [home.id])).rows[0] ?? null;
    const start = beijingAt(now, 42, 9);
    const who = (at: Date): Actor => ({ accountId: staff.id, name: staff.name, ip: '127.0.0.1', at });
    for (const unit of [home, second].filter((u): u is Unit => u !== null)) {
      const rules = unit === home ? DEMO_POINT_RULES : DEMO_POINT_RULES.filter((r) => r.code !== 'filialPiety');
      await saveRules(tx, unit, { version: 0, rules }, who(start));
      await publishRules(tx, unit, who(new Date(start.getTime() + 3_600_000)));
    }
    const households = (await tx.query<Household>(
      `select h.id, h.address, h.grid_id as "gridId" from registry_households h
        where h.org_path like $1 and h.retired_at is null and h.head_resident_id is not null
        order by h.grid_id, h.address limit 80`, [`${home.path}%`])).rows;
    const person = await personOfAccount(tx, pii, residentAccount.id);
    return { staff: { id: staff.id, name: staff.name }, gw: { id: gw.id, name: gw.name }, home, second, households, zhouHousehold: person?.householdId ?? null };
  });
  if (!setup) return null;
  const { home, households, zhouHousehold } = setup;
  const random = new Random(ctx.seed ^ 0x9017);
  const staffAt = (at: Date): Actor => ({ accountId: setup.staff.id, name: setup.staff.name, ip: '127.0.0.1', at });
  const gwAt = (at: Date): Actor => ({ accountId: setup.gw.id, name: setup.gw.name, ip: '127.0.0.1', at });
  let awards = 0;

  const rulesOf = async (tx: Tx) => new Map((await publishedRules(tx, home.id)).map((r) => [r.code, r]));
  const give = async (tx: Tx, rules: Map<string, PublishedRule>, householdId: string, code: string, eventRef: string, at: Date, note: string | null = null) => {
    const rule = rules.get(code)!;
    try {
      const r = await applyRule(tx, { rule, subject: { householdId }, orgUnitId: home.id, eventRef, units: 1, note, at, by: setup.staff.id });
      if (r.created) awards++;
      return r;
    } catch (e) {
      // a cap reached, or nothing left to deduct: refused before anything is written, so the day goes on
      if (e instanceof AppError) return null;
      throw e;
    }
  };

  // six weeks, a day's work in one transaction
  const others = households.filter((h) => h.id !== zhouHousehold);
  let correction: string | null = null;
  for (let daysAgo = 41; daysAgo >= 1; daysAgo--) {
    const dayStart = beijingAt(now, daysAgo, 0);
    const weekday = new Date(dayStart.getTime() + BJ).getUTCDay();
    await db.transaction(async (tx) => {
      const rules = await rulesOf(tx);
      const at = (h: number, m = 0) => beijingAt(now, daysAgo, h, m);
      if (weekday === 5) {
        // Friday: the grid workers' weekly round — courtyards and sorting
        for (const h of others) {
          if (random.next() < 0.55) await give(tx, rules, h.id, 'courtyardClean', `week:${periodKey('month', dayStart)}:${daysAgo}`, at(15, random.int(0, 59)));
          if (random.next() < 0.45) await give(tx, rules, h.id, 'garbageSorting', `week:${daysAgo}`, at(16, random.int(0, 59)));
        }
        if (zhouHousehold) {
          await give(tx, rules, zhouHousehold, 'courtyardClean', `week:${daysAgo}`, at(15, 10), '院落干净整洁');
          await give(tx, rules, zhouHousehold, 'garbageSorting', `week:${daysAgo}`, at(16, 5), '厨余垃圾分类准确');
        }
      }
      if (weekday === 2 && others.length) {
        // Tuesday: a good deed or two, and now and then a deduction
        const h = others[random.int(0, others.length - 1)]!;
        await give(tx, rules, h.id, 'goodDeed', `deed:${daysAgo}`, at(10, 30), random.next() < 0.5 ? '拾金不昧，归还失主钱包' : '雨天帮邻居收衣物、照看老人');
        if (random.next() < 0.5) {
          const m = others[random.int(0, others.length - 1)]!;
          await give(tx, rules, m.id, random.next() < 0.5 ? 'litter' : 'corridorClutter', `minus:${daysAgo}`, at(11), '网格员巡查发现，已提醒整改');
        }
      }
      if (zhouHousehold && [38, 30, 23, 16, 9, 4].includes(daysAgo)) {
        const notes = ['照顾瘫痪在床的老伴', '帮独居的王婆婆代买药品', '楼道义务清扫', '调解邻里噪音矛盾', '捐书给社区书屋', '拾到手机交还失主'];
        const i = [38, 30, 23, 16, 9, 4].indexOf(daysAgo);
        await give(tx, rules, zhouHousehold, i % 3 === 0 ? 'filialPiety' : 'goodDeed', `zhou:${daysAgo}`, at(10, 15), notes[i]!);
      }
      if (daysAgo === 20 && others.length > 3) {
        // a double entry, corrected by a reversal the next hour
        const h = others[3]!;
        const first = await give(tx, rules, h.id, 'goodDeed', 'deed:double-a', at(9, 40), '协助疏通下水道');
        await give(tx, rules, h.id, 'goodDeed', 'deed:double-b', at(9, 42), '协助疏通下水道');
        if (first) correction = (await reverseTransaction(tx, { id: (await txOf(tx, h.id, 'deed:double-b'))!, reason: '同一件事重复登记，冲正', at: at(10, 30), by: setup.staff.id })).id;
      }
      if (daysAgo === 19 && others.length > 5) {
        const h = others.find((x) => x.gridId !== others[0]!.gridId) ?? others[5]!;
        await give(tx, rules, h.id, 'illegalBuilding', 'veto:shed', at(14), '在小区绿地私搭棚屋，经劝导拒不拆除');
      }
    });
  }

  // assessments: last month's self-reported, peer-reviewed and approved; this month's self-reports waiting
  const thisMonth = periodKey('month', now);
  const lastMonth = periodKey('month', new Date(beijingAt(now, 0, 0).getTime() - (new Date(now.getTime() + BJ).getUTCDate()) * DAY));
  const assessed: string[] = [...(zhouHousehold ? [zhouHousehold] : []), ...others.slice(0, 24).map((h) => h.id)];
  const daysIntoMonth = new Date(now.getTime() + BJ).getUTCDate();
  let approved = 0;
  let waiting = 0;
  await db.transaction(async (tx) => {
    for (const [i, householdId] of assessed.entries()) {
      const h = await findHousehold(tx, householdId, null);
      if (!h) continue;
      const items: AssessmentItem[] = ASSESSED.map((code, k) => ({ ruleCode: code, claimed: householdId === zhouHousehold || (i + k) % 4 !== 0 }));
      // reported in the month's last days, reviewed two days later, approved the day after — never after `now`
      const reportAt = beijingAt(now, daysIntoMonth + 2, 19, i);
      const approveAt = new Date(Math.min(reportAt.getTime() + 3 * DAY, now.getTime() - 30 * 60_000 - (assessed.length - i) * 60_000));
      const peerAt = new Date(Math.min(reportAt.getTime() + 2 * DAY, approveAt.getTime() - 30 * 60_000));
      const a = await selfReport(tx, h, { period: lastMonth, items }, staffAt(reportAt), false);
      const row = (await findAssessment(tx, a.id))!;
      await peerReview(tx, row, { items: items.map((it, k) => ({ ...it, peer: it.claimed && (householdId === zhouHousehold || (i + k) % 5 !== 1) })), note: '组内互评，情况属实' }, gwAt(peerAt));
      const reviewed = (await findAssessment(tx, a.id))!;
      await approveAssessment(tx, reviewed, { items: reviewed.items.map((it) => ({ ...it, approved: it.peer === true })), note: '村（居）委会评定通过' }, staffAt(approveAt));
      approved++;
    }
    for (const [i, householdId] of assessed.slice(0, 12).entries()) {
      const h = await findHousehold(tx, householdId, null);
      if (!h) continue;
      const at = new Date(now.getTime() - (i + 1) * 3_600_000);
      await selfReport(tx, h, { period: thisMonth, items: ASSESSED.map((code) => ({ ruleCode: code, claimed: true, note: householdId === zhouHousehold ? '本月按要求做到' : null })) }, staffAt(at), false);
      waiting++;
    }
  });

  // 周淑芬's household: at least 300 points, topped up by good deeds of the last weeks if the draw fell short
  if (zhouHousehold) {
    await db.transaction(async (tx) => {
      const rules = await rulesOf(tx);
      for (let k = 0; k < 12; k++) {
        const balance = Number((await tx.query<{ balance: number }>(`select balance from point_accounts where household_id = $1 and kind = 'household'`, [zhouHousehold])).rows[0]?.balance ?? 0);
        if (balance >= 320) break;
        await give(tx, rules, zhouHousehold, 'goodDeed', `zhou:extra:${k}`, beijingAt(now, 35 - k * 3, 11), ['义务巡逻', '帮助邻居照看孩子', '参与社区环境整治', '为困难户捐赠衣物'][k % 4]!);
      }
    });
  }
  return `points: rules of ${setup.second ? 2 : 1} communities published, ${awards} awards over six weeks, ${approved} assessments approved, ${waiting} waiting for peer review${correction ? ', a correction reversed' : ''}`;
}

async function txOf(tx: Tx, householdId: string, eventRef: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>(
    `select t.id from point_transactions t join point_accounts a on a.id = t.subject_id where a.household_id = $1 and t.event_ref = $2`,
    [householdId, eventRef],
  );
  return r.rows[0]?.id ?? null;
}
