import type { DemoContext } from '../../platform/capability.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import type { Principal } from '../../platform/auth.ts';
import { PiiCipher, loadPiiKey } from '../../platform/pii-cipher.ts';
import { territorialScope } from '../../../domain/identity/scope.ts';
import { previousQuarter, quarterOf } from '../../../domain/participation/ideas.ts';
import type { Role } from '../../../shared/roles.ts';
import type { IdeaCategory, VoteRules } from '../../../shared/participation.ts';
import { personOfAccount, personOfResident, type RegistryPerson } from '../person.ts';
import type { Actor, Reader } from '../scope.ts';
import { actOnMeeting, attendMeeting, commentOnMeeting, createMeeting, saveMinutes } from '../meetings.ts';
import { castVote, closeMotion, closeOpenMotions, createMotion } from '../votes.ts';
import { actOnIdea, publishTopTen, submitIdea, supportIdea } from '../ideas.ts';

/*
 * 议事活动 and 金点子 of the demo (issue 16), played through the meetings', votes' and ideas' own commands at their
 * instants over the last six weeks, by the demo staff (赵秀兰 of 春晖社区, 李明辉 of its first grid, 陈志明 of the town)
 * with the registry people of the two demo grids:
 *   - past meetings: a 坝坝议事 of the first grid's 邻里会 (on site, signed in by staff, a motion passed, minutes), a 云坝会
 *     of 春晖社区评议会 (online, a secret household vote, the demo resident 周淑芬 signed in and voted by phone), a
 *     坝坝议事 of the second grid whose motion missed its quorum, one cancelled for the rain;
 *   - open now: a 云坝会 of 春晖社区评议会 on the lift for 春晖苑, with comments and a motion some neighbours voted on —
 *     周淑芬 may still vote (she has not); and a 坝坝议事 of the first grid scheduled for the coming days;
 *   - ideas: a dozen of last quarter (screened, answered, its top ten published by the town) and ten of this quarter
 *     (some still waiting to be screened), supported by neighbours; 周淑芬 submitted one and supported others.
 * Idempotent: nothing is done when the open 云坝会 is there.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BJ = 8 * HOUR;
const OPEN_TITLE = '云坝会：春晖苑加装电梯意见征集';

/** The instant of a Beijing wall-clock time `daysAgo` days before `now` (negative: in the days to come). */
const at = (now: Date, daysAgo: number, hh: number, mm = 0) => {
  const bj = now.getTime() + BJ;
  return new Date(bj - (bj % DAY) - daysAgo * DAY + (hh * 60 + mm) * 60_000 - BJ);
};

interface Staff { p: Principal; r: Reader }

async function staffOf(tx: Tx, username: string): Promise<Staff | null> {
  const a = (await tx.query<{ id: string; username: string; name: string; kind: 'staff' | 'resident'; roles: Role[]; scope_org_unit_id: string | null; path: string | null; home_org_unit_id: string | null }>(
    `select a.id, a.username, a.name, a.kind, a.roles, a.scope_org_unit_id, u.path, a.home_org_unit_id
       from accounts a left join org_units u on u.id = a.scope_org_unit_id where a.username = $1 and a.disabled_at is null`, [username])).rows[0];
  if (!a) return null;
  const p: Principal = {
    accountId: a.id, username: a.username, name: a.name, kind: a.kind, roles: a.roles, scopeOrgUnitId: a.scope_org_unit_id,
    scopePath: territorialScope(a.roles, a.path), homeOrgUnitId: a.home_org_unit_id, posts: [], grids: [], departmentIds: [],
    mustChangePassword: false, tokenHash: '',
  };
  return { p, r: { p, person: null, areaPath: null } };
}

const actor = (s: Staff, when: Date): Actor => ({ accountId: s.p.accountId, name: s.p.name, ip: '127.0.0.1', at: when, requestKey: null });

interface Places { community: { id: string; path: string }; grid1: { id: string; path: string }; grid2: { id: string; path: string }; town: { id: string; path: string } }

