import type { DemoContext } from '../../platform/capability.ts';
import { PiiCipher, loadPiiKey } from '../../platform/pii-cipher.ts';
import { demoPrincipal } from '../../disputes/demo/demo-store.ts';
import { personOfAccount } from '../../participation/person.ts';
import { TEAM_COLOURS, type ActivityKind, type TeamColour } from '../../../shared/volunteers.ts';
import { readerOf } from '../store.ts';
import { addMember, createTeam } from '../teams.ts';
import { checkIn, checkOut, closeActivity, createActivity, signUp, type ActivityAction } from '../activities.ts';

/*
 * 志愿服务's demo (issue 16, H5): 春晖社区's five-colour teams with members from the registry of its grids, six weeks
 * of activities and 微讲堂 talks (sign-ups, check-ins at the start, check-outs at the end, hours and the points of the
 * community's volunteerHour rule when the ledger's demo published one), each closed as done, and two upcoming ones open
 * for sign-up. 周淑芬 is in 民和橙 and served twice. Made through the volunteers' own commands with the clock of each
 * day, one transaction per activity; does nothing when the community has its teams already.
 */

const DAY = 86_400_000;
const DONE: ActivityAction = 'done';
const HOUR = 3_600_000;

const ACTIVITIES: { kind: ActivityKind; colour: TeamColour; title: string; place: string; hours: number; speaker?: string }[] = [
  { kind: 'activity', colour: 'green', title: '春晖苑环境大扫除', place: '春晖苑小区', hours: 2 },
  { kind: 'activity', colour: 'blue', title: '夜间平安巡逻', place: '春晖社区各网格', hours: 2 },
  { kind: 'lecture', colour: 'red', title: '微讲堂：防范电信网络诈骗', place: '春晖社区党群服务中心', hours: 1.5, speaker: '春晖路派出所 王警官' },
  { kind: 'activity', colour: 'orange', title: '独居老人上门探访', place: '春晖社区第1网格', hours: 2 },
  { kind: 'activity', colour: 'gold', title: '便民理发义剪', place: '春晖社区广场', hours: 3 },
  { kind: 'activity', colour: 'green', title: '垃圾分类桶边督导', place: '春晖苑垃圾分类点', hours: 2 },
  { kind: 'activity', colour: 'blue', title: '消防通道清理与宣传', place: '春晖路沿线小区', hours: 2 },
  { kind: 'lecture', colour: 'orange', title: '微讲堂：老年人防跌倒与急救常识', place: '春晖社区党群服务中心', hours: 1.5, speaker: '社区卫生服务中心 刘医生' },
  { kind: 'activity', colour: 'red', title: '政策宣讲进楼栋', place: '春晖社区第2网格', hours: 2 },
  { kind: 'activity', colour: 'orange', title: '“四点半课堂”作业辅导', place: '春晖社区儿童之家', hours: 2 },
  { kind: 'activity', colour: 'green', title: '社区义诊与健康测量', place: '春晖社区广场', hours: 3 },
  { kind: 'activity', colour: 'gold', title: '家电义务维修', place: '春晖社区广场', hours: 3 },
  { kind: 'lecture', colour: 'gold', title: '微讲堂：智能手机使用入门', place: '春晖社区老年活动室', hours: 1.5, speaker: '民兴金志愿者 赵老师' },
  { kind: 'activity', colour: 'blue', title: '雨季排水沟疏通', place: '春晖苑小区', hours: 2 },
  { kind: 'activity', colour: 'orange', title: '邻里调解志愿值班', place: '春晖社区调解室', hours: 3 },
  { kind: 'activity', colour: 'red', title: '党员志愿服务日', place: '春晖社区党群服务中心', hours: 2 },
  { kind: 'lecture', colour: 'green', title: '微讲堂：垃圾分类怎么分', place: '春晖社区党群服务中心', hours: 1.5, speaker: '街道城管办 陈科长' },
  { kind: 'activity', colour: 'green', title: '楼道堆物清理', place: '春晖社区第1网格', hours: 2 },
];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An instant of the day `daysAgo` before `now`, at Beijing hour `hour`. */
function beijingAt(now: Date, daysAgo: number, hour: number): Date {
  const d = new Date(now.getTime() + 8 * HOUR - daysAgo * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - 8 * HOUR + hour * HOUR);
}

