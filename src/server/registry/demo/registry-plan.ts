import type { Polygon } from 'geojson';
import type { Static } from '@sinclair/typebox';
import type {
  LeaveBody, BuildingBodyT, HazardBodyT, HazardPatchT, HouseholdBodyT, HouseholdPatchT, InspectionBodyT, PlaceBodyT, ResidentBodyT,
  ResidentPatchT, ThingBodyT,
} from '../schemas.ts';
import { dateOfDayNumber, shanghaiDayNumber, startOfShanghaiDay } from '../../../domain/sla/working-calendar.ts';
import { Random } from '../../cases/demo/random.ts';
import { planEstate, type EstateSpec, type PlannedBuilding } from './buildings-plan.ts';
import { grantSubsistence, planHousehold, type PeopleState, type PlannedResident } from './households-plan.ts';
import { ageOn, birthDateFor, givenName, idNumberFor, mobileNumber, regionOf } from './people.ts';
import { SpotPicker } from './spots.ts';
import { planPlaces, planThings, type PlannedThing } from './things-plan.ts';

/**
 * The demo registry of a grid as a list of commands in time order, each at its own instant: the grid worker records the
 * buildings, then goes from building to building entering households and their members, registers the places and risk
 * points, inspects them at their intervals, keeps the hazard ledger (which flats, what was done, the next check), and in
 * the last weeks records what changed (a death, a move, a birth, new phones, new tags, new renters). References between
 * records are keys the step turns into ids. Pure data: the same seed, grid and `now` give the same plan.
 */

export type DemoOp = { at: Date } & (
  | { kind: 'building'; key: string; body: BuildingBodyT }
  | { kind: 'household'; key: string; buildingKey: string | null; body: HouseholdBodyT }
  | { kind: 'resident'; key: string; householdKey: string; body: ResidentBodyT }
  | { kind: 'place'; buildingKey: string | null; body: PlaceBodyT }
  | { kind: 'thing'; key: string; buildingKey: string | null; body: ThingBodyT }
  | { kind: 'inspection'; thingKey: string; body: InspectionBodyT }
  | { kind: 'hazard'; key: string; thingKey: string | null; buildingKey: string | null; householdKeys: string[]; body: Omit<HazardBodyT, 'thingId' | 'buildingId' | 'householdIds'> }
  | { kind: 'hazardUpdate'; hazardKey: string; patch: Omit<HazardPatchT, 'version'> }
  | { kind: 'residentUpdate'; residentKey: string; patch: Omit<ResidentPatchT, 'version'> }
  | { kind: 'residentLeave'; residentKey: string; body: LeaveBodyT }
  | { kind: 'householdUpdate'; householdKey: string; headResidentKey?: string; patch: Omit<HouseholdPatchT, 'version' | 'headResidentId'> }
);

export interface GridSpec {
  geometry: Polygon;
  /** the street the grid's addresses are on */
  street: string;
  estates: EstateSpec[];
  /** the demo grid worker's grid: places, every kind of risk point, the hazard ledger and the recent changes */
  main: boolean;
}

export interface GridPlan {
  ops: DemoOp[];
  buildings: number;
  households: number;
  residents: number;
}

type LeaveBodyT = Static<typeof LeaveBody>;

const MIN = 60_000;

/** Instants of the days before `now`, in Shanghai working hours. */
class Days {
  private readonly today: number;
  private readonly now: Date;
  private readonly r: Random;
  constructor(now: Date, r: Random) {
    this.now = now;
    this.r = r;
    this.today = shanghaiDayNumber(now);
  }
  /** `daysAgo` days before today, at hh:mm Shanghai time (never after `now`) */
  at(daysAgo: number, hour: number, minute = 0): Date {
    const t = new Date(startOfShanghaiDay(this.today - daysAgo).getTime() + (hour * 60 + minute) * MIN);
    return t.getTime() < this.now.getTime() ? t : new Date(this.now.getTime() - (daysAgo + 1) * MIN);
  }
  /** a working hour of that day */
  during(daysAgo: number): Date {
    return this.at(daysAgo, this.r.pick([9, 10, 11, 14, 15, 16]), this.r.int(0, 59));
  }
  date(daysAgo: number): string {
    return dateOfDayNumber(this.today - daysAgo);
  }
  /** Saturday or Sunday (1970-01-01 was a Thursday) */
  weekend(daysAgo: number): boolean {
    const dow = (this.today - daysAgo + 4) % 7;
    return dow === 0 || dow === 6;
  }
}

