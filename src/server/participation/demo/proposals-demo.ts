import type { DemoContext } from '../../platform/capability.ts';
import type { Principal } from '../../platform/auth.ts';
import type { Tx } from '../../platform/db/db.ts';
import { PiiCipher, loadPiiKey } from '../../platform/pii-cipher.ts';
import { GridLocatorCache } from '../../org/locator-cache.ts';
import { WorkingCalendarCache } from '../../calendar/calendar-cache.ts';
import type { MatterClass, CouncilLevel } from '../../../shared/participation.ts';
import type { Role } from '../../../shared/roles.ts';
import { personOfAccount } from '../person.ts';
import { suggestMatterClass } from '../../../domain/participation/classing.ts';
import { classMatter, submitMatter } from '../matters.ts';
import { councilOfUnit, parentCouncil } from '../councils.ts';
import {
  commentOnProposal, createProposalIn, decideProposal, lockProposal, rateProposal, reportProposalResult, sendUpProposal,
  startProposal, supportProposal,
} from '../proposals.ts';
import { finishHelp, lockHelp, openHelpRequest, takeHelp } from '../help.ts';
import type { Actor } from '../scope.ts';

/*
 * 三事分流, 三会 and 邻里互助's demo (issue 16): six weeks of 春晖社区 played through the commands at their instants —
 * ~30 residents' matters entered by 周淑芬, her neighbours (through the grid worker) and the community's staff, classed
 * into the three paths (a few reclassed with a reason), proposals at the three councils with supports and comments
 * (decided, in progress, done and rated, one sent up to the community), and neighbour help (done ones award the helper
 * the community's helpDone points when its rules are published). Idempotent: nothing when 春晖社区 has matters.
 */

const DAY = 24 * 3_600_000;
const BJ = 8 * 3_600_000;
/** `daysAgo` days before `now`, at hh:mm Beijing time */
const at = (now: Date, daysAgo: number, hh: number, mm = 0) => {
  const d = new Date(now.getTime() + BJ - daysAgo * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hh, mm) - BJ);
};

interface Who { p: Principal; actor: (t: Date) => Actor }

async function staff(tx: Tx, username: string): Promise<Who | null> {
  const r = await tx.query<{ id: string; name: string; roles: Role[]; scope_org_unit_id: string | null; path: string | null; home_org_unit_id: string | null; kind: 'staff' | 'resident' }>(
    `select a.id, a.name, a.roles, a.scope_org_unit_id, u.path, a.home_org_unit_id, a.kind
       from accounts a left join org_units u on u.id = a.scope_org_unit_id where a.username = $1`, [username]);
  const a = r.rows[0];
  if (!a) return null;
  const p: Principal = {
    accountId: a.id, username, name: a.name, kind: a.kind, roles: a.roles, scopeOrgUnitId: a.scope_org_unit_id, scopePath: a.path,
    homeOrgUnitId: a.home_org_unit_id, posts: [], grids: [], departmentIds: [], mustChangePassword: false, tokenHash: '',
  };
  return { p, actor: (t) => ({ accountId: a.id, name: a.name, ip: '127.0.0.1', at: t, requestKey: null }) };
}