export async function demoVolunteers(ctx: DemoContext): Promise<string | null> {
  const pii = new PiiCipher(loadPiiKey(ctx.config.dataDir));
  const organiser = await demoPrincipal(ctx.db, 'community');
  if (!organiser?.scopeOrgUnitId) return null;
  const community = (await ctx.db.query<{ id: string; path: string; name: string; level: string }>(
    'select id, path, name, level from org_units where id = $1', [organiser.scopeOrgUnitId])).rows[0];
  if (!community || community.level !== 'community') return null;
  if ((await ctx.db.query('select 1 from volunteer_teams where org_unit_id = $1 limit 1', [community.id])).rows.length) return null;

  const rand = rng(ctx.seed ^ 0x701ee5);
  const start = new Date(ctx.now.getTime() - 45 * DAY);
  const adultBorn = new Date(ctx.now.getTime() - 18 * 365.25 * DAY).toISOString().slice(0, 10);
  const elderBorn = new Date(ctx.now.getTime() - 76 * 365.25 * DAY).toISOString().slice(0, 10);
  const people = (await ctx.db.query<{ id: string; name: string; party_member: boolean }>(
    `select r.id, r.name, r.party_member from registry_residents r
      where r.org_path like $1 and r.left_at is null and r.birth_date <= $2 and r.birth_date > $3
      order by r.party_member desc, r.id limit 120`, [`${community.path}%`, adultBorn, elderBorn])).rows;
  if (people.length < 10) return null;
  const resident = await demoPrincipal(ctx.db, 'resident');
  const her = resident ? await personOfAccount(ctx.db, pii, resident.accountId) : null;

  // the five teams, each with members of the registry (party members lead 民聚红)
  const teams = new Map<TeamColour, { id: string; members: string[] }>();
  await ctx.db.transaction(async (tx) => {
    const r = await readerOf(tx, pii, organiser);
    const pool = people.filter((p) => p.id !== her?.residentId);
    for (const [i, colour] of TEAM_COLOURS.entries()) {
      const leader = colour === 'red' ? pool.find((p) => p.party_member) ?? pool[0]! : pool[(i * 7) % pool.length]!;
      const id = await createTeam(tx, r, { orgUnitId: community.id, colour, leaderName: leader.name }, { now: new Date(start.getTime() + i * HOUR), ip: '127.0.0.1' });
      const members = new Set<string>([leader.id]);
      const want = 6 + Math.floor(rand() * 6);
      while (members.size < want) {
        const candidates = colour === 'red' ? pool.filter((p) => p.party_member) : pool;
        members.add((candidates.length >= want ? candidates : pool)[Math.floor(rand() * (candidates.length >= want ? candidates : pool).length)]!.id);
      }
      if (colour === 'orange' && her) members.add(her.residentId);
      for (const m of members) await addMember(tx, r, id, m, { now: new Date(start.getTime() + i * HOUR + 10 * 60_000), ip: '127.0.0.1' });
      teams.set(colour, { id, members: [...members] });
    }
  });

  // six weeks of activities, every two or three days, each closed as done the evening after
  let done = 0;
  let hoursTotal = 0;
  const herActivities = new Set([3, 14]);
  for (const [i, a] of ACTIVITIES.entries()) {
    const daysAgo = 42 - Math.round(i * 2.3);
    if (daysAgo < 1) break;
    const startHour = a.kind === 'lecture' ? 14.5 : a.title.includes('夜间') ? 19 : 9;
    const startsAt = beijingAt(ctx.now, daysAgo, startHour);
    const endsAt = new Date(startsAt.getTime() + a.hours * HOUR);
    const team = teams.get(a.colour)!;
    await ctx.db.transaction(async (tx) => {
      const r = await readerOf(tx, pii, organiser);
      const created = new Date(startsAt.getTime() - (5 + Math.floor(rand() * 3)) * DAY);
      const { id } = await createActivity(tx, r, {
        orgUnitId: community.id, kind: a.kind, title: a.title, place: a.place, speaker: a.speaker ?? null, teamId: team.id,
        startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity: a.kind === 'lecture' ? 40 : 20,
        body: a.kind === 'lecture' ? `${a.speaker}主讲，欢迎居民报名参加。` : `${a.place}，请志愿者准时到场签到。`,
      }, { now: created, ip: '127.0.0.1' });
      const others = people.filter((p) => !team.members.includes(p.id) && p.id !== her?.residentId);
      const volunteers = [...team.members.filter(() => rand() < 0.7), ...(a.kind === 'lecture' ? others.filter(() => rand() < 0.12).map((p) => p.id) : [])];
      if (her && herActivities.has(i) && !volunteers.includes(her.residentId)) volunteers.push(her.residentId);
      for (const [k, v] of volunteers.entries()) {
        await signUp(tx, pii, r, id, v, { now: new Date(created.getTime() + (k + 1) * 37 * 60_000), ip: '127.0.0.1' });
      }
      for (const [k, v] of volunteers.entries()) {
        if (rand() < 0.1) continue; // signed up, did not come
        await checkIn(tx, pii, r, id, { residentId: v }, { now: new Date(startsAt.getTime() + ((k % 7) - 3) * 60_000), ip: '127.0.0.1' });
        if (rand() < 0.8) {
          const out = await checkOut(tx, pii, r, id, v, { now: new Date(endsAt.getTime() + (k % 5) * 60_000), ip: '127.0.0.1' });
          hoursTotal += out.hours;
        }
      }
      await closeActivity(tx, r, id, { action: DONE }, { now: new Date(endsAt.getTime() + 2 * HOUR), ip: '127.0.0.1' });
      done++;
    });
  }

  // two upcoming ones open for sign-up (周淑芬 not signed up yet)
  const upcoming: { kind: ActivityKind; colour: TeamColour; title: string; place: string; daysAhead: number; hours: number; speaker?: string }[] = [
    { kind: 'activity', colour: 'green', title: '春晖苑周末环境整治', place: '春晖苑小区', daysAhead: 3, hours: 2 },
    { kind: 'lecture', colour: 'red', title: '微讲堂：基层协商议事怎么议', place: '春晖社区党群服务中心', daysAhead: 6, hours: 1.5, speaker: '街道党工委 李书记' },
  ];
  await ctx.db.transaction(async (tx) => {
    const r = await readerOf(tx, pii, organiser);
    for (const u of upcoming) {
      const startsAt = beijingAt(ctx.now, -u.daysAhead, u.kind === 'lecture' ? 14.5 : 9);
      const created = new Date(ctx.now.getTime() - 2 * DAY);
      const { id } = await createActivity(tx, r, {
        orgUnitId: community.id, kind: u.kind, title: u.title, place: u.place, speaker: u.speaker ?? null, teamId: teams.get(u.colour)!.id,
        startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + u.hours * HOUR).toISOString(), capacity: u.kind === 'lecture' ? 40 : 15,
        body: u.kind === 'lecture' ? `${u.speaker}主讲，欢迎居民报名参加。` : '欢迎居民报名，自带手套。',
      }, { now: created, ip: '127.0.0.1' });
      const early = teams.get(u.colour)!.members.filter((m) => m !== her?.residentId).slice(0, 4);
      for (const [k, m] of early.entries()) await signUp(tx, pii, r, id, m, { now: new Date(created.getTime() + (k + 1) * HOUR), ip: '127.0.0.1' });
    }
  });
  return `${community.name}: 5 volunteer teams, ${done} activities and talks done (${hoursTotal} hours), 2 open for sign-up`;
}