const residentBody = (p: PlannedResident): ResidentBodyT => ({
  name: p.name, idNumber: p.idNumber, phone: p.phone, gender: p.gender, birthDate: p.birthDate, relation: p.relation,
  tags: p.tags, partyMember: p.partyMember, note: p.note,
});

/** How many days back the registry drive started (the buildings), and the days it took to enter the households. */
const DRIVE_START = 45;
const DRIVE_END = 12;

export function planGridRegistry(seed: number, label: string, grid: GridSpec, now: Date): GridPlan {
  const random = new Random(seed).fork(`registry:${label}`);
  const r = random.fork('people');
  const days = new Days(now, random.fork('days'));
  const spots = new SpotPicker(random.fork('spots'), grid.geometry);
  const people: PeopleState = { ids: new Set(), phones: new Set(), today: days.date(0) };
  const buildings: PlannedBuilding[] = grid.estates.flatMap((e) => planEstate(r, people, spots, e));
  grantSubsistence(r, buildings.flatMap((b) => b.flats.map((f) => f.household)));
  const places = planPlaces(random.fork('places'), spots, buildings, grid.street, grid.main);
  const things = planThings(random.fork('things'), spots, buildings, grid.main);

  const ops: DemoOp[] = [];
  // day one of the drive: every building
  buildings.forEach((b, i) => ops.push({
    at: days.at(DRIVE_START, 9, 30 + i * 6), kind: 'building', key: b.key,
    body: { name: b.name, address: b.address, location: b.location, units: b.units, floors: b.floors, roomsPerFloor: b.roomsPerFloor, structure: b.structure, builtYear: b.builtYear, note: null },
  }));
  // then the households, building by building over the working days of the drive, a few minutes each
  const flats = buildings.flatMap((b) => b.flats.map((f) => ({ b, f })));
  const workdays: number[] = [];
  for (let d = DRIVE_START - 1; d >= DRIVE_END; d--) if (!days.weekend(d)) workdays.push(d);
  const perDay = Math.ceil(flats.length / workdays.length);
  flats.forEach(({ b, f }, i) => {
    const day = workdays[Math.floor(i / perDay)]!;
    const start = days.at(day, (i % perDay) < perDay / 2 ? 9 : 14, 0).getTime() + (i % Math.ceil(perDay / 2)) * 12 * MIN;
    const key = `${b.key}-${f.unitNo}-${f.roomNo}`;
    ops.push({ at: new Date(start), kind: 'household', key, buildingKey: b.key,
      body: { unitNo: f.unitNo, floorNo: f.floorNo, roomNo: f.roomNo, residenceKind: f.household.residenceKind, note: f.household.note } });
    f.household.members.forEach((m, k) => ops.push({
      at: new Date(start + (k + 1) * MIN), kind: 'resident', key: `${key}#${k}`, householdKey: key, body: residentBody(m),
    }));
  });
  places.forEach((p, i) => ops.push({
    at: days.at(DRIVE_START - 2, 10, i * 9), kind: 'place', buildingKey: p.buildingKey,
    body: { kind: p.kind, name: p.name, address: p.address, location: p.location, creditCode: p.creditCode, contactName: p.contactName, contactPhone: p.contactPhone, note: p.note },
  }));
  things.forEach((t, i) => ops.push({
    at: days.at(DRIVE_START - 3, 9, 20 + i * 7), kind: 'thing', key: t.key, buildingKey: t.buildingKey,
    body: { kind: t.kind, name: t.name, address: t.address, location: t.location, riskLevel: t.riskLevel, inspectionEveryDays: t.inspectionEveryDays, note: t.note },
  }));
  ops.push(...planInspections(random.fork('inspections'), days, things, DRIVE_START - 3));
  if (grid.main) {
    const recorded = new Map(ops.filter((o) => o.kind === 'household').map((o) => [(o as { key: string }).key, o.at]));
    ops.push(...planLedger(days, buildings, things, recorded));
    ops.push(...planChanges(random.fork('changes'), days, buildings, people));
  }
  ops.sort((a, b) => a.at.getTime() - b.at.getTime());
  const count = (kind: DemoOp['kind']) => ops.filter((o) => o.kind === kind).length;
  return { ops, buildings: buildings.length, households: count('household'), residents: count('resident') };
}

const INSPECTION_NOTES: Record<string, readonly string[]> = {
  hydrant: ['水压正常，阀门开关灵活。', '外观完好，周边无遮挡。', '出水口盖帽缺失一个，已报物业补配。'],
  manhole: ['井盖完好，无松动。', '井盖平整，周边路面无沉降。'],
  retainingWall: ['墙面无新增裂缝，排水孔通畅。', '墙脚有少量渗水，已拍照留存。'],
  facade: ['外墙瓷砖无新增空鼓、脱落。', '用望远镜逐层查看，未见异常。'],
  slope: ['坡面稳定，截水沟通畅。', '坡脚无落石，警示牌完好。'],
  other: ['灭火器在有效期内，充电口无私拉线。', '棚内无杂物堆放。'],
};