async function places(db: Db): Promise<Places | null> {
  const rows = (await db.query<{ id: string; path: string; name: string }>(
    `select id, path, name from org_units where name in ('春晖路街道', '春晖社区', '春晖社区第1网格', '春晖社区第2网格')`)).rows;
  const by = (n: string) => rows.find((r) => r.name === n);
  const [town, community, grid1, grid2] = [by('春晖路街道'), by('春晖社区'), by('春晖社区第1网格'), by('春晖社区第2网格')];
  return town && community && grid1 && grid2 ? { town, community, grid1, grid2 } : null;
}

async function councilOf(db: Db, orgUnitId: string): Promise<string | null> {
  return (await db.query<{ id: string }>('select id from councils where org_unit_id = $1', [orgUnitId])).rows[0]?.id ?? null;
}

/** Adults of the registry in a grid, in a fixed order. */
async function adultsOf(db: Db, gridId: string, now: Date, limit: number): Promise<RegistryPerson[]> {
  const ids = (await db.query<{ id: string }>(
    `select r.id from registry_residents r where r.grid_id = $1 and r.left_at is null and r.birth_date <= ($2::date - interval '18 years')
      order by r.household_id nulls last, r.created_at, r.id limit $3`, [gridId, now.toISOString().slice(0, 10), limit])).rows;
  const out: RegistryPerson[] = [];
  for (const { id } of ids) {
    const p = await personOfResident(db, id);
    if (p) out.push(p);
  }
  return out;
}

/** One person per household, in order (a household vote is cast by its first voter). */
const oneByHousehold = (people: RegistryPerson[]) => {
  const seen = new Set<string>();
  return people.filter((p) => { const k = p.householdId ?? p.residentId; if (seen.has(k)) return false; seen.add(k); return true; });
};

async function openProposalsOf(db: Tx, councilId: string, n: number): Promise<string[]> {
  return (await db.query<{ id: string }>(`select id from proposals where council_id = $1 and status = 'open' order by created_at limit $2`, [councilId, n])).rows.map((r) => r.id);
}

const RULES = (o: Partial<VoteRules> = {}): VoteRules => ({ unit: 'person', electorate: 'residents', quorum: { kind: 'count', value: 10 }, passShare: 0.5, secret: false, ...o });