/** [days ago, title, description, class chosen (null: left new), reason when not the suggestion, council level, reclass to] */
type DemoMatter = [number, string, string, MatterClass | null, string | null, CouncilLevel?, [MatterClass, string]?];
const MATTERS: DemoMatter[] = [
  [41, '小区门口路灯不亮', '春晖苑南门路灯坏了一个星期，晚上出门很黑。', 'public', null],
  [40, '楼道堆放杂物', '3 栋 2 单元楼道堆满纸箱和旧家具，想和大家商量一起清理。', 'shared', null],
  [39, '独居老人需要代买', '8 栋的王婆婆一个人住，腿脚不便，想请邻居帮忙代买菜。', 'private', null],
  [38, '井盖松动', '春晖路 30 号门口井盖松动，踩上去会响，有安全隐患。', 'public', null],
  [37, '加装电梯', '5 栋老楼没有电梯，老人上下楼困难，想请大家议一议加装电梯。', 'shared', null],
  [36, '小区停车难', '晚上小区停车位不够，车都停到消防通道上了，想请大家商量办法。', 'shared', null, 'community'],
  [35, '垃圾清运不及时', '菜市场旁边的垃圾堆两天没人清运，气味很大。', 'public', null],
  [34, '需要陪诊', '下周三要去医院复查，家里没人，想请邻居帮忙陪诊。', 'private', null],
  [33, '绿化带改造', '小区中心绿化带长期荒着，想议一议改造成小花园。', 'shared', null],
  [32, '下水道堵塞', '6 栋门口下水道堵塞，污水外溢。', 'public', null],
  [31, '小区角落垃圾堆', '小区西北角有人长期堆垃圾，想请大家商量怎么管。', 'shared', null, undefined, ['public', '垃圾堆应由环卫清运，转事件办理更快']],
  [30, '充电桩安装', '电动车在楼道充电很危险，想在小区里装充电桩，大家议一议。', 'shared', null, 'community'],
  [29, '搬家需要帮忙', '下周六要搬家，家里只有两个老人，想请邻居帮忙搬东西。', 'private', null],
  [28, '占道经营', '春晖路口早上有摊贩占道经营，行人只能走机动车道。', 'public', null],
  [27, '广场舞噪音', '晚上广场舞音响太大，影响休息，想和跳舞的居民商量时间。', 'shared', null],
  [26, '接送孩子', '我每天下午要上班，想请邻居帮忙接送孩子放学。', 'private', null],
  [24, '积水严重', '下雨后春晖苑北门积水很深，老人孩子过不去。', 'public', null],
  [23, '公共空间利用', '小区架空层空着，想议一议改成老年活动室。', 'shared', null, 'community'],
  [21, '看护老人', '我要出差三天，想请邻居每天去看看我母亲。', 'private', null, undefined, ['shared', '楼里几户都有类似需要，拿到邻里会一起商量']],
  [19, '违章搭建', '1 栋一楼住户在绿地上违章搭建棚子。', 'public', null],
  [17, '物业服务', '物业保洁不到位，想请大家一起商量和物业沟通。', 'shared', null],
  [15, '代买药品', '感冒了出不了门，想请邻居帮忙代买药。', 'private', null],
  [13, '外墙瓷砖脱落', '4 栋外墙瓷砖脱落，砸在人行道上，有安全隐患。', 'public', null],
  [11, '健身器材', '小区健身器材坏了几件，想议一议怎么修、谁来管。', 'shared', null],
  [9, '小区绿化', '希望在小区里多种几棵树，大家议一议种什么。', 'shared', null],
  [7, '施工噪音', '隔壁工地晚上十点还在施工，噪音很大。', 'public', null],
  [5, '帮忙修水管', '家里水管漏水，家里只有老人，想请会修的邻居帮忙看看。', 'private', null],
  [3, '楼道粉刷', '3 栋楼道墙面发黑，想和大家商量一起粉刷。', 'shared', null],
  [2, '路面坑洼', '春晖路 18 号门口路面坑洼，骑车容易摔。', null, null],
  [1, '想请邻居帮忙', '我腿受伤了，想请邻居帮忙取快递。', null, null],
];

const COMMENTS = ['赞成，早该办了。', '我家也有这个情况，支持。', '建议先问问物业的意见。', '费用怎么分摊要说清楚。', '可以先在楼里征求意见。', '我愿意出力帮忙。'];