/** Each thing inspected at its interval (a day or two late now and then) from the day it was registered, except lapses. */
function planInspections(r: Random, days: Days, things: readonly PlannedThing[], from: number): DemoOp[] {
  const ops: DemoOp[] = [];
  for (const t of things) {
    // from the day after it was registered
    for (let d = from - 1 - r.int(0, 2); d >= Math.max(t.lapseDays, 0); d -= t.inspectionEveryDays + r.int(-1, 1)) {
      ops.push({ at: days.during(d), kind: 'inspection', thingKey: t.key, body: { inspectedOn: days.date(d), result: 'normal', note: r.pick(INSPECTION_NOTES[t.kind]!) } });
    }
  }
  return ops;
}

/**
 * The hazard ledger: the facade-tile entries of the high-rise (which flats, what was done, the next check, follow-ups),
 * a crack in the retaining wall, a broken manhole cover, e-bikes charged on a stairway, stones off the slope.
 */
function planLedger(days: Days, buildings: readonly PlannedBuilding[], things: readonly PlannedThing[], recorded: ReadonlyMap<string, Date>): DemoOp[] {
  const ops: DemoOp[] = [];
  const thing = (kind: string, n = 0) => things.filter((t) => t.kind === kind)[n];
  // the flats of a building the registry had on the day (`daysAgo`) an entry names them
  const flatKeys = (b: PlannedBuilding, pick: (f: PlannedBuilding['flats'][number]) => boolean, daysAgo: number, most = 4) =>
    b.flats.map((f) => ({ f, key: `${b.key}-${f.unitNo}-${f.roomNo}` }))
      .filter(({ f, key }) => pick(f) && (recorded.get(key)?.getTime() ?? Infinity) < days.at(daysAgo, 0).getTime())
      .slice(0, most).map(({ key }) => key);
  const found = (daysAgo: number, t: PlannedThing | undefined, hazard: string, note: string) => {
    if (t) ops.push({ at: days.at(daysAgo, 10, 5), kind: 'inspection', thingKey: t.key, body: { inspectedOn: days.date(daysAgo), result: 'hazard', note: `${note}（已记入隐患台账）` } });
    return hazard;
  };
  const facade = thing('facade');
  const tower = buildings.find((b) => b.key === facade?.buildingKey);
  if (facade && tower) {
    // the upper flats of the tower's first unit, where the tiles came loose
    const upper = flatKeys(tower, (f) => f.unitNo === 1 && f.floorNo >= tower.floors - 6, 33);
    const rooms = upper.map((k) => k.split('-').at(-1)).join('、') || `${tower.floors - 2} 层`;
    const key = found(33, facade, 'facade-tiles', '发现外墙瓷砖空鼓脱落');
    ops.push({ at: days.at(33, 10, 20), kind: 'hazard', key, thingKey: facade.key, buildingKey: tower.key, householdKeys: upper,
      body: { foundOn: days.date(33), description: `${tower.name}1单元高层（${rooms}）外墙瓷砖空鼓，${rooms.split('、')[0]} 窗下已有两块瓷砖脱落，下方为单元出入口。`,
        actionTaken: '已在单元出入口拉设警戒带、张贴安全提示，通知物业公司和相关住户。', nextCheckOn: days.date(26), status: 'open' } });
    ops.push({ at: days.at(26, 15, 10), kind: 'hazardUpdate', hazardKey: key,
      patch: { actionTaken: '物业已联系施工单位现场查看，空鼓面积约 12 平方米，已申请使用专项维修资金，警戒带保持。', nextCheckOn: days.date(19) } });
    ops.push({ at: days.at(19, 11, 0), kind: 'hazardUpdate', hazardKey: key,
      patch: { actionTaken: '维修资金已批复，施工单位定于下周吊篮作业；已再次提醒住户不要在楼下停留。', nextCheckOn: days.date(12) } });
    ops.push({ at: days.at(12, 16, 30), kind: 'hazardUpdate', hazardKey: key,
      patch: { actionTaken: '施工单位吊篮作业，已敲除空鼓瓷砖并用外墙涂料修补；待涂料养护后复查。', nextCheckOn: days.date(-3) } });
  }
  const facade2 = thing('facade', 1);
  const tower2 = buildings.find((b) => b.key === facade2?.buildingKey);
  if (facade2 && tower2) {
    const flat = flatKeys(tower2, (f) => f.floorNo >= 6, 20, 1);
    const key = found(20, facade2, 'facade-balcony', '发现阳台外侧瓷砖松动');
    ops.push({ at: days.at(20, 10, 30), kind: 'hazard', key, thingKey: facade2.key, buildingKey: tower2.key, householdKeys: flat,
      body: { foundOn: days.date(20), description: `${tower2.name}${flat[0] ? `${flat[0].split('-')[1]}单元${flat[0].split('-')[2]}` : ''}阳台外侧瓷砖松动一块，有坠落风险。`,
        actionTaken: '已告知住户不要在阳台下方堆放物品，通知物业维修。', nextCheckOn: days.date(13), status: 'open' } });
    ops.push({ at: days.at(13, 14, 40), kind: 'hazardUpdate', hazardKey: key,
      patch: { actionTaken: '物业已更换松动瓷砖，现场复查牢固。', nextCheckOn: null, status: 'resolved' } });
  }
  const wall = thing('retainingWall');
  if (wall) {
    const key = found(15, wall, 'wall-crack', '墙体中部裂缝变宽');
    ops.push({ at: days.at(15, 10, 40), kind: 'hazard', key, thingKey: wall.key, buildingKey: null, householdKeys: [],
      body: { foundOn: days.date(15), description: '堡坎中部裂缝宽约 3 毫米，较上月明显变宽，雨后墙脚有渗水。',
        actionTaken: '设置裂缝观测点并拍照，已报街道城市更新岗；提醒下方住户雨天绕行。', nextCheckOn: days.date(8), status: 'open' } });
    ops.push({ at: days.at(8, 10, 15), kind: 'hazardUpdate', hazardKey: key,
      patch: { actionTaken: '观测裂缝宽约 3.5 毫米，墙脚排水孔已疏通；街道已委托检测单位下周鉴定。', nextCheckOn: days.date(1) } });
  }
  const manhole = thing('manhole');
  if (manhole) {
    const key = found(10, manhole, 'manhole-broken', '井盖破损');
    ops.push({ at: days.at(10, 9, 50), kind: 'hazard', key, thingKey: manhole.key, buildingKey: null, householdKeys: [],
      body: { foundOn: days.date(10), description: '井盖破损一角，电瓶车经过有颠簸，夜间不易看清。', actionTaken: '已放置警示锥，联系产权单位更换。', nextCheckOn: days.date(8), status: 'open' } });
    ops.push({ at: days.at(8, 16, 0), kind: 'hazardUpdate', hazardKey: key, patch: { actionTaken: '产权单位已更换新井盖，警示锥已撤除。', nextCheckOn: null, status: 'resolved' } });
  }
  const walkUp = buildings.find((b) => b.estate.kind === 'old');
  if (walkUp) {
    const flat = flatKeys(walkUp, (f) => f.floorNo <= 3, 6, 1);
    ops.push({ at: days.at(6, 19, 20), kind: 'hazard', key: 'stair-ebike', thingKey: null, buildingKey: walkUp.key, householdKeys: flat,
      body: { foundOn: days.date(6), description: '楼道内停放电动车并飞线充电，堵塞疏散通道。', actionTaken: '当场劝导住户将电动车移至集中充电棚，已拆除飞线。', nextCheckOn: days.date(3), status: 'open' } });
    ops.push({ at: days.at(3, 10, 0), kind: 'hazardUpdate', hazardKey: 'stair-ebike', patch: { actionTaken: '复查楼道已无电动车停放。', nextCheckOn: null, status: 'resolved' } });
  }
  const slope = thing('slope');
  if (slope) {
    const key = found(4, slope, 'slope-stones', '坡脚有落石');
    ops.push({ at: days.at(4, 11, 10), kind: 'hazard', key, thingKey: slope.key, buildingKey: null, householdKeys: [],
      body: { foundOn: days.date(4), description: '连续降雨后边坡坡脚有少量土石滑落，截水沟部分堵塞。', actionTaken: '已清理落石、疏通截水沟，增设警示牌。', nextCheckOn: days.date(-2), status: 'open' } });
  }
  return ops;
}