export async function demoMeetings(ctx: DemoContext): Promise<string | null> {
  const { db, now } = ctx;
  if ((await db.query('select 1 from meetings where title = $1', [OPEN_TITLE])).rows[0]) return null;
  const pl = await places(db);
  if (!pl) return null;
  const pii = new PiiCipher(loadPiiKey(ctx.config.dataDir));
  const [community, gridworker, leader] = await Promise.all(['community', 'gridworker', 'leader'].map((u) => staffOf(db, u)));
  const [gridCouncil, grid2Council, communityCouncil] = await Promise.all([councilOf(db, pl.grid1.id), councilOf(db, pl.grid2.id), councilOf(db, pl.community.id)]);
  if (!community || !gridworker || !leader || !gridCouncil || !grid2Council || !communityCouncil) return null;
  const residentAccount = (await db.query<{ id: string; name: string }>(`select id, name from accounts where username = 'resident'`)).rows[0];
  const shufen = residentAccount ? await personOfAccount(db, pii, residentAccount.id) : null;
  const notHer = (p: RegistryPerson) => p.personKey !== shufen?.personKey;
  const g1 = (await adultsOf(db, pl.grid1.id, now, 41)).filter(notHer);
  const g2 = (await adultsOf(db, pl.grid2.id, now, 30)).filter(notHer);
  if (g1.length < 21 || g2.length < 12) return null;
  const neighbours = [...g1, ...g2];
  const counts = { meetings: 0, votes: 0, attendance: 0, ideas: 0, supports: 0 };

  const vote = async (tx: Tx, s: Staff, motionId: string, person: RegistryPerson, choice: string, when: Date, channel: 'onSite' | 'assisted' = 'onSite') => {
    try {
      await castVote(tx, { motionId, person, choice, channel, castBy: s.p.accountId, castByName: s.p.name, at: when, ip: '127.0.0.1' });
      counts.votes++;
    } catch { /* a household that voted already: the first vote stands */ }
  };
  const attend = async (tx: Tx, s: Staff, meetingId: string, people: RegistryPerson[], when: Date) => {
    for (const [i, person] of people.entries()) {
      const r = await attendMeeting(tx, pii, s.r, meetingId, { residentId: person.residentId }, actor(s, new Date(when.getTime() + i * 60_000)));
      if (r.created) counts.attendance++;
    }
  };
  const meeting = async (tx: Tx, s: Staff, councilId: string, kind: 'onSite' | 'online', title: string, place: string | null, starts: Date, hours: number, agenda: string[]) => {
    const m = await createMeeting(tx, s.p, { councilId, kind, title, place, hostName: s.p.name, startsAt: starts, endsAt: new Date(starts.getTime() + hours * HOUR), proposalIds: agenda },
      actor(s, new Date(starts.getTime() - 3 * DAY)));
    counts.meetings++;
    return m.id;
  };
  const motion = async (tx: Tx, s: Staff, meetingId: string, title: string, rules: VoteRules, opens: Date, closes: Date, proposalId: string | null = null) =>
    (await createMotion(tx, s.r, meetingId, { title, rules, closesAt: closes, proposalId }, actor(s, opens))).id;

  // 1. 35 days ago: 坝坝议事 of the first grid's 邻里会 on the stairwells
  await db.transaction(async (tx) => {
    const starts = at(now, 35, 19, 30);
    const agenda = await openProposalsOf(tx, gridCouncil, 1);
    const id = await meeting(tx, gridworker, gridCouncil, 'onSite', '坝坝议事：楼道堆物与消防通道', '春晖苑3栋楼下坝子', starts, 2, agenda);
    await actOnMeeting(tx, gridworker.r, id, 'open', null, actor(gridworker, starts), closeOpenMotions);
    const came = g1.slice(0, 16);
    await attend(tx, gridworker, id, came, new Date(starts.getTime() + 5 * 60_000));
    await commentOnMeeting(tx, gridworker.r, id, '楼道里的纸箱要尽快清走，上次差点堵了消防通道。', actor(gridworker, new Date(starts.getTime() + 30 * 60_000)), { authorName: came[2]!.name });
    await commentOnMeeting(tx, gridworker.r, id, '建议物业统一清运，给大家一周时间自己先清理。', actor(gridworker, new Date(starts.getTime() + 40 * 60_000)), { authorName: came[5]!.name });
    const mo = await motion(tx, gridworker, id, '楼道杂物限期一周清理，逾期由物业统一清运', RULES(), new Date(starts.getTime() + 60 * 60_000), new Date(starts.getTime() + 100 * 60_000), agenda[0] ?? null);
    for (const [i, person] of came.entries()) {
      await vote(tx, gridworker, mo, person, i % 8 === 3 ? 'against' : i === 11 ? 'abstain' : 'for', new Date(starts.getTime() + (70 + i) * 60_000), i % 5 === 4 ? 'assisted' : 'onSite');
    }
    await closeMotion(tx, gridworker.r, id, mo, actor(gridworker, new Date(starts.getTime() + 100 * 60_000)));
    await saveMinutes(tx, gridworker.r, id, [
      '时间：晚上7点半；地点：春晖苑3栋楼下坝子；主持：李明辉（网格员）。',
      `到会居民${came.length}人。`,
      '议题：楼道堆物与消防通道。居民反映3栋、5栋楼道堆放纸箱、旧家具，影响消防通道。',
      '表决：楼道杂物限期一周清理，逾期由物业统一清运——通过。',
      '分工：网格员下周逐栋巡查，物业负责清运，楼栋长提醒各户。',
    ].join('\n'), actor(gridworker, new Date(starts.getTime() + 2 * HOUR)));
    await actOnMeeting(tx, gridworker.r, id, 'close', null, actor(gridworker, new Date(starts.getTime() + 2 * HOUR)), closeOpenMotions);
  });

  // 2. 21 days ago: 云坝会 of 春晖社区评议会 on parking lines, for people working away; a secret household vote
  await db.transaction(async (tx) => {
    const starts = at(now, 21, 20, 0);
    const id = await meeting(tx, community, communityCouncil, 'online', '云坝会：小区停车位划线方案', null, starts, 72, await openProposalsOf(tx, communityCouncil, 1));
    await actOnMeeting(tx, community.r, id, 'open', null, actor(community, starts), closeOpenMotions);
    const came = [...g1.slice(4, 20), ...g2.slice(0, 12)];
    await attend(tx, community, id, came, new Date(starts.getTime() + 10 * 60_000));
    if (shufen && residentAccount) {
      const reader: Reader = { p: { ...community.p, accountId: residentAccount.id, username: 'resident', name: residentAccount.name, kind: 'resident', roles: ['resident'], scopeOrgUnitId: null, scopePath: null }, person: shufen, areaPath: shufen.orgPath };
      const r = await attendMeeting(tx, pii, reader, id, {}, { accountId: residentAccount.id, name: residentAccount.name, ip: '127.0.0.1', at: new Date(starts.getTime() + 25 * 60_000) });
      if (r.created) counts.attendance++;
      await commentOnMeeting(tx, reader, id, '甲方案把消防通道留出来了，我支持甲方案。', { accountId: residentAccount.id, name: residentAccount.name, ip: '127.0.0.1', at: new Date(starts.getTime() + 30 * 60_000) });
    }
    await commentOnMeeting(tx, community.r, id, '我在外地上班，周末回来停车难，希望尽快划线。', actor(community, new Date(starts.getTime() + 2 * HOUR)), { authorName: came[20]!.name });
    const mo = await motion(tx, community, id, '采用停车位划线甲方案（沿围墙一侧划线，留出消防通道）', RULES({ unit: 'household', quorum: { kind: 'count', value: 15 }, secret: true }),
      new Date(starts.getTime() + HOUR), new Date(starts.getTime() + 70 * HOUR));
    if (shufen && residentAccount) {
      await castVote(tx, { motionId: mo, person: shufen, choice: 'for', channel: 'phone', castBy: residentAccount.id, castByName: residentAccount.name, at: new Date(starts.getTime() + 90 * 60_000) });
      counts.votes++;
    }
    const households = oneByHousehold(came);
    for (const [i, person] of households.entries()) {
      await vote(tx, community, mo, person, i % 4 === 1 ? 'against' : 'for', new Date(starts.getTime() + (2 + i) * HOUR), i % 2 ? 'assisted' : 'onSite');
    }
    await closeMotion(tx, community.r, id, mo, actor(community, new Date(starts.getTime() + 70 * HOUR)));
    await saveMinutes(tx, community.r, id, [
      '云坝会（线上），历时三天；主持：赵秀兰（社区工作人员）。',
      `线上参会及协助签到居民${came.length + (shufen ? 1 : 0)}人，其中在外务工人员通过手机参加。`,
      '表决（无记名，按户计票）：采用停车位划线甲方案——结果见表决记录。',
      '下一步：社区联系物业于两周内完成划线，网格员收集划线后的意见。',
    ].join('\n'), actor(community, new Date(starts.getTime() + 71 * HOUR)));
    await actOnMeeting(tx, community.r, id, 'close', null, actor(community, new Date(starts.getTime() + 71 * HOUR)), closeOpenMotions);
  });

  // 3. 10 days ago: 坝坝议事 of the second grid on the square dance; too few voters — the motion misses its quorum
  await db.transaction(async (tx) => {
    const starts = at(now, 10, 19, 0);
    const id = await meeting(tx, community, grid2Council, 'onSite', '坝坝议事：广场舞音量与时间', '春晖社区第2网格小广场', starts, 2, []);
    await actOnMeeting(tx, community.r, id, 'open', null, actor(community, starts), closeOpenMotions);
    const came = g2.slice(0, 9);
    await attend(tx, community, id, came, new Date(starts.getTime() + 5 * 60_000));
    await commentOnMeeting(tx, community.r, id, '跳舞可以，晚上九点以后请把音响关小。', actor(community, new Date(starts.getTime() + 20 * 60_000)), { authorName: came[1]!.name });
    const mo = await motion(tx, community, id, '广场舞每晚九点前结束，音量不超过55分贝', RULES({ quorum: { kind: 'count', value: 12 } }), new Date(starts.getTime() + 50 * 60_000), new Date(starts.getTime() + 110 * 60_000));
    for (const [i, person] of came.entries()) await vote(tx, community, mo, person, i % 3 === 2 ? 'against' : 'for', new Date(starts.getTime() + (60 + i) * 60_000));
    await saveMinutes(tx, community.r, id, '到会居民9人，未达到表决所需的12人，下次坝坝议事再议；先请舞队自觉把音量调小。', actor(community, new Date(starts.getTime() + 2 * HOUR)));
    await actOnMeeting(tx, community.r, id, 'close', null, actor(community, new Date(starts.getTime() + 2 * HOUR)), closeOpenMotions);
  });

  // 4. 5 days ago: one cancelled for the rain
  await db.transaction(async (tx) => {
    const starts = at(now, 5, 19, 30);
    const id = await meeting(tx, gridworker, gridCouncil, 'onSite', '坝坝议事：垃圾分类投放点调整', '春晖苑5栋旁空地', starts, 2, []);
    await actOnMeeting(tx, gridworker.r, id, 'cancel', '当晚暴雨，改期再议', actor(gridworker, at(now, 5, 16, 0)), closeOpenMotions);
  });

  // 5. open now: 云坝会 of 春晖社区评议会 on the lift; the demo resident has not voted yet
  await db.transaction(async (tx) => {
    const starts = at(now, 1, 19, 0);
    const agenda = await openProposalsOf(tx, communityCouncil, 1);
    const id = await meeting(tx, community, communityCouncil, 'online', OPEN_TITLE, null, starts, 24 * 6, agenda);
    await actOnMeeting(tx, community.r, id, 'open', null, actor(community, starts), closeOpenMotions);
    const came = g1.slice(0, 10).filter((p) => p.personKey !== shufen?.personKey);
    await attend(tx, community, id, came, new Date(starts.getTime() + 15 * 60_000));
    await commentOnMeeting(tx, community.r, id, '我家住6楼，腿脚不好，非常希望加装电梯。', actor(community, new Date(starts.getTime() + HOUR)), { authorName: came[0]!.name });
    await commentOnMeeting(tx, community.r, id, '一楼住户担心采光和噪音，费用怎么分摊要先说清楚。', actor(community, new Date(starts.getTime() + 2 * HOUR)), { authorName: came[3]!.name });
    await commentOnMeeting(tx, community.r, id, '资金按楼层分摊，一楼二楼少出或不出，社区可以协调补贴。', actor(community, new Date(starts.getTime() + 3 * HOUR)));
    const mo = await motion(tx, community, id, '是否同意春晖苑3栋加装电梯（费用按楼层分摊）', RULES({ quorum: { kind: 'share', value: 0.3 }, passShare: 2 / 3 }),
      new Date(starts.getTime() + HOUR), new Date(now.getTime() + 3 * DAY), agenda[0] ?? null);
    for (const [i, person] of came.slice(0, 7).entries()) {
      await vote(tx, community, mo, person, i === 3 ? 'against' : i === 5 ? 'abstain' : 'for', new Date(starts.getTime() + (2 + i) * HOUR), i % 2 ? 'assisted' : 'onSite');
    }
  });

  // 6. coming: a 坝坝议事 of the first grid in three days
  await db.transaction(async (tx) => {
    const starts = at(now, -3, 19, 30);
    await createMeeting(tx, gridworker.p, {
      councilId: gridCouncil, kind: 'onSite', title: '坝坝议事：垃圾分类投放点调整（改期）', place: '春晖苑5栋旁空地', hostName: gridworker.p.name,
      startsAt: starts, endsAt: new Date(starts.getTime() + 2 * HOUR), proposalIds: await openProposalsOf(tx, gridCouncil, 1),
    }, actor(gridworker, at(now, 2, 10, 0)));
    counts.meetings++;
  });

  await demoIdeas(db, pii, { now, pl, community, leader, neighbours, shufen, residentAccount: residentAccount ?? null, counts });
  return `${counts.meetings} meetings (one 云坝会 open for 周淑芬 to vote in), ${counts.attendance} sign-ins, ${counts.votes} votes, ${counts.ideas} ideas with ${counts.supports} supports, last quarter's top ten published`;
}

