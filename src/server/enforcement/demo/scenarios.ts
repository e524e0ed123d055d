import type { DemoScene } from '../../files/demo-photos.ts';
import type { Facts, PenaltyKind } from '../../../shared/enforcement.ts';

/*
 * The enforcement demo of 春晖路街道 over the last six weeks: the town's 综合执法 team (邓志强, 综合执法岗) takes the
 * 占道经营 and 占用消防通道 cases the dispatcher sends it from the loop, and what it finds on patrol (小广告, 建筑垃圾,
 * 楼道电动车, 夜间施工, 油烟); the rules propose the benchmark from the facts, the officer confirms or departs from it
 * with a reason, the leader (陈志明) signs off the legal review — once returning a case for want of evidence — the
 * officer decides, the fine is paid or the warning served, and the case is closed (its loop case handed in). Most are
 * decided within 15 minutes; a few took longer. Cases of the last days are still open at each step. Then four joint
 * inspections (执法监管一件事): three done, one finding an unlicensed business that opens a case, one planned.
 *
 * Pure data: each case's `steps` are minutes after it was opened. The demo step plays them through the enforcement
 * commands, each at its instant; steps later than the demo's `now` are left for the user to take.
 */

export interface DemoSubject {
  kind: 'person' | 'firm';
  name: string;
  gender?: 'male' | 'female';
  age?: number;
  address: string;
  legalRepresentative?: string;
}

export type DemoCaseStep =
  | { kind: 'evidence'; min: number; evidence: 'photo' | 'statement'; text?: string; note?: string }
  | { kind: 'updateFacts'; min: number; facts: Facts }
  | { kind: 'confirm'; min: number; benchmarkKey?: string; penalty: { kind: PenaltyKind; fineYuan?: number }; departureReason?: string }
  | { kind: 'review'; min: number; approved: boolean; opinion: string }
  | { kind: 'decide'; min: number }
  | { kind: 'pay'; min: number; amountYuan: number }
  | { kind: 'execute'; min: number; note: string }
  | { kind: 'close'; min: number; note?: string }
  | { kind: 'drop'; min: number; reason: string };

export interface DemoEnforcementCase {
  key: string;
  /** opened `day` days before now at Beijing [hh, mm] */
  day: number;
  at: [number, number];
  grid: string;
  /** a case of the loop it comes from: reported `minutesBefore` the opening, accepted and dispatched to 综合执法岗 */
  loop?: { categoryCode: 'E0401' | 'E0402' | 'E0102'; reporter: 'gridworker' | 'public' | 'hotline'; minutesBefore: number; description: string };
  matterCode: string;
  facts: Facts;
  subject: DemoSubject;
  description: string;
  address: string;
  scene: DemoScene;
  steps: DemoCaseStep[];
}

const H = 60;
const D = 24 * H;

/** the usual quick path: a photo and the statement on the spot, the band confirmed, reviewed, decided */
const quick = (confirm: Extract<DemoCaseStep, { kind: 'confirm' }>['penalty'], m: readonly [number, number, number, number, number] = [2, 4, 6, 9, 12], departureReason?: string, benchmarkKey?: string): DemoCaseStep[] => [
  { kind: 'evidence', min: m[0], evidence: 'photo', note: '现场照片' },
  { kind: 'evidence', min: m[1], evidence: 'statement', text: '当事人对违法事实无异议，表示愿意接受处理。' },
  { kind: 'confirm', min: m[2], penalty: confirm, ...(departureReason ? { departureReason } : {}), ...(benchmarkKey ? { benchmarkKey } : {}) },
  { kind: 'review', min: m[3], approved: true, opinion: '事实清楚，证据确凿，适用依据正确，裁量适当，同意。' },
  { kind: 'decide', min: m[4] },
];
const paid = (amountYuan: number, afterMin: number, closeAfterMin = 60): DemoCaseStep[] => [
  { kind: 'pay', min: afterMin, amountYuan },
  { kind: 'close', min: afterMin + closeAfterMin, note: '罚款已缴清，结案。' },
];
const served = (note: string, afterMin: number, closeAfterMin = 30): DemoCaseStep[] => [
  { kind: 'execute', min: afterMin, note },
  { kind: 'close', min: afterMin + closeAfterMin, note: '已执行完毕，结案。' },
];