/** What changed in the last weeks: a death (the widow now lives alone), a move, a birth, new phones and tags, renters. */
function planChanges(r: Random, days: Days, buildings: readonly PlannedBuilding[], people: PeopleState): DemoOp[] {
  const ops: DemoOp[] = [];
  const flats = buildings.flatMap((b) => b.flats.map((f) => ({ key: `${b.key}-${f.unitNo}-${f.roomNo}`, b, f, h: f.household })));
  const today = days.date(0);
  const couple = flats.find(({ h }) => h.kind === 'elderCouple' && h.members.every((m) => ageOn(m.birthDate, today) >= 72));
  if (couple) {
    const husband = couple.h.members.find((m) => m.gender === 'male') ?? couple.h.members[0]!;
    const gone = couple.h.members.indexOf(husband);
    const stays = 1 - gone;
    const widow = couple.h.members[stays]!;
    ops.push({ at: days.at(18, 10, 30), kind: 'residentLeave', residentKey: `${couple.key}#${gone}`, body: { reason: 'died', note: '因病去世。' } });
    ops.push({ at: days.at(17, 15, 0), kind: 'residentUpdate', residentKey: `${couple.key}#${stays}`, patch: {
      relation: 'head', tags: [...widow.tags.filter((t) => t !== 'elderly_empty_nest'), 'elderly_alone'],
      note: '老伴近期去世，现独居，女儿每周回来两次。' } });
    ops.push({ at: days.at(17, 15, 2), kind: 'householdUpdate', householdKey: couple.key, headResidentKey: `${couple.key}#${stays}`, patch: { note: null } });
  }
  const grown = flats.find(({ h }) => h.kind === 'adultChild');
  if (grown) ops.push({ at: days.at(11, 14, 20), kind: 'residentLeave', residentKey: `${grown.key}#2`, body: { reason: 'movedAway', note: '到渝北区工作，户口随迁。' } });
  const young = flats.find(({ h }) => h.kind === 'youngCouple');
  if (young) {
    const father = young.h.members.find((m) => m.gender === 'male') ?? young.h.members[0]!;
    const gender = r.chance(0.5) ? 'male' as const : 'female' as const;
    const birthDate = birthDateFor(r, 0, days.date(14));
    ops.push({ at: days.at(6, 10, 45), kind: 'resident', key: `${young.key}#born`, householdKey: young.key, body: {
      name: father.name[0]! + givenName(r, gender, Number(birthDate.slice(0, 4))), idNumber: idNumberFor(r, regionOf(r, 'local'), birthDate, gender, people.ids),
      phone: null, gender, birthDate, relation: 'child', tags: [], partyMember: false, note: '新生儿，已办理出生登记。' } });
  }
  const callers = flats.filter(({ h }) => h.members[0]!.phone !== null).slice(5, 8);
  callers.forEach(({ key }, i) => ops.push({ at: days.at(9 - i * 3, 11, 5), kind: 'residentUpdate', residentKey: `${key}#0`, patch: { phone: mobileNumber(r, people.phones) } }));
  const certificate = flats.find(({ h }) => h.members.some((m) => ageOn(m.birthDate, today) >= 65 && !m.tags.includes('disabled')) && h.kind === 'threeGenerations');
  if (certificate) {
    const k = certificate.h.members.findIndex((m) => ageOn(m.birthDate, today) >= 65 && !m.tags.includes('disabled'));
    ops.push({ at: days.at(7, 15, 30), kind: 'residentUpdate', residentKey: `${certificate.key}#${k}`,
      patch: { tags: [...certificate.h.members[k]!.tags, 'disabled'], note: '已办理残疾人证（肢体三级）。' } });
  }
  const noted = flats.find(({ h }) => h.kind === 'leftBehind');
  if (noted) ops.push({ at: days.at(5, 16, 10), kind: 'householdUpdate', householdKey: noted.key, patch: { note: `${noted.h.note ?? ''}孩子已纳入关爱服务，志愿者每周辅导作业一次。` } });
  // new renters in a flat the registry had as empty
  const tower = buildings.find((b) => b.estate.kind === 'new') ?? buildings[0]!;
  const used = new Set(tower.flats.map((f) => `${f.unitNo}-${f.roomNo}`));
  outer: for (let u = 1; u <= tower.units; u++) {
    for (let f = 2; f <= tower.floors; f++) {
      const roomNo = `${f}01`;
      if (used.has(`${u}-${roomNo}`)) continue;
      const key = `${tower.key}-${u}-${roomNo}`;
      const h = planHousehold(r, people, 'renters');
      ops.push({ at: days.at(3, 18, 40), kind: 'household', key, buildingKey: tower.key, body: { unitNo: u, floorNo: f, roomNo, residenceKind: 'floating', note: h.note } });
      h.members.forEach((m, k) => ops.push({ at: days.at(3, 18, 41 + k), kind: 'resident', key: `${key}#${k}`, householdKey: key, body: residentBody(m) }));
      break outer;
    }
  }
  return ops;
}