const IDEAS: { title: string; body: string; category: IdeaCategory }[] = [
  { title: '公交站台加装座椅和雨棚', body: '春晖路公交站没有座椅，老人等车站不住，下雨也没处躲。', category: 'traffic' },
  { title: '老旧小区增设电动车充电桩', body: '楼道飞线充电很危险，建议在小区空地集中建充电棚。', category: 'safety' },
  { title: '社区食堂推出老年助餐', body: '独居老人做饭不方便，希望社区食堂有便宜的老年餐，能送餐上门更好。', category: 'elderly' },
  { title: '学校门口设置护学岗', body: '上下学时段车辆多，希望有志愿者和交警在路口护学。', category: 'children' },
  { title: '河道沿线增设健身步道', body: '河边环境好，修一条步道和几处健身器材，方便居民锻炼。', category: 'environment' },
  { title: '垃圾分类投放点延长开放时间', body: '上班族早出晚归，投放点开放时间太短，建议延长到晚上九点。', category: 'environment' },
  { title: '小区增设快递柜', body: '快递堆在门卫室容易丢，建议增设智能快递柜。', category: 'services' },
  { title: '社区开设周末四点半课堂', body: '双职工家庭放学后孩子没人管，希望社区开设托管课堂。', category: 'children' },
  { title: '路口增设盲道和无障碍坡道', body: '春晖路几个路口没有坡道，轮椅和婴儿车过不去。', category: 'traffic' },
  { title: '楼栋设立邻里互助信息栏', body: '在每栋楼下设信息栏，谁需要帮忙、谁能帮忙一目了然。', category: 'culture' },
  { title: '夜间增加路灯照明', body: '春晖苑后门小路晚上太黑，老人走路容易摔倒。', category: 'safety' },
  { title: '社区举办邻里文化节', body: '每年办一次百家宴和才艺展示，让邻居多认识。', category: 'culture' },
  { title: '老年人智能手机培训', body: '很多老人不会用手机挂号、扫码，希望有志愿者定期教。', category: 'elderly' },
  { title: '菜市场周边规范停车', body: '菜市场门口乱停车堵路，建议划定临时停车位。', category: 'traffic' },
  { title: '小区闲置空地改建口袋公园', body: '3栋后面的空地堆着建筑垃圾，改成小花园更好。', category: 'environment' },
  { title: '设立社区议事公告栏', body: '坝坝议事和云坝会的结果贴出来，没参加的人也能知道。', category: 'services' },
  { title: '独居老人一键呼叫', body: '给独居老人装一键呼叫设备，出事能及时联系网格员。', category: 'elderly' },
  { title: '共享工具箱', body: '社区放一套常用工具，大家登记借用，不用每家都买。', category: 'other' },
  { title: '增加社区医生坐诊时间', body: '社区卫生站医生只有上午在，希望下午也能看病开药。', category: 'services' },
  { title: '楼顶平台防水维修', body: '顶楼漏水多年，希望用维修基金统一修。', category: 'other' },
  { title: '消防通道标识重新喷涂', body: '小区消防通道标线模糊，车总停在上面。', category: 'safety' },
];