const STALL = (street: string) => `在${street}店门外人行道摆放货架、桌椅经营，占用人行道。`;

export const DEMO_ENFORCEMENT_CASES: DemoEnforcementCase[] = [
  // ---- 占道经营 from the loop
  {
    key: 'stall-fruit-1', day: 40, at: [10, 12], grid: '柏树堡社区第2网格', matterCode: 'ZF-SR-001',
    loop: { categoryCode: 'E0401', reporter: 'public', minutesBefore: 35, description: '柏树堡农贸市场门口水果店把水果摊摆到人行道上，行人只能走机动车道。' },
    facts: { areaSqm: 4, firstOffence: true, correctedAtOnce: false, blocksPassage: true },
    subject: { kind: 'person', name: '杨春林', gender: 'male', age: 46, address: '柏树堡路12号鲜果铺' },
    description: STALL('柏树堡路12号鲜果铺'), address: '柏树堡路12号', scene: 'stall',
    steps: [...quick({ kind: 'fine', fineYuan: 200 }), ...paid(200, 2 * D)],
  },
  {
    key: 'stall-noodle', day: 38, at: [7, 40], grid: '钢花社区第2网格', matterCode: 'ZF-SR-001',
    loop: { categoryCode: 'E0401', reporter: 'gridworker', minutesBefore: 20, description: '钢花路面馆早上在门外人行道摆桌子，占了半幅人行道。' },
    facts: { areaSqm: 6, firstOffence: true, correctedAtOnce: true },
    subject: { kind: 'person', name: '冉小军', gender: 'male', age: 39, address: '钢花路33号小面馆' },
    description: STALL('钢花路33号小面馆'), address: '钢花路33号', scene: 'stall',
    steps: [...quick({ kind: 'none' }, [2, 3, 5, 8, 10]), { kind: 'close', min: 20, note: '当事人当场收回桌椅，首次违法且及时改正，依法不予处罚，已进行教育。' }],
  },
  {
    key: 'stall-repeat', day: 36, at: [16, 5], grid: '柏树堡社区第2网格', matterCode: 'ZF-SR-001',
    loop: { categoryCode: 'E0401', reporter: 'hotline', minutesBefore: 50, description: '12345：柏树堡路鲜果铺又把摊子摆出来了，比上次还多。' },
    facts: { areaSqm: 7, firstOffence: false, correctedAtOnce: false, blocksPassage: true },
    subject: { kind: 'person', name: '杨春林', gender: 'male', age: 46, address: '柏树堡路12号鲜果铺' },
    description: '该店经教育处罚后再次在门外人行道摆放水果摊约7平方米，拒不收回。', address: '柏树堡路12号', scene: 'stall',
    steps: [...quick({ kind: 'fine', fineYuan: 500 }, [3, 6, 9, 12, 14]), ...paid(500, 3 * D)],
  },
  {
    key: 'stall-return', day: 33, at: [9, 30], grid: '新山村社区第2网格', matterCode: 'ZF-SR-001',
    loop: { categoryCode: 'E0401', reporter: 'public', minutesBefore: 40, description: '新山村菜市场外五金店把货堆在人行道上。' },
    facts: { areaSqm: 5, firstOffence: false, correctedAtOnce: false },
    subject: { kind: 'person', name: '邱建波', gender: 'male', age: 52, address: '新山村路5号五金店' },
    description: STALL('新山村路5号五金店'), address: '新山村路5号', scene: 'stall',
    steps: [
      { kind: 'evidence', min: 3, evidence: 'photo', note: '现场照片' },
      { kind: 'confirm', min: 6, penalty: { kind: 'fine', fineYuan: 300 } },
      { kind: 'review', min: 20, approved: false, opinion: '证据不足：未附当事人陈述，占道面积无测量照片佐证，请补充后重新报审。' },
      { kind: 'evidence', min: 32, evidence: 'photo', note: '皮尺测量照片：货物占用人行道长3.2米、宽2.0米' },
      { kind: 'evidence', min: 35, evidence: 'statement', text: '当事人承认多次在门外堆放货物，此次约6平方米。' },
      { kind: 'updateFacts', min: 36, facts: { areaSqm: 6.4, firstOffence: false, correctedAtOnce: false } },
      { kind: 'confirm', min: 38, penalty: { kind: 'fine', fineYuan: 400 } },
      { kind: 'review', min: 44, approved: true, opinion: '补充证据后事实清楚，适用从重档，同意。' },
      { kind: 'decide', min: 47 },
      ...paid(400, 2 * D),
    ],
  },
  {
    key: 'stall-disabled', day: 30, at: [11, 0], grid: '钢花社区第1网格', matterCode: 'ZF-SR-001',
    loop: { categoryCode: 'E0401', reporter: 'gridworker', minutesBefore: 25, description: '钢花新村门口修鞋摊占用人行道。' },
    facts: { areaSqm: 4, firstOffence: false, correctedAtOnce: true },
    subject: { kind: 'person', name: '谭德富', gender: 'male', age: 61, address: '钢花新村门口修鞋摊' },
    description: '修鞋摊在人行道摆放约4平方米，经劝导当场收摊。', address: '春晖路96号钢花新村门口', scene: 'stall',
    steps: quick({ kind: 'warning' }, [2, 4, 7, 10, 13], '当事人系肢体残疾人，靠修鞋维持生计，当场改正，依《行政处罚法》第三十二条从轻处罚，予以警告。', 'light')
      .concat(served('已当场送达警告，并引导到社区便民服务点经营。', 30)),
  },
  {
    key: 'stall-bbq', day: 27, at: [21, 10], grid: '新山村社区第3网格', matterCode: 'ZF-SR-001',
    loop: { categoryCode: 'E0401', reporter: 'hotline', minutesBefore: 45, description: '12345：新山村路口夜宵烧烤摊摆到人行道，油烟大。' },
    facts: { areaSqm: 9, firstOffence: true, correctedAtOnce: false, blocksPassage: true },
    subject: { kind: 'person', name: '龙俊', gender: 'male', age: 33, address: '新山村路口烧烤店' },
    description: STALL('新山村路口烧烤店'), address: '新山村路与钢花路交叉口', scene: 'stall',
    steps: [...quick({ kind: 'fine', fineYuan: 300 }, [4, 7, 11, 16, 19]), ...paid(300, D + 10 * H)],
  },
  {
    key: 'stall-veg', day: 24, at: [8, 20], grid: '柏树堡社区第3网格', matterCode: 'ZF-SR-001',
    loop: { categoryCode: 'E0401', reporter: 'public', minutesBefore: 30, description: '柏树堡路口蔬菜店菜筐摆到盲道上。' },
    facts: { areaSqm: 2.5, firstOffence: true, correctedAtOnce: false },
    subject: { kind: 'person', name: '熊桂芳', gender: 'female', age: 55, address: '柏树堡路40号蔬菜店' },
    description: STALL('柏树堡路40号蔬菜店'), address: '柏树堡路40号', scene: 'stall',
    steps: [...quick({ kind: 'warning' }), ...served('已送达警告，当事人已将菜筐收回店内。', 40)],
  },
  {
    key: 'stall-phone', day: 20, at: [14, 40], grid: '春晖社区第1网格', matterCode: 'ZF-SR-001',
    loop: { categoryCode: 'E0401', reporter: 'gridworker', minutesBefore: 15, description: '春晖路手机店门外摆促销展台，占用人行道。' },
    facts: { areaSqm: 3.5, firstOffence: true, correctedAtOnce: false },
    subject: { kind: 'firm', name: '重庆春晖通讯器材经营部', address: '春晖路150号', legalRepresentative: '段晓东' },
    description: '该经营部在门外人行道摆放促销展台和音箱，占道约3.5平方米。', address: '春晖路150号', scene: 'stall',
    steps: [...quick({ kind: 'fine', fineYuan: 150 }, [2, 5, 7, 9, 11]), ...paid(150, 5 * H)],
  },
  {
    key: 'stall-late', day: 16, at: [10, 0], grid: '钢花社区第3网格', matterCode: 'ZF-SR-001',
    loop: { categoryCode: 'E0401', reporter: 'public', minutesBefore: 60, description: '钢花路家具店把沙发摆在人行道上卖。' },
    facts: { areaSqm: 12, firstOffence: false, correctedAtOnce: false, blocksPassage: true },
    subject: { kind: 'person', name: '向红兵', gender: 'male', age: 48, address: '钢花路60号家具店' },
    description: '家具店在门外人行道摆放沙发等家具约12平方米，堵塞人行道，此前已被责令改正。', address: '钢花路60号', scene: 'stall',
    steps: [...quick({ kind: 'fine', fineYuan: 500 }, [5, 12, 18, 24, 26]), ...paid(500, 4 * D)],
  },
  {
    key: 'stall-decided', day: 5, at: [15, 20], grid: '柏树堡社区第2网格', matterCode: 'ZF-SR-001',
    loop: { categoryCode: 'E0401', reporter: 'gridworker', minutesBefore: 30, description: '柏树堡农贸市场外干货店货物堆到人行道。' },
    facts: { areaSqm: 4.5, firstOffence: true, correctedAtOnce: false },
    subject: { kind: 'person', name: '贺秀兰', gender: 'female', age: 50, address: '柏树堡路8号干货店' },
    description: STALL('柏树堡路8号干货店'), address: '柏树堡路8号', scene: 'stall',
    steps: quick({ kind: 'fine', fineYuan: 200 }),
  },
  {
    key: 'stall-review', day: 1, at: [16, 0], grid: '新山村社区第2网格', matterCode: 'ZF-SR-001',
    loop: { categoryCode: 'E0401', reporter: 'public', minutesBefore: 20, description: '新山村菜市场门口鞋店把鞋架摆到人行道。' },
    facts: { areaSqm: 3, firstOffence: true, correctedAtOnce: false },
    subject: { kind: 'person', name: '古小琴', gender: 'female', age: 36, address: '新山村路9号鞋店' },
    description: STALL('新山村路9号鞋店'), address: '新山村路9号', scene: 'stall',
    steps: [
      { kind: 'evidence', min: 2, evidence: 'photo', note: '现场照片' },
      { kind: 'evidence', min: 4, evidence: 'statement', text: '当事人称生意不好想多招揽顾客，愿意改正。' },
      { kind: 'confirm', min: 6, penalty: { kind: 'warning' } },
    ],
  },
  {
    key: 'stall-today', day: 0, at: [9, 10], grid: '春晖社区第1网格', matterCode: 'ZF-SR-001',
    loop: { categoryCode: 'E0401', reporter: 'gridworker', minutesBefore: 25, description: '春晖路早餐店在门外人行道摆了四张桌子。' },
    facts: { areaSqm: 8, firstOffence: true, correctedAtOnce: false },
    subject: { kind: 'person', name: '全小红', gender: 'female', age: 42, address: '春晖路172号早餐店' },
    description: STALL('春晖路172号早餐店'), address: '春晖路172号', scene: 'stall',
    steps: [{ kind: 'evidence', min: 3, evidence: 'photo', note: '现场照片' }],
  },

  // ---- 占用、堵塞消防车通道 from the loop
  {
    key: 'fire-car-1', day: 39, at: [20, 30], grid: '锦霞社区第3网格', matterCode: 'ZF-XF-001',
    loop: { categoryCode: 'E0402', reporter: 'hotline', minutesBefore: 25, description: '12345：锦霞花园消防车通道被私家车堵死。' },
    facts: { firstOffence: true, correctedAtOnce: true, refusedOrder: false, blockage: 'full' },
    subject: { kind: 'person', name: '阳志刚', gender: 'male', age: 44, address: '锦霞花园8栋' },
    description: '当事人将小型轿车停放在锦霞花园消防车通道上，完全堵塞通道。', address: '锦霞路56号锦霞花园', scene: 'people',
    steps: [...quick({ kind: 'none' }, [2, 3, 5, 8, 11]), { kind: 'close', min: 15, note: '当事人接到电话后5分钟内挪车，首次违法及时改正，不予处罚，已教育。' }],
  },
  {
    key: 'fire-car-2', day: 32, at: [19, 50], grid: '翠湖社区第2网格', matterCode: 'ZF-XF-001',
    loop: { categoryCode: 'E0402', reporter: 'public', minutesBefore: 30, description: '翠湖小区消防通道停了三轮车和杂物。' },
    facts: { firstOffence: false, correctedAtOnce: false, refusedOrder: false, blockage: 'partial' },
    subject: { kind: 'person', name: '毛德贵', gender: 'male', age: 67, address: '翠湖小区2栋' },
    description: '当事人在消防车通道停放三轮车并堆放纸板，部分堵塞通道。', address: '翠湖路8号翠湖小区', scene: 'people',
    steps: [...quick({ kind: 'warning' }), ...served('已送达警告，三轮车和杂物已清走。', 25)],
  },
  {
    key: 'fire-car-3', day: 26, at: [22, 0], grid: '松青社区第5网格', matterCode: 'ZF-XF-001',
    loop: { categoryCode: 'E0402', reporter: 'gridworker', minutesBefore: 15, description: '松青小区消防通道口停了一辆越野车，联系不上车主。' },
    facts: { firstOffence: false, correctedAtOnce: false, refusedOrder: true, blockage: 'full' },
    subject: { kind: 'person', name: '敖海', gender: 'male', age: 38, address: '松青小区9栋' },
    description: '当事人将越野车停放在消防车通道口，经电话责令后拒不挪车，两小时后方挪走。', address: '松青路45号松青小区', scene: 'people',
    steps: [
      ...quick({ kind: 'fine', fineYuan: 200 }, [3, 6, 10, 14, 17], '当事人事后主动认错，积极配合调查，系家中老人突发疾病临时停车，酌情在从重档以下处罚。', 'heavy'),
      ...paid(200, D),
    ],
  },
  {
    key: 'fire-car-4', day: 13, at: [18, 45], grid: '锦霞社区第1网格', matterCode: 'ZF-XF-001',
    loop: { categoryCode: 'E0402', reporter: 'public', minutesBefore: 20, description: '锦霞花园消防通道又被车堵了。' },
    facts: { firstOffence: false, correctedAtOnce: false, refusedOrder: false, blockage: 'full' },
    subject: { kind: 'person', name: '车晓燕', gender: 'female', age: 31, address: '锦霞花园3栋' },
    description: '当事人将轿车停放在消防车通道，完全堵塞，此前曾被劝离。', address: '锦霞路56号锦霞花园', scene: 'people',
    // paid yesterday: executed, waiting to be closed
    steps: [...quick({ kind: 'fine', fineYuan: 200 }, [2, 5, 8, 11, 14]), { kind: 'pay', min: 12 * D + 2 * H, amountYuan: 200 }],
  },
  {
    key: 'fire-unit', day: 22, at: [10, 30], grid: '柏树堡社区第5网格', matterCode: 'ZF-XF-002',
    loop: { categoryCode: 'E0402', reporter: 'hotline', minutesBefore: 40, description: '12345：柏树堡商场后面消防通道被商场自己的货车和铁栏杆占了。' },
    facts: { correctedAtOnce: true, durationHours: 1.5, crowdedPlace: false, refusedOrder: false },
    subject: { kind: 'firm', name: '重庆柏树堡商贸有限公司', address: '柏树堡路88号', legalRepresentative: '包建华' },
    description: '该公司在商场后侧消防车通道设置铁栏杆并停放送货车辆，堵塞通道约1.5小时。', address: '柏树堡路88号', scene: 'people',
    steps: [...quick({ kind: 'fine', fineYuan: 5000 }, [4, 9, 13, 18, 21]), ...paid(5000, 6 * D)],
  },

  // ---- found on patrol
  {
    key: 'poster', day: 34, at: [15, 0], grid: '春晖社区第2网格', matterCode: 'ZF-SR-002',
    facts: { pieces: 14, cleanedAtOnce: false, hardToRemove: false },
    subject: { kind: 'person', name: '凌波', gender: 'male', age: 24, address: '春晖路' },
    description: '巡查发现当事人在春晖路沿线电杆、配电箱上张贴开锁小广告14处。', address: '春晖路80号至120号', scene: 'poster',
    steps: [...quick({ kind: 'fine', fineYuan: 100 }), ...paid(100, 3 * H)],
  },
  {
    key: 'rubble-person', day: 29, at: [13, 20], grid: '跃进村社区第2网格', matterCode: 'ZF-SR-004',
    facts: { offender: 'person', volumeM3: 1.5, cleanedUp: false },
    subject: { kind: 'person', name: '聂明', gender: 'male', age: 45, address: '跃进村社区下坝组' },
    description: '巡查发现当事人将自家装修产生的建筑垃圾约1.5立方米倾倒在路边绿化带。', address: '跃进村社区下坝组路边', scene: 'garbage',
    steps: [
      ...quick({ kind: 'fine', fineYuan: 80 }, [3, 6, 9, 12, 14], '当事人年满七十周岁的母亲卧病在床、家庭困难，已于当天自行清运大部分，酌情低于一般档下限处罚。', 'person'),
      ...paid(80, D),
    ],
  },
  {
    key: 'rubble-unit', day: 18, at: [6, 50], grid: '跃进村社区第4网格', matterCode: 'ZF-SR-004',
    facts: { offender: 'unit', volumeM3: 30, cleanedUp: false },
    subject: { kind: 'firm', name: '重庆顺达土石方工程有限公司', address: '大渡口区建桥大道', legalRepresentative: '伍志强' },
    description: '凌晨巡查发现该公司渣土车在跃进村社区空地倾倒建筑垃圾约30立方米。', address: '跃进村社区上坝组空地', scene: 'garbage',
    steps: [
      { kind: 'evidence', min: 3, evidence: 'photo', note: '倾倒现场' },
      { kind: 'evidence', min: 10, evidence: 'photo', note: '监控视频截图：渣土车倾倒过程' },
      { kind: 'evidence', min: 45, evidence: 'statement', text: '驾驶员承认受公司安排倾倒，公司负责人到场确认。' },
      { kind: 'confirm', min: 60, penalty: { kind: 'fine', fineYuan: 30000 } },
      { kind: 'review', min: 90, approved: true, opinion: '事实清楚，证据确凿，从重档内裁量适当，同意。' },
      { kind: 'decide', min: 95 },
      ...paid(30000, 9 * D),
    ],
  },
  {
    key: 'ebike', day: 15, at: [10, 0], grid: '锦霞社区第5网格', matterCode: 'ZF-XF-003',
    facts: { refusedOrder: true, charging: true, vehicles: 1 },
    subject: { kind: 'person', name: '鲜志华', gender: 'male', age: 29, address: '锦霞花园12栋' },
    description: '当事人在高层住宅楼道内为电动自行车充电，经物业劝阻拒不改正。', address: '锦霞路56号锦霞花园12栋', scene: 'people',
    steps: [...quick({ kind: 'fine', fineYuan: 300 }, [2, 4, 6, 10, 13]), ...paid(300, 2 * D)],
  },
  {
    key: 'night-works', day: 10, at: [23, 30], grid: '翠湖社区第6网格', matterCode: 'ZF-HJ-003',
    facts: { hoursAtNight: 2, complaints: 6, stoppedAtOnce: true },
    subject: { kind: 'firm', name: '重庆翠湖建设工程有限公司', address: '翠湖路翠湖二期工地', legalRepresentative: '卿德明' },
    description: '该公司未取得夜间施工证明，在翠湖二期工地夜间进行混凝土浇筑作业约2小时，6户居民投诉。', address: '翠湖路翠湖二期工地', scene: 'people',
    steps: [
      { kind: 'evidence', min: 4, evidence: 'photo', note: '夜间施工现场' },
      { kind: 'evidence', min: 9, evidence: 'statement', text: '项目经理承认未办理夜间施工证明，已当场停工。' },
      { kind: 'confirm', min: 15, penalty: { kind: 'fine', fineYuan: 30000 } },
      { kind: 'review', min: 9 * H + 20, approved: true, opinion: '同意，按一般档下限裁量。' },
      { kind: 'decide', min: 9 * H + 30 },
    ],
  },
  {
    key: 'oil-smoke', day: 8, at: [19, 10], grid: '柏树堡社区第2网格', matterCode: 'ZF-HJ-002',
    facts: { purifierInstalled: false, firstOffence: false, complaints: 4 },
    subject: { kind: 'firm', name: '重庆老码头餐饮店', address: '柏树堡路77号', legalRepresentative: '宋小龙' },
    description: '该店经责令整改后仍未开启油烟净化设施，油烟直排，住户投诉4次。', address: '柏树堡路77号', scene: 'people',
    steps: [
      { kind: 'evidence', min: 5, evidence: 'photo', note: '排烟口直排' },
      { kind: 'evidence', min: 11, evidence: 'statement', text: '店主称净化器坏了未及时维修。' },
    ],
  },
  {
    key: 'poster-dropped', day: 6, at: [14, 0], grid: '春晖社区第4网格', matterCode: 'ZF-SR-002',
    facts: { pieces: 3, cleanedAtOnce: true, hardToRemove: false },
    subject: { kind: 'person', name: '包小兵', gender: 'male', age: 19, address: '春晖路' },
    description: '巡查发现当事人张贴招聘小广告3处。', address: '春晖路30号', scene: 'poster',
    steps: [
      { kind: 'evidence', min: 2, evidence: 'photo', note: '现场照片' },
      { kind: 'drop', min: 8, reason: '经核实当事人系受雇张贴，已当场全部清除，数量少、危害轻微，依法不予立案，转教育劝导。' },
    ],
  },
  {
    key: 'fire-awaiting', day: 0, at: [8, 30], grid: '翠湖社区第2网格', matterCode: 'ZF-XF-001',
    loop: { categoryCode: 'E0402', reporter: 'public', minutesBefore: 20, description: '翠湖小区消防通道被面包车堵了一夜。' },
    facts: { firstOffence: true, correctedAtOnce: false, refusedOrder: false, blockage: 'full' },
    subject: { kind: 'person', name: '巫俊', gender: 'male', age: 35, address: '翠湖小区5栋' },
    description: '当事人将面包车停放在消防车通道过夜，完全堵塞通道。', address: '翠湖路8号翠湖小区', scene: 'people',
    steps: [
      { kind: 'evidence', min: 2, evidence: 'photo', note: '现场照片' },
      { kind: 'evidence', min: 6, evidence: 'statement', text: '当事人称晚归找不到车位。' },
      { kind: 'confirm', min: 9, penalty: { kind: 'fine', fineYuan: 150 } },
    ],
  },
];