export async function demoProposals(ctx: DemoContext): Promise<string | null> {
  const pii = new PiiCipher(loadPiiKey(ctx.config.dataDir));
  const now = ctx.now;
  const setup = await ctx.db.transaction(async (tx) => {
    const gw = await staff(tx, 'gridworker');
    const community = await staff(tx, 'community');
    const resident = await staff(tx, 'resident');
    if (!gw?.p.scopePath || !community?.p.scopePath || !resident) return null;
    const done = await tx.query(`select 1 from resident_matters where org_path like $1 limit 1`, [`${community.p.scopePath}%`]);
    if (done.rows[0]) return null;
    const she = await personOfAccount(tx, pii, resident.p.accountId);
    const people = await tx.query<{ id: string; name: string; id_number_hash: string; grid_id: string }>(
      `select r.id, r.name, r.id_number_hash, r.grid_id from registry_residents r
        where r.org_path like $1 and r.left_at is null and r.birth_date <= $2::date
        order by r.org_path, r.id limit 40`, [`${community.p.scopePath}%`, new Date(now.getTime() - 18 * 365 * DAY)]);
    const mine = await tx.query<{ id: string; name: string; id_number_hash: string; grid_id: string }>(
      `select r.id, r.name, r.id_number_hash, r.grid_id from registry_residents r
        where r.org_path like $1 and r.left_at is null and r.birth_date <= $2::date and r.phone_hash is distinct from $3
        order by r.id limit 24`, [`${gw.p.scopePath}%`, new Date(now.getTime() - 18 * 365 * DAY), she ? 'x' : null]);
    return { gw, community, resident, she, people: people.rows, neighbours: mine.rows.filter((x) => x.id !== she?.residentId) };
  });
  if (!setup || setup.people.length < 8 || setup.neighbours.length < 4) return null;
  const { gw, community, resident, she, people, neighbours } = setup;
  const services = {
    db: ctx.db, pii,
    locator: new GridLocatorCache(ctx.db, Number.POSITIVE_INFINITY),
    calendar: new WorkingCalendarCache(ctx.db, Number.POSITIVE_INFINITY),
  };
  let matters = 0; let proposals = 0; let helps = 0;
  const proposalIds: string[] = [];
  const helpIds: string[] = [];

  // matters: every third one the demo resident's own, the others entered by the grid worker for a neighbour
  for (const [i, m] of MATTERS.entries()) {
    const [daysAgo, title, description, cls, reason, level, reclass] = m;
    const t = at(now, daysAgo, 9 + (i % 8), (i * 7) % 60);
    const own = she !== null && i % 3 === 0;
    const person = neighbours[i % neighbours.length]!;
    const made = await ctx.db.transaction((tx) => own
      ? submitMatter(tx, pii, null, resident.p, { title, description }, resident.actor(t), null)
      : submitMatter(tx, pii, null, gw.p, { title, description, residentId: person.id, source: i % 2 ? 'visit' : 'gridWorker' }, gw.actor(t), null));
    matters++;
    if (!cls) continue;
    const classer = level && level !== 'grid' ? community : gw;
    const classedAt = new Date(t.getTime() + 3 * 3_600_000);
    try {
      const why = reason ?? (suggestMatterClass({ title, description }).class === cls ? null : '经网格员上门核实，按此分流');
      await classMatter(services, classer.p, made.id, { class: cls, reason: why, councilLevel: level ?? 'grid' }, classer.actor(classedAt), { reclass: false });
      if (reclass) {
        await classMatter(services, classer.p, made.id, { class: reclass[0], reason: reclass[1] }, classer.actor(new Date(classedAt.getTime() + DAY)), { reclass: true });
      }
    } catch {
      continue; // e.g. a public matter whose point lies in no grid of the demo map: left to be classed by hand
    }
    const links = (await ctx.db.query<{ proposal_id: string | null; help_request_id: string | null; class: MatterClass }>(
      'select proposal_id, help_request_id, class from resident_matters where id = $1', [made.id])).rows[0]!;
    if (links.class === 'shared' && links.proposal_id) proposalIds.push(links.proposal_id);
    if (links.class === 'private' && links.help_request_id) helpIds.push(links.help_request_id);
  }

  // proposals straight from residents at the community's and the town's councils
  await ctx.db.transaction(async (tx) => {
    if (!she) return;
    const grid = await councilOfUnit(tx, she.gridId, now);
    const comm = await parentCouncil(tx, grid, now);
    const town = comm && await parentCouncil(tx, comm, now);
    const direct: [number, string, string, string | undefined][] = [
      [30, '社区食堂开设老年助餐点', '希望社区食堂开设老年助餐点，方便行动不便的老人。', comm?.id],
      [20, '春晖路增设公交站', '春晖路到地铁站没有公交，希望增设一个站点。', town?.id],
      [12, '周末开放学校操场', '希望周末开放春晖小学操场给居民锻炼。', town?.id],
      [6, '社区图书角', '想在社区活动室设一个图书角，大家捐书。', comm?.id],
    ];
    for (const [daysAgo, title, body, councilId] of direct) {
      if (!councilId) continue;
      const t = at(now, daysAgo, 10);
      const made = await createProposalIn(tx, { councilId, title, body, proposerAccountId: resident.p.accountId, proposerName: she.name, who: resident.actor(t) });
      proposalIds.push(made.id);
    }
  });

  // supports, comments, and the councils' work on them
  for (const [i, id] of proposalIds.entries()) {
    await ctx.db.transaction(async (tx) => {
      let pr = await lockProposal(tx, id);
      const base = pr.created_at.getTime();
      const step = (h: number) => new Date(Math.min(base + h * 3_600_000, now.getTime() - 3_600_000));
      const supporters = 2 + (i * 5) % Math.max(3, people.length - 2);
      for (let k = 0; k < supporters && k < people.length; k++) {
        const who = people[(i + k) % people.length]!;
        if (pr.status !== 'open') break;
        await supportProposal(tx, pr, { personKey: who.id_number_hash }, { accountId: null, name: who.name, ip: null, at: step(2 + k) });
      }
      for (let k = 0; k < 1 + (i % 3); k++) {
        const who = people[(i * 3 + k) % people.length]!;
        await commentOnProposal(tx, pr, who.name, COMMENTS[(i + k) % COMMENTS.length]!, { accountId: null, name: who.name, ip: null, at: step(5 + k) });
      }
      if (pr.status !== 'open') return;
      const ageDays = (now.getTime() - base) / DAY;
      const staffer = pr.org_path === gw.p.scopePath ? gw : community;
      if (i % 6 === 5) { await sendUpProposal(tx, pr, '涉及多个小区，需要社区统筹协调', staffer.actor(step(48))); proposals++; return; }
      if (ageDays < 10) return;
      await decideProposal(tx, pr, { decision: '经议事会讨论通过，按居民意见办理。', ownerName: staffer.p.name, ownerAccountId: staffer.p.accountId, dueOn: null }, staffer.actor(step(72)));
      pr = await lockProposal(tx, id);
      if (ageDays < 16) return;
      await startProposal(tx, pr, staffer.actor(step(96)));
      pr = await lockProposal(tx, id);
      if (ageDays < 24) return;
      await reportProposalResult(tx, pr, '已按决定办理完毕，请居民评价。', staffer.actor(step(24 * 14)));
      pr = await lockProposal(tx, id);
      for (let k = 0; k < 3 && k < people.length; k++) {
        const who = people[(i + k + 1) % people.length]!;
        await rateProposal(tx, pr, { personKey: who.id_number_hash }, 3 + ((i + k) % 3), null, { accountId: null, name: who.name, ip: null, at: step(24 * 15 + k) });
      }
    });
    proposals++;
  }

  // neighbour help: three more asked for by the grid worker; the older ones taken by a neighbour and done
  await ctx.db.transaction(async (tx) => {
    const asks: [number, string, string][] = [
      [25, '帮忙换灯泡', '李大爷家客厅灯泡坏了，够不着，想请邻居帮忙换。'],
      [14, '帮忙取药', '张阿姨这周需要去社区医院取药，想请邻居顺路帮忙。'],
      [4, '陪老人聊天', '独居的刘爷爷想有人每周来陪他聊聊天。'],
    ];
    for (const [k, [daysAgo, title, description]] of asks.entries()) {
      const person = neighbours[(k * 3 + 1) % neighbours.length]!;
      const made = await openHelpRequest(tx, { gridId: person.grid_id, title, description, requesterId: person.id, who: gw.actor(at(now, daysAgo, 15)) });
      helpIds.push(made.id);
    }
  });
  for (const [k, id] of helpIds.entries()) {
    await ctx.db.transaction(async (tx) => {
      let h = await lockHelp(tx, id);
      if (h.status !== 'open') return;
      const age = (now.getTime() - h.created_at.getTime()) / DAY;
      if (age < 5) return;
      const helper = neighbours.find((x) => x.id !== h.requester_id && neighbours.indexOf(x) % 4 === k % 4) ?? neighbours.find((x) => x.id !== h.requester_id)!;
      await takeHelp(tx, h, { residentId: helper.id, teamId: null }, gw.actor(new Date(h.created_at.getTime() + 5 * 3_600_000)));
      h = await lockHelp(tx, id);
      if (age < 8) return;
      await finishHelp(tx, h, '已帮忙办好，求助人表示感谢。', gw.actor(new Date(h.created_at.getTime() + 2 * DAY)));
    });
    helps++;
  }
  return `${matters} residents' matters classed into the three paths, ${proposals} proposals at the three councils, ${helps} neighbour help requests`;
}