const RESPONSES = [
  '已纳入街道民生实事项目，预计下季度完成。', '已转交区交通部门，正在勘察选址。', '社区已与物业协商，本月内落实。',
  '已联系志愿服务队，每月开展一次。', '已列入明年预算，先在春晖社区试点。',
];

async function demoIdeas(db: Db, pii: PiiCipher, o: {
  now: Date; pl: Places; community: Staff; leader: Staff; neighbours: RegistryPerson[]; shufen: RegistryPerson | null;
  residentAccount: { id: string; name: string } | null; counts: { ideas: number; supports: number };
}): Promise<void> {
  const { now, community, leader, neighbours, shufen } = o;
  const thisQuarter = quarterOf(now);
  const lastQuarter = previousQuarter(thisQuarter);
  // the first day of this quarter (Asia/Shanghai), as an instant
  const bj = new Date(now.getTime() + BJ);
  const quarterStart = new Date(Date.UTC(bj.getUTCFullYear(), Math.floor(bj.getUTCMonth() / 3) * 3, 1) - BJ);
  const daysIntoQuarter = Math.floor((now.getTime() - quarterStart.getTime()) / DAY);
  const authors = neighbours.filter((_, i) => i % 3 === 0);
  const supporters = neighbours;
  const made: { id: string; last: boolean; i: number }[] = [];

  for (const [i, idea] of IDEAS.entries()) {
    const last = i < 12;
    // last quarter's: between 60 and 15 days before this quarter began; this quarter's: over the last weeks, inside it
    const when = last
      ? new Date(quarterStart.getTime() - (60 - i * 4) * DAY + 10 * HOUR)
      : new Date(now.getTime() - Math.max(1, Math.min(daysIntoQuarter, 40) - (i - 12) * 4) * DAY + 9 * HOUR);
    await db.transaction(async (tx) => {
      const author = authors[i % authors.length]!;
      const byShufen = !last && i === 14 && shufen && o.residentAccount;
      const r = await submitIdea(tx, byShufen
        ? { accountId: o.residentAccount!.id, person: shufen, name: shufen!.name, unitId: null }
        : { accountId: null, person: author, name: author.name, unitId: null }, idea, { accountId: byShufen ? o.residentAccount!.id : null, name: null, ip: '127.0.0.1', at: when, requestKey: null });
      o.counts.ideas++;
      made.push({ id: r.id, last, i });
      // neighbours support it over the following days: more for some ideas than others
      const n = last ? 30 - ((i * 7) % 23) : 14 - ((i * 5) % 11);
      for (let k = 0; k < n && k < supporters.length; k++) {
        const person = supporters[(i * 11 + k * 3) % supporters.length]!;
        const sAt = new Date(Math.min(when.getTime() + (1 + k / 3) * HOUR, (last ? quarterStart.getTime() - HOUR : now.getTime() - HOUR)));
        try {
          const s = await supportIdea(tx, r.id, person, null, { accountId: null, name: null, ip: '127.0.0.1', at: sAt, requestKey: null });
          if (s.created) o.counts.supports++;
        } catch { /* not open for support any more */ }
      }
      if (shufen && o.residentAccount && !byShufen && i % 4 === 1) {
        const s = await supportIdea(tx, r.id, shufen, o.residentAccount.id, { accountId: o.residentAccount.id, name: shufen.name, ip: '127.0.0.1', at: new Date(Math.min(when.getTime() + 5 * HOUR, now.getTime() - HOUR)), requestKey: null });
        if (s.created) o.counts.supports++;
      }
    });
  }

  // screening and answers: all of last quarter's, most of this quarter's (three still waiting)
  await db.transaction(async (tx) => {
    for (const m of made) {
      if (!m.last && m.i >= IDEAS.length - 3) continue;
      const created = (await tx.query<{ created_at: Date }>('select created_at from ideas where id = $1', [m.id])).rows[0]!.created_at;
      const limit = m.last ? quarterStart.getTime() - 2 * HOUR : now.getTime() - 2 * HOUR;
      const screenAt = new Date(Math.min(new Date(created).getTime() + 3 * DAY, limit));
      const rejected = m.i === 17 || m.i === 9;
      await actOnIdea(tx, pii, community.r, m.id, { kind: 'screen', accepted: !rejected, note: rejected ? '涉及私人产权，建议通过业主大会解决。' : '建议可行，采纳。' }, actor(community, screenAt));
      if (!rejected && (m.last || m.i % 2 === 0)) {
        await actOnIdea(tx, pii, community.r, m.id, { kind: 'respond', response: RESPONSES[m.i % RESPONSES.length]! }, actor(community, new Date(Math.min(screenAt.getTime() + 4 * DAY, limit + HOUR))));
      }
    }
    // last quarter's top ten, published by the town a few days into this quarter
    const publishAt = new Date(Math.min(quarterStart.getTime() + 5 * DAY + 10 * HOUR, now.getTime() - HOUR));
    const published = (await tx.query('select 1 from idea_top_lists where town_id = $1 and quarter = $2', [o.pl.town.id, lastQuarter])).rows[0];
    if (!published) await publishTopTen(tx, leader.p, o.pl.town, lastQuarter, actor(leader, publishAt));
  });
}