export interface DemoInspection {
  key: string;
  grid: string;
  subjectName: string;
  address: string;
  /** planned `plannedDay` days before now (negative: ahead), done that day at [hh, mm] unless `done` is absent */
  plannedDay: number;
  departments: string[];
  done?: {
    at: [number, number];
    /** per checklist, the items with an issue (by index) and their notes; the rest ok */
    issues: Record<string, [number, string][]>;
    findings: string;
    /** the case the inspection opens, and its steps after (minutes after the inspection's results) */
    openCase?: { matterCode: string; facts: Facts; description: string; subject: DemoSubject; steps: DemoCaseStep[] };
  };
}

export const DEMO_INSPECTIONS: DemoInspection[] = [
  {
    key: 'market', grid: '柏树堡农贸市场专属网格', subjectName: '柏树堡农贸市场', address: '柏树堡路100号', plannedDay: 25,
    departments: ['区消防救援支队', '区市场监督管理局', '区城市管理局'],
    done: { at: [9, 30], issues: { 区消防救援支队: [[0, '二层疏散通道堆放纸箱']], 区城市管理局: [[1, '东门外摊位超出划定经营区']] },
      findings: '一次检查三个部门：消防疏散通道堆物已当场清理；东门外摊位越线已责令整改，三日后复查。' },
  },
  {
    key: 'restaurant', grid: '新山村社区第3网格', subjectName: '新山村美食街火锅店', address: '新山村路18号', plannedDay: 17,
    departments: ['区消防救援支队', '区市场监督管理局', '区生态环境局'],
    done: { at: [14, 0], issues: { 区生态环境局: [[1, '油烟净化器清洗记录缺失']] },
      findings: '消防、食品安全无问题；油烟净化器清洗记录缺失，责令补齐并每季度清洗。' },
  },
  {
    key: 'garage', grid: '钢花社区第6网格', subjectName: '钢花路无名汽修店', address: '钢花路汽修一条街21号', plannedDay: 9,
    departments: ['区消防救援支队', '区应急管理局', '区生态环境局'],
    done: { at: [10, 0], issues: { 区应急管理局: [[0, '未建立安全生产责任制'], [3, '油漆、稀料与配件混放，无台账']], 区消防救援支队: [[2, '两具灭火器过期']], 区生态环境局: [[1, '喷漆废气无治理设施直排']] },
      findings: '该店未办理营业执照从事汽车维修约8个月，喷漆无防护、灭火器过期，已当场责令停止经营，立案查处。',
      openCase: {
        matterCode: 'ZF-SC-001', facts: { incomeYuan: 24000, stoppedAtOnce: true, monthsOperating: 8 },
        description: '联合检查发现当事人未取得营业执照在钢花路从事汽车维修经营约8个月，违法所得约2.4万元。',
        subject: { kind: 'person', name: '甘小龙', gender: 'male', age: 41, address: '钢花路汽修一条街21号' },
        // reviewed, waiting for the decision (the officer is collecting the income records)
        steps: [
          { kind: 'evidence', min: 5, evidence: 'photo', note: '无照经营现场' },
          { kind: 'evidence', min: 30, evidence: 'statement', text: '当事人承认未办理营业执照经营约8个月，营业收入约2.4万元。' },
          { kind: 'confirm', min: 2 * D, penalty: { kind: 'confiscation' } },
          { kind: 'review', min: 3 * D, approved: true, opinion: '同意没收违法所得，决定前补充营业流水。' },
        ],
      } },
  },
  {
    key: 'school-canteen', grid: '春晖路小学专属网格', subjectName: '春晖路小学食堂', address: '春晖路200号', plannedDay: -3,
    departments: ['区消防救援支队', '区市场监督管理局'],
  },
];
