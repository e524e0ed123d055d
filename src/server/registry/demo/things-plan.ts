import type { PlaceKind, RiskLevel, ThingKind } from '../../../shared/registry.ts';
import { normaliseCreditCode } from '../../../domain/registry/credit-code.ts';
import type { Random } from '../../cases/demo/random.ts';
import type { PlannedBuilding } from './buildings-plan.ts';
import { mobileNumber, surname, givenName } from './people.ts';
import type { SpotPicker, Spot } from './spots.ts';

/**
 * The places (shops, a kindergarten, a market, a clinic, enterprises) and things (hydrants, manholes, retaining walls,
 * facades, a slope) of a demo grid, with risk levels and inspection intervals. Pure data from a seeded generator.
 */

export interface PlannedPlace {
  kind: PlaceKind;
  name: string;
  address: string;
  location: Spot;
  buildingKey: string | null;
  creditCode: string | null;
  contactName: string | null;
  contactPhone: string | null;
  note: string | null;
}

export interface PlannedThing {
  key: string;
  kind: ThingKind;
  name: string;
  address: string;
  location: Spot;
  buildingKey: string | null;
  riskLevel: RiskLevel;
  inspectionEveryDays: number;
  note: string | null;
  /** the grid worker stopped inspecting it this many days before the end (an overdue risk point), else 0 */
  lapseDays: number;
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A well-formed 统一社会信用代码 (GB 32100): `prefix` 91 (a company) or 92 (a sole trader), registered in `region`, a
 * made-up organisation code, and the check character the registry's own rule accepts.
 */
export function creditCode(r: Random, prefix: '91' | '92', region: string): string {
  const first17 = `${prefix}${region}MA${Array.from({ length: 7 }, () => r.pick([...CREDIT_CHARS])).join('')}`;
  return [...CREDIT_CHARS].map((c) => first17 + c).find((code) => normaliseCreditCode(code) !== null)!;
}

const SHOPS: readonly { name: string; note: string | null }[] = [
  { name: '春晖便民超市', note: '24 小时营业。' },
  { name: '惠民大药房', note: null },
  { name: '渝味小面馆', note: '使用罐装液化气，已签消防安全承诺书。' },
  { name: '老张五金店', note: null },
  { name: '丽人理发店', note: null },
  { name: '好邻居快递驿站', note: '代收多家快递，晚高峰门口人多。' },
];

/** The shops on the buildings' ground floors, and for the demo grid (`main`) a kindergarten, a market, a clinic, enterprises, a garden. */
export function planPlaces(r: Random, spots: SpotPicker, buildings: readonly PlannedBuilding[], street: string, main: boolean): PlannedPlace[] {
  const contact = () => {
    const gender = r.chance(0.5) ? 'male' as const : 'female' as const;
    return surname(r) + givenName(r, gender, r.int(1965, 1990));
  };
  const phones = new Set<string>();
  const places: PlannedPlace[] = [];
  const ground = (b: PlannedBuilding) => ({ location: spots.near(b.location, 12), buildingKey: b.key, address: `${b.address}底商` });
  const shops = main ? SHOPS : SHOPS.slice(0, 2).map((s) => ({ ...s, name: s.name.replace('春晖', '二村') }));
  shops.forEach((s, i) => {
    const b = buildings[(i * 3) % buildings.length]!;
    places.push({ kind: 'shop', name: s.name, ...ground(b), creditCode: creditCode(r, '92', '500104'), contactName: contact(), contactPhone: mobileNumber(r, phones), note: s.note });
  });
  if (!main) return places;
  const own = (kind: PlaceKind, name: string, no: number, note: string | null, company: boolean) => ({
    kind, name, address: `${street}${no}号`, location: spots.pick(50), buildingKey: null,
    creditCode: company ? creditCode(r, '91', '500104') : null, contactName: contact(), contactPhone: mobileNumber(r, phones), note,
  });
  places.push(
    own('school', '春晖幼儿园', 152, '在园幼儿 186 名，上下学时段门口车辆较多。', false),
    own('market', '春晖农贸市场', 120, '摊位 96 个，早市 6:00 开始。', true),
    own('hospital', '春晖社区卫生服务站', 136, '提供老年人体检和家庭医生签约服务。', false),
    own('enterprise', '重庆钢花物业管理有限公司', 98, '负责钢花新村、春晖苑的物业服务。', true),
    own('enterprise', '重庆春晖电子科技有限公司', 176, '员工约 60 人，有小型仓库。', true),
    own('park', '春晖街心花园', 140, null, false),
  );
  return places;
}

/**
 * The grid's risk points and facilities: hydrants and manholes by the buildings, the retaining wall (堡坎) behind an old
 * building, the tiled facades of the high-rises, the slope behind the estate. A few have not been inspected for longer
 * than their interval (lapseDays), as happens.
 */
export function planThings(r: Random, spots: SpotPicker, buildings: readonly PlannedBuilding[], main: boolean): PlannedThing[] {
  const things: PlannedThing[] = [];
  const old = buildings.filter((b) => b.estate.kind === 'old');
  const high = buildings.filter((b) => b.estate.kind === 'new');
  const add = (t: Omit<PlannedThing, 'key'>) => things.push({ ...t, key: `${t.kind}${things.length + 1}` });
  const hydrants = main ? 5 : 1;
  for (let i = 0; i < hydrants; i++) {
    const b = buildings[(i * 2) % buildings.length]!;
    add({ kind: 'hydrant', name: `${b.name}旁${i + 1}号消火栓`, address: `${b.address}旁`, location: spots.near(b.location, 20), buildingKey: null,
      riskLevel: 'low', inspectionEveryDays: 30, note: '地上式消火栓，每月检查水压和阀门。', lapseDays: main && i === 3 ? 40 : 0 });
  }
  const manholes = main ? 6 : 1;
  for (let i = 0; i < manholes; i++) {
    const b = buildings[(i * 3 + 1) % buildings.length]!;
    const kind = r.pick(['雨水', '污水', '通信', '燃气']);
    const risk: RiskLevel = kind === '燃气' || i === 0 ? 'medium' : 'low';
    add({ kind: 'manhole', name: `${b.estate.name}${kind}井盖${i + 1}号`, address: `${b.address}前道路`, location: spots.near(b.location, 25), buildingKey: null,
      riskLevel: risk, inspectionEveryDays: risk === 'medium' ? 14 : 30, note: null, lapseDays: main && i === 4 ? 20 : 0 });
  }
  if (!main) return things;
  const wallAt = old[Math.min(2, old.length - 1)] ?? buildings[0]!;
  add({ kind: 'retainingWall', name: `${wallAt.name}后堡坎`, address: `${wallAt.address}北侧`, location: spots.near(wallAt.location, 30), buildingKey: null,
    riskLevel: 'high', inspectionEveryDays: 7, note: '浆砌条石堡坎，高约 6 米、长约 40 米，下方为住户通道。', lapseDays: 0 });
  add({ kind: 'retainingWall', name: `${buildings[0]!.estate.name}东侧堡坎`, address: `${buildings[0]!.estate.address}东侧`, location: spots.pick(40), buildingKey: null,
    riskLevel: 'medium', inspectionEveryDays: 14, note: '高约 3 米，墙面有少量植物根系。', lapseDays: 17 });
  for (const [i, b] of high.slice(0, 2).entries()) {
    add({ kind: 'facade', name: `${b.name}外立面`, address: b.address, location: spots.near(b.location, 8), buildingKey: b.key,
      riskLevel: i === 0 ? 'major' : 'medium', inspectionEveryDays: i === 0 ? 7 : 30,
      note: `${b.builtYear} 年建成，外墙为瓷砖饰面，${b.floors} 层。`, lapseDays: 0 });
  }
  add({ kind: 'slope', name: `${(high[0] ?? buildings[0]!).estate.name}后山边坡`, address: `${(high[0] ?? buildings[0]!).estate.address}后山`, location: spots.pick(60),
    buildingKey: null, riskLevel: 'high', inspectionEveryDays: 7, note: '土质边坡，雨季重点巡查，坡脚有挡土墙。', lapseDays: 0 });
  const shed = old[0] ?? buildings[0]!;
  add({ kind: 'other', name: `${shed.estate.name}电动车集中充电棚`, address: `${shed.address}旁`, location: spots.near(shed.location, 15), buildingKey: null,
    riskLevel: 'medium', inspectionEveryDays: 30, note: '20 个充电口，配有灭火器 2 具。', lapseDays: 0 });
  return things;
}
