import type { DisputeSource, DisputeTier, MediationOutcome, MediatorKind, PartyRole, ReferralUnitKind, RiskFactors } from '../../../shared/disputes.ts';

/*
 * The demo disputes of 春晖路街道 over the last six weeks, written the way a street's 矛盾纠纷调处 ledger reads: the
 * neighbours' noise and leaking water settled in the grid, a mother's 赡养 by her three sons, a 宅基地 wall in 跃进村,
 * twelve workers' unpaid wages taken up by the town's 综治中心, a dog that barked again after the agreement (the
 * flare-up reopened), a traffic claim sent to court (诉调对接), disputes pushed to 派出所 / 司法所 / 信访办 and to
 * district departments with their replies, and one of the demo resident 周淑芬's (so 我的纠纷 shows it). Pure data:
 * the demo step plays it through the disputes' commands, each step at its own instant.
 *
 * Times are Beijing wall-clock: `day` days before the demo's `now`, at `at` [hh, mm]. Steps later than `now` are left
 * out (a dispute registered this morning has no afternoon yet).
 */

export type DemoActor = 'mediator' | 'gridworker' | 'dispatcher' | 'community' | 'department';

export interface DemoParty {
  role: PartyRole;
  name: string;
  gender: 'male' | 'female';
  age: number;
  address?: string;
  /** the demo resident account (周淑芬): her phone, so 我的纠纷 finds the dispute */
  demoResident?: true;
  /** marked vulnerable by staff, with the reason (age and registry tags mark it by rule) */
  vulnerableReason?: string;
  /** a firm as a party (respondent): no ID number, a landline */
  firm?: true;
}

export type DemoStep =
  | { kind: 'mediate'; day: number; at: [number, number]; by?: DemoActor; place: string; mediator: { kind: MediatorKind; name?: string };
    /** what each party said, by party order (null: that party said nothing on record) */
    statements: (string | null)[]; agreed?: string; terms: string[]; outcome: MediationOutcome;
    /** the signed paper photographed and attached this many hours later */
    signedAfterH?: number; extraAttendees?: string[] }
  | { kind: 'followUp'; day: number; at: [number, number]; by?: DemoActor; method: 'visit' | 'phone'; holds: boolean; note: string }
  | { kind: 'push'; day: number; at: [number, number]; by?: DemoActor; unitKind: ReferralUnitKind; unitName: string; dueDays: number; note: string }
  | { kind: 'reply'; day: number; at: [number, number]; by?: DemoActor; text: string; done: boolean }
  | { kind: 'litigate'; day: number; at: [number, number]; by?: DemoActor; court: string; courtCaseNumber: string; note: string }
  | { kind: 'changeTier'; day: number; at: [number, number]; by?: DemoActor; tier: DisputeTier; reason: string }
  | { kind: 'assessRisk'; day: number; at: [number, number]; by?: DemoActor; factors: Partial<RiskFactors> }
  | { kind: 'close'; day: number; at: [number, number]; by?: DemoActor; reason: string }
  | { kind: 'reopen'; day: number; at: [number, number]; by?: DemoActor; key: string; description: string; reason: string; steps: DemoStep[] };

export interface DemoDispute {
  key: string;
  day: number;
  at: [number, number];
  grid: string;
  by: DemoActor;
  source: DisputeSource;
  classCode: string;
  subclass: string;
  description: string;
  address: string;
  parties: DemoParty[];
  factors?: Partial<RiskFactors>;
  /** a tier chosen below the suggested one, with the reason */
  tier?: { tier: DisputeTier; reason: string };
  steps: DemoStep[];
}

const POLICE = '春晖路派出所';
const JUDICIAL = '春晖路司法所';
const LETTERS = '春晖路街道信访办';
const COURT = '大渡口区人民法院春晖人民法庭';
const HALL = '春晖路街道综治中心调解室';

export const DEMO_DISPUTES: DemoDispute[] = [
  {
    key: 'noise-jump', day: 41, at: [19, 40], grid: '春晖社区第1网格', by: 'gridworker', source: 'gridWorker', classCode: '02', subclass: '噪音扰民',
    description: '春晖苑3栋502住户反映楼上602住户孩子每晚九点后在家跳绳、拖动桌椅，持续一个多月，影响老人休息，双方在楼道发生口角。',
    address: '春晖路168号春晖苑3栋', parties: [
      { role: 'applicant', name: '何志华', gender: 'male', age: 58, address: '春晖苑3栋502' },
      { role: 'respondent', name: '罗晓梅', gender: 'female', age: 36, address: '春晖苑3栋602' },
    ],
    steps: [
      { kind: 'mediate', day: 40, at: [19, 30], place: '春晖苑3栋楼下网格议事点', mediator: { kind: 'gridWorker' },
        statements: ['晚上十点前后楼上一直有咚咚的声音，家里老人心脏不好，睡不着。', '孩子要练体育中考的跳绳，不知道楼下听得这么清楚，愿意调整时间。'],
        agreed: '双方互谅互让，楼上调整孩子锻炼时间和地点。',
        terms: ['602住户孩子跳绳改在小区健身广场进行，每晚21:00后不在室内跳绳、拖动桌椅。', '602住户在客厅铺设减震地垫，费用自理。', '双方今后有事先沟通，不在楼道争吵。'],
        outcome: 'resolved' },
      { kind: 'followUp', day: 33, at: [20, 10], method: 'visit', holds: true, note: '入户回访，502住户表示晚上已安静，地垫已铺。' },
      { kind: 'close', day: 33, at: [20, 20], reason: '协议履行完毕，回访双方满意。' },
    ],
  },
  {
    key: 'leak-toilet', day: 39, at: [10, 5], grid: '春晖社区第2网格', by: 'mediator', source: 'visit', classCode: '02', subclass: '漏水纠纷',
    description: '钢花新村12栋301卫生间顶板长期渗水，墙面发霉、吊顶脱落，认为系楼上401卫生间防水层老化所致，要求修复并赔偿损失，401不认可。',
    address: '春晖路96号钢花新村12栋', parties: [
      { role: 'applicant', name: '唐桂英', gender: 'female', age: 66, address: '钢花新村12栋301' },
      { role: 'respondent', name: '冯建波', gender: 'male', age: 45, address: '钢花新村12栋401' },
    ],
    factors: { amountYuan: 4200 },
    steps: [
      { kind: 'mediate', day: 37, at: [15, 0], place: HALL, mediator: { kind: 'peopleMediator' },
        statements: ['漏了快半年，吊顶掉下来差点砸到人，要求楼上修好并赔4200元。', '愿意修防水，但房子老了，赔偿太高，最多承担一部分。'],
        agreed: '经闭水试验确认漏点在401卫生间，双方同意修复并分担损失。',
        terms: ['401住户于10日内请有资质的施工队重做卫生间防水层，并做48小时闭水试验。', '401住户一次性补偿301住户吊顶和墙面修复费用1800元，于防水完工当日付清。', '施工期间301住户配合开门查看，双方不再就此事另行主张。'],
        outcome: 'resolved', signedAfterH: 2 },
      { kind: 'followUp', day: 24, at: [10, 30], method: 'visit', holds: true, note: '防水已重做，闭水试验不渗漏，1800元已付清。' },
      { kind: 'close', day: 24, at: [10, 40], reason: '协议已履行，双方签字确认。' },
    ],
  },
  {
    key: 'support-mother', day: 37, at: [9, 20], grid: '锦霞社区第3网格', by: 'mediator', source: 'resident', classCode: '01', subclass: '赡养纠纷',
    description: '82岁的陈素珍老人独居，三个儿子对轮流照顾和生活费分担意见不一，老人已两个月没拿到生活费，到社区求助。',
    address: '锦霞社区锦霞路23号', parties: [
      { role: 'applicant', name: '陈素珍', gender: 'female', age: 82, address: '锦霞路23号2单元1楼' },
      { role: 'respondent', name: '邹德华', gender: 'male', age: 58, address: '锦霞路23号' },
      { role: 'respondent', name: '邹德贵', gender: 'male', age: 55 },
      { role: 'respondent', name: '邹德明', gender: 'male', age: 51 },
    ],
    steps: [
      { kind: 'mediate', day: 35, at: [14, 30], place: '锦霞社区党群服务中心', mediator: { kind: 'villageSage', name: '邹光荣' },
        statements: ['年纪大了，不想麻烦哪个，只要每个月有生活费，生病了有人管。', '我离得最近，平时都是我在照顾，钱应该多出的是两个弟弟。', '我在外地打工，出钱可以，照顾确实做不到。', '愿意按月出钱，轮流照顾可以商量。'],
        agreed: '三兄弟同意按月支付生活费，老大就近照顾，另两人多承担医疗费用。',
        terms: ['自本月起，邹德华、邹德贵、邹德明每人每月10日前向陈素珍支付生活费600元。', '邹德华负责日常照料；邹德贵、邹德明各承担老人医疗自付部分的一半。', '老人住院期间三人轮流陪护，每人一周。', '社区网格员每月走访一次，督促履行。'],
        outcome: 'resolved', signedAfterH: 1, extraAttendees: ['锦霞社区网格员'] },
      { kind: 'followUp', day: 27, at: [9, 0], method: 'phone', holds: true, note: '电话回访老人，三个儿子本月生活费均已到账。' },
      { kind: 'followUp', day: 6, at: [9, 30], method: 'visit', holds: true, note: '入户回访，第二个月生活费按时支付，老大每天送饭。' },
      { kind: 'close', day: 6, at: [9, 45], reason: '连续两个月履行到位，老人满意。' },
    ],
  },
  {
    key: 'homestead-wall', day: 35, at: [11, 0], grid: '跃进村社区第2网格', by: 'mediator', source: 'gridWorker', classCode: '03', subclass: '宅基地界址',
    description: '跃进村社区两户村民因宅基地界址发生争执，一方新砌围墙占了两户之间的排水沟约40厘米，另一方推倒部分围墙，双方多次争吵。',
    address: '跃进村社区下坝组', parties: [
      { role: 'applicant', name: '彭永福', gender: 'male', age: 63, address: '跃进村社区下坝组7号' },
      { role: 'respondent', name: '彭长贵', gender: 'male', age: 60, address: '跃进村社区下坝组8号' },
    ],
    factors: { amountYuan: 3000 },
    steps: [
      { kind: 'mediate', day: 33, at: [15, 0], place: '跃进村社区村委会', mediator: { kind: 'peopleMediator' },
        statements: ['围墙是在自家地基上砌的，他家推倒围墙要赔。', '排水沟是两家共用的，砌墙把沟占了，下雨水漫到我家。'],
        agreed: '双方对界址说法不一，同意请司法所和规划自然资源所现场核对1998年宅基地使用证附图。',
        terms: ['暂停施工，维持现状，双方不再推墙、砌墙。'], outcome: 'partial' },
      { kind: 'push', day: 33, at: [16, 0], unitKind: 'judicialOffice', unitName: JUDICIAL, dueDays: 5, note: '请司法所派员参与现场核对宅基地界址，提供法律意见。' },
      { kind: 'reply', day: 30, at: [11, 20], text: '司法所已派员会同规划自然资源所现场核对，按1998年宅基地使用证附图，排水沟中心线为两户界址，新砌围墙越界约35厘米。', done: true },
      { kind: 'mediate', day: 29, at: [10, 0], place: '跃进村社区下坝组现场', mediator: { kind: 'judicialStaff', name: '袁德芬' },
        statements: ['既然图上是这样，愿意把墙退回去。', '围墙退回去，推倒的那段我出材料钱。'],
        agreed: '以排水沟中心线为界，双方各自出资恢复。',
        terms: ['彭永福于15日内将新砌围墙后退至排水沟外侧，排水沟恢复两户共用。', '彭长贵承担被推倒围墙的砖石材料费800元。', '双方今后以排水沟中心线为界，互不侵占。'],
        outcome: 'resolved', signedAfterH: 3 },
      { kind: 'followUp', day: 12, at: [15, 0], method: 'visit', holds: true, note: '围墙已后退重砌，排水沟畅通，材料费已付。' },
      { kind: 'close', day: 12, at: [15, 20], reason: '协议履行完毕。' },
    ],
  },
  {
    key: 'wages-12', day: 31, at: [8, 50], grid: '钢花社区第4网格', by: 'mediator', source: 'visit', classCode: '10', subclass: '工程欠薪',
    description: '钢花社区某安置房项目12名农民工到街道反映，劳务分包负责人拖欠2026年6月至9月工资共计18.6万元，工人情绪激动，扬言到区政府上访。',
    address: '钢花社区钢花路安置房项目工地', parties: [
      { role: 'applicant', name: '田开富', gender: 'male', age: 49 },
      { role: 'applicant', name: '杨树林', gender: 'male', age: 52 },
      { role: 'applicant', name: '曾永红', gender: 'male', age: 44 },
      { role: 'respondent', name: '梁建军', gender: 'male', age: 46, address: '钢花路安置房项目部' },
      { role: 'thirdParty', name: '重庆钢城建设有限公司', gender: 'male', age: 0, firm: true, address: '大渡口区建桥大道88号' },
    ],
    factors: { groupSize: 12, amountYuan: 186000, note: '12名工人，代表3人' },
    steps: [
      { kind: 'push', day: 31, at: [9, 30], unitKind: 'department', unitName: '区住房城乡建委', dueDays: 3, note: '请区住房城乡建委督促总承包单位从农民工工资专用账户先行支付。' },
      { kind: 'push', day: 31, at: [9, 40], unitKind: 'lettersVisits', unitName: LETTERS, dueDays: 2, note: '工人扬言到区政府上访，请信访办提前介入、做好接待。' },
      { kind: 'reply', day: 30, at: [16, 0], text: '信访办已约谈工人代表，告知依法维权渠道，工人同意先参加街道调解。', done: true },
      { kind: 'mediate', day: 29, at: [14, 0], place: HALL, mediator: { kind: 'judicialStaff', name: '袁德芬' },
        statements: ['干了四个月一分钱没拿到，家里等着用钱。', '工人们要求一次付清，不然就去区里。', null, '上游工程款没到位，不是故意拖欠，愿意配合总包代付。', '同意从工资专用账户代付，分两次付清。'],
        agreed: '总承包单位从工资专用账户代付，分两次付清。',
        terms: ['重庆钢城建设有限公司于3日内从农民工工资专用账户代梁建军支付工资9.3万元。', '余款9.3万元于本月30日前付清。', '工资直接打入12名工人本人银行卡，街道综治中心见证。', '工人不再以堵门、上访等方式主张，有异议通过调解或诉讼解决。'],
        outcome: 'resolved', signedAfterH: 1, extraAttendees: ['区住房城乡建委 劳资科', '工人代表9人'] },
      { kind: 'reply', day: 28, at: [10, 0], by: 'mediator', text: '（电话答复）区住房城乡建委已督促总承包单位启动工资专用账户代付，首笔9.3万元今日到账。', done: true },
      { kind: 'followUp', day: 26, at: [10, 0], method: 'phone', holds: true, note: '首笔9.3万元已到12名工人账户。' },
      { kind: 'followUp', day: 4, at: [11, 0], method: 'visit', holds: true, note: '余款9.3万元已付清，工人代表签字确认。' },
      { kind: 'close', day: 4, at: [11, 30], reason: '欠薪全部付清，工人签字确认。' },
    ],
  },
  {
    key: 'dog-bark', day: 29, at: [20, 15], grid: '春晖社区第6网格', by: 'community', source: 'resident', classCode: '02', subclass: '宠物纠纷',
    description: '春晖花园5栋住户反映邻居家两只狗整夜吠叫，白天在楼道随地便溺，多次沟通无果。',
    address: '春晖路45号春晖花园5栋', parties: [
      { role: 'applicant', name: '黄丽娟', gender: 'female', age: 41, address: '春晖花园5栋2-1' },
      { role: 'respondent', name: '许大伟', gender: 'male', age: 39, address: '春晖花园5栋2-2' },
    ],
    steps: [
      { kind: 'mediate', day: 28, at: [19, 0], by: 'community', place: '春晖社区居委会', mediator: { kind: 'peopleMediator' },
        statements: ['狗半夜叫，孩子要上学，睡不好。', '狗是家人，会管好，晚上关在阳台。'],
        agreed: '养犬人约束犬只，楼道清洁。',
        terms: ['许大伟夜间22:00至次日7:00将犬只关在室内，不放阳台。', '遛狗拴绳，楼道粪便当即清理。', '一个月内给两只犬办理养犬登记。'], outcome: 'resolved' },
      { kind: 'close', day: 26, at: [9, 0], by: 'community', reason: '双方签订协议，暂无新的投诉。' },
      { kind: 'followUp', day: 20, at: [21, 0], by: 'community', method: 'visit', holds: false, note: '回访时狗仍在阳台吠叫，楼道仍有粪便，申请人很不满，双方又在楼道吵了起来。' },
      { kind: 'reopen', day: 20, at: [21, 20], by: 'community', key: 'dog-bark-2', reason: '协议未履行，纠纷复发。',
        description: '春晖花园5栋养犬纠纷复发：养犬人未按协议将犬只关在室内，夜间吠叫和楼道便溺依旧，双方再次争吵，申请人扬言要给狗下药。',
        steps: [
          { kind: 'assessRisk', day: 20, at: [21, 40], by: 'community', factors: { threats: true, note: '申请人扬言要给狗下药' } },
          { kind: 'mediate', day: 18, at: [19, 30], by: 'mediator', place: HALL, mediator: { kind: 'villageSage', name: '雷德华' },
            statements: ['说了不算，这次必须有人管。', '上次是阳台门坏了，已经修好，愿意送一只狗去乡下亲戚家。'],
            agreed: '养犬人减少犬只并接受社区监督，申请人收回过激言论。',
            terms: ['许大伟于7日内将其中一只犬送往亲戚家饲养，剩余一只办理养犬登记。', '夜间犬只关在室内，再有夜间吠叫扰民，社区联系城管依规处理。', '黄丽娟不得对犬只投放任何有害物品，双方有事通过网格员沟通。'],
            outcome: 'resolved', signedAfterH: 1 },
          { kind: 'followUp', day: 9, at: [21, 0], by: 'community', method: 'visit', holds: true, note: '夜间回访，一只犬已送走，另一只已登记，夜间安静。' },
        ] },
    ],
  },
  {
    key: 'traffic-claim', day: 27, at: [16, 30], grid: '新山村社区第3网格', by: 'mediator', source: 'visit', classCode: '13', subclass: '事故赔偿',
    description: '电动车与私家车在新山村路口相撞，电动车驾驶人左腿骨折住院，交警认定私家车负主要责任。双方对误工费和后续治疗费差距较大，保险理赔后仍差约6.8万元。',
    address: '新山村路与钢花路交叉口', parties: [
      { role: 'applicant', name: '秦小兵', gender: 'male', age: 34 },
      { role: 'respondent', name: '傅俊杰', gender: 'male', age: 29 },
    ],
    factors: { amountYuan: 68000 },
    steps: [
      { kind: 'mediate', day: 24, at: [10, 0], place: HALL, mediator: { kind: 'peopleMediator' },
        statements: ['骨折要休息半年，误工费、二次手术费都应该赔。', '保险已经赔了医疗费，误工按最低工资算，多的不认。'],
        terms: [], outcome: 'failed' },
      { kind: 'litigate', day: 20, at: [15, 0], court: COURT, courtCaseNumber: '（2026）渝0104民初8123号', note: '调解不成，双方同意由法庭诉前调解，不成即立案审理。' },
    ],
  },
  {
    key: 'property-fee', day: 23, at: [10, 10], grid: '翠湖社区第2网格', by: 'mediator', source: 'hotline', classCode: '14', subclass: '物业费',
    description: '翠湖小区7户业主因电梯长期故障、地下车库积水拒交物业费，物业公司在单元门张贴欠费名单，双方矛盾激化。',
    address: '翠湖路8号翠湖小区', parties: [
      { role: 'applicant', name: '马晓东', gender: 'male', age: 47, address: '翠湖小区2栋' },
      { role: 'applicant', name: '谢春燕', gender: 'female', age: 52, address: '翠湖小区2栋' },
      { role: 'respondent', name: '重庆翠湖物业服务有限公司', gender: 'male', age: 0, firm: true },
    ],
    factors: { groupSize: 7, amountYuan: 21000 },
    steps: [
      { kind: 'push', day: 23, at: [11, 0], unitKind: 'department', unitName: '区住房城乡建委', dueDays: 5, note: '请物业科督促物业公司检修电梯、排查车库积水。' },
      { kind: 'reply', day: 19, at: [15, 30], by: 'mediator', text: '（电话答复）区住房城乡建委物业科已约谈物业公司，要求15日内完成电梯大修，车库加装排水泵。', done: false },
      { kind: 'mediate', day: 17, at: [19, 0], place: '翠湖社区议事厅', mediator: { kind: 'peopleMediator' },
        statements: ['电梯坏了三个月，老人上不了楼，物业费交得冤。', '车库泡水车都开不出来。', '电梯配件在等，修好后希望业主补交。'],
        agreed: '电梯修好后业主补交，物业撤下欠费名单。',
        terms: ['物业公司即日撤下单元门欠费名单。', '电梯大修完成并经特检合格后，7户业主于15日内补交物业费。', '故障期间3个月物业费按八折收取。'],
        outcome: 'resolved', signedAfterH: 24 },
      { kind: 'reply', day: 8, at: [9, 0], by: 'mediator', text: '（电话答复）电梯已完成大修，特检合格。', done: true },
    ],
  },
  {
    key: 'oil-smoke', day: 21, at: [18, 40], grid: '柏树堡社区第2网格', by: 'gridworker', source: 'gridWorker', classCode: '09', subclass: '油烟排放',
    description: '柏树堡小区底商火锅店排烟管道直通二楼窗下，油烟和噪音影响楼上住户，住户与店主多次争吵。',
    address: '柏树堡路77号底商', parties: [
      { role: 'applicant', name: '郭玉兰', gender: 'female', age: 64, address: '柏树堡路77号2楼' },
      { role: 'respondent', name: '宋小龙', gender: 'male', age: 38, address: '柏树堡路77号老码头火锅店' },
    ],
    steps: [
      { kind: 'push', day: 21, at: [19, 30], by: 'mediator', unitKind: 'department', unitName: '区城市管理局', dueDays: 5, note: '请区城市管理局对火锅店油烟净化设施和排烟管道进行检查。' },
      { kind: 'reply', day: 19, at: [15, 0], by: 'department', text: '已派执法人员现场检查：该店油烟净化器未开启、排烟口距住户窗户不足5米，已责令7日内整改，安装高效净化器并将排烟管引至楼顶。', done: true },
      { kind: 'mediate', day: 18, at: [15, 0], by: 'mediator', place: '柏树堡社区居委会', mediator: { kind: 'peopleMediator' },
        statements: ['窗户都不敢开，衣服上全是火锅味。', '愿意按城管要求整改，希望邻居给一周时间。'],
        agreed: '店主按城管要求整改，整改期间22:00后停止营业。',
        terms: ['宋小龙于7日内安装高效油烟净化器，排烟管道引至楼顶高空排放。', '整改完成前每晚22:00后停止营业。', '赔偿郭玉兰窗帘清洗费300元。'],
        outcome: 'resolved' },
      { kind: 'followUp', day: 9, at: [19, 0], method: 'visit', holds: true, note: '排烟管已引至楼顶，净化器运行正常。' },
      { kind: 'close', day: 9, at: [19, 10], by: 'mediator', reason: '整改到位，协议履行完毕。' },
    ],
  },
  {
    key: 'loan-friends', day: 19, at: [14, 0], grid: '茄子溪社区第4网格', by: 'mediator', source: 'visit', classCode: '04', subclass: '借款合同',
    description: '两位老同事之间借款5万元，约定一年归还，逾期半年未还，出借人多次催要，双方关系紧张。',
    address: '茄子溪社区', parties: [
      { role: 'applicant', name: '吕国平', gender: 'male', age: 61 },
      { role: 'respondent', name: '任海涛', gender: 'male', age: 57 },
    ],
    factors: { amountYuan: 50000 },
    steps: [
      { kind: 'mediate', day: 17, at: [10, 0], place: '茄子溪社区人民调解室', mediator: { kind: 'peopleMediator' },
        statements: ['借条在这里，说好一年还，现在电话都不接。', '生意亏了，不是不还，一次拿不出来。'],
        agreed: '分期归还，免除逾期利息。',
        terms: ['任海涛于本月底前归还1万元。', '余款4万元分8个月归还，每月25日前归还5000元。', '按期归还的，吕国平不再主张逾期利息；任一期逾期超过15日，余款一次性到期。'],
        outcome: 'resolved', signedAfterH: 1 },
      { kind: 'followUp', day: 2, at: [10, 0], method: 'phone', holds: true, note: '首笔1万元已还。' },
    ],
  },
  {
    key: 'deposit', day: 17, at: [11, 30], grid: '钢花社区第1网格', by: 'mediator', source: 'visit', classCode: '03', subclass: '房屋租赁',
    description: '租户退租后房东以墙面污损为由扣留押金3000元，租户认为属正常使用损耗。',
    address: '钢花新村5栋', parties: [
      { role: 'applicant', name: '林晓燕', gender: 'female', age: 27 },
      { role: 'respondent', name: '胡德贵', gender: 'male', age: 59, address: '钢花新村5栋1单元' },
    ],
    factors: { amountYuan: 3000 },
    steps: [
      { kind: 'mediate', day: 16, at: [16, 0], place: '钢花社区居委会', mediator: { kind: 'peopleMediator' },
        statements: ['住了两年，墙面发黄是正常的。', '墙上钉了很多钉子，要重新刷。'],
        agreed: '押金扣除500元刷墙费，其余退还。',
        terms: ['胡德贵于3日内退还押金2500元。', '双方租赁关系终止，互不追究。'], outcome: 'resolved' },
      { kind: 'close', day: 14, at: [9, 0], reason: '押金已退还。' },
    ],
  },
  {
    key: 'domestic', day: 15, at: [22, 10], grid: '双山社区第3网格', by: 'dispatcher', source: 'hotline', classCode: '01', subclass: '家庭暴力',
    description: '12345转来：双山社区一女士称丈夫酒后多次动手，扬言离婚就“同归于尽”，现带孩子在娘家，不敢回家。',
    address: '双山社区双山路', parties: [
      { role: 'applicant', name: '潘红梅', gender: 'female', age: 35 },
      { role: 'respondent', name: '姚建军', gender: 'male', age: 38 },
      { role: 'thirdParty', name: '姚一诺', gender: 'female', age: 9 },
    ],
    factors: { threats: true, note: '扬言“同归于尽”' },
    steps: [
      { kind: 'push', day: 15, at: [22, 30], by: 'mediator', unitKind: 'policeStation', unitName: POLICE, dueDays: 1, note: '涉家暴且有扬言，请派出所出警并视情出具告诫书。' },
      { kind: 'reply', day: 14, at: [9, 40], by: 'mediator', text: '（电话答复）派出所已出警，对姚某出具家庭暴力告诫书，告知申请人身安全保护令的途径。', done: true },
      { kind: 'mediate', day: 12, at: [15, 0], by: 'mediator', place: HALL, mediator: { kind: 'judicialStaff', name: '袁德芬' },
        statements: ['只要他保证不再喝酒动手，可以不离婚，但要先分开住一段时间。', '喝了酒控制不住，愿意戒酒，写保证书。'],
        agreed: '暂时分居，男方戒酒并接受社区和派出所回访。',
        terms: ['姚建军书面保证不再实施家庭暴力，并戒酒。', '双方分居三个月，孩子随母亲生活，姚建军每月支付抚养费1500元。', '社区网格员和派出所社区民警每两周回访一次。'],
        outcome: 'partial' },
    ],
  },
  {
    key: 'land-rent', day: 14, at: [9, 0], grid: '跃进村社区第4网格', by: 'mediator', source: 'gridWorker', classCode: '07', subclass: '土地流转',
    description: '跃进村社区8户村民流转给蔬菜合作社的土地，合作社拖欠今年租金1.2万元，村民要求收回土地。',
    address: '跃进村社区上坝组', parties: [
      { role: 'applicant', name: '董德明', gender: 'male', age: 66 },
      { role: 'respondent', name: '重庆跃进蔬菜专业合作社', gender: 'male', age: 0, firm: true },
    ],
    factors: { groupSize: 8, amountYuan: 12000 },
    steps: [
      { kind: 'mediate', day: 11, at: [10, 0], place: '跃进村社区村委会', mediator: { kind: 'villageSage', name: '董云山' },
        statements: ['租金一拖再拖，地也荒了一半，要收回来。', '今年菜价低，资金紧张，愿意先付一半。'],
        agreed: '合作社分两次付清租金，继续流转。',
        terms: ['合作社于10日内支付租金6000元，年底前付清余款。', '荒芜的地块由合作社在一个月内复耕。'], outcome: 'resolved' },
    ],
  },
  {
    key: 'dog-bite', day: 12, at: [8, 30], grid: '锦霞社区第5网格', by: 'mediator', source: 'resident', classCode: '06', subclass: '人身损害',
    description: '小区内未拴绳的犬只咬伤一名晨练老人小腿，老人打狂犬疫苗和清创花费2400元，犬主只愿赔一半。',
    address: '锦霞路56号锦霞花园', parties: [
      { role: 'applicant', name: '袁秀珍', gender: 'female', age: 74 },
      { role: 'respondent', name: '曹晓丽', gender: 'female', age: 33 },
    ],
    factors: { amountYuan: 2400 },
    steps: [
      { kind: 'mediate', day: 11, at: [15, 0], place: '锦霞社区人民调解室', mediator: { kind: 'peopleMediator' },
        statements: ['早上锻炼被狗咬了，疫苗要打五针，钱都是自己垫的。', '狗平时不咬人，老人可能逗它了，只愿意出一半。'],
        agreed: '犬主未拴绳，承担全部医疗费用和营养费。',
        terms: ['曹晓丽于3日内赔偿袁秀珍医疗费2400元、营养费300元，共计2700元。', '曹晓丽遛狗须拴绳并于一周内办理养犬登记。'],
        outcome: 'resolved', signedAfterH: 1 },
      { kind: 'followUp', day: 5, at: [10, 0], method: 'phone', holds: true, note: '2700元已付清。' },
      { kind: 'close', day: 5, at: [10, 10], reason: '赔偿已付清。' },
    ],
  },
  {
    key: 'parking', day: 11, at: [19, 0], grid: '春晖社区第3网格', by: 'gridworker', source: 'gridWorker', classCode: '14', subclass: '停车管理',
    description: '业主长期将车停在消防通道口旁的公共车位，挡住邻居车库出口，双方因挪车多次争吵。',
    address: '春晖路120号', parties: [
      { role: 'applicant', name: '蔡文龙', gender: 'male', age: 42 },
      { role: 'respondent', name: '叶春林', gender: 'male', age: 50 },
    ],
    steps: [
      { kind: 'mediate', day: 11, at: [19, 40], place: '春晖路120号停车场', mediator: { kind: 'gridWorker' },
        statements: ['每天早上出不了门，上班迟到。', '那是公共车位，先到先停。'],
        agreed: '调整车位，互留电话。',
        terms: ['叶春林今后不停放在车库出口前的车位，改停东侧车位。', '双方互留电话，需要挪车时5分钟内挪开。'], outcome: 'resolved' },
      { kind: 'close', day: 10, at: [9, 0], reason: '当场化解，双方满意。' },
    ],
  },
  {
    key: 'work-injury', day: 10, at: [15, 0], grid: '钢花社区第6网格', by: 'mediator', source: 'visit', classCode: '11', subclass: '工伤待遇',
    description: '小型汽修厂工人在维修时被千斤顶砸伤右手，厂方未缴工伤保险，只愿支付部分医疗费，工人要求按工伤标准赔偿。',
    address: '钢花路汽修一条街', parties: [
      { role: 'applicant', name: '肖明亮', gender: 'male', age: 31 },
      { role: 'respondent', name: '重庆钢花汽车修理厂', gender: 'male', age: 0, firm: true },
    ],
    factors: { amountYuan: 86000 },
    steps: [
      { kind: 'changeTier', day: 9, at: [10, 0], tier: 'joint', reason: '涉及工伤认定和伤残等级，需司法所和法律援助参与。' },
      { kind: 'push', day: 9, at: [10, 20], unitKind: 'judicialOffice', unitName: JUDICIAL, dueDays: 10, note: '请司法所为工人提供法律援助，指导申请工伤认定。' },
      { kind: 'reply', day: 6, at: [14, 0], by: 'mediator', text: '（电话答复）司法所已受理法律援助申请，指派律师协助申请工伤认定和劳动能力鉴定。', done: false },
    ],
  },
  {
    key: 'zhou-leak', day: 9, at: [10, 20], grid: '春晖社区第1网格', by: 'gridworker', source: 'resident', classCode: '02', subclass: '漏水纠纷',
    description: '周淑芬反映楼上住户空调冷凝水管破裂，冷凝水顺外墙流进其阳台，阳台墙面起皮，与楼上沟通未果。',
    address: '春晖路168号春晖苑5栋', parties: [
      { role: 'applicant', name: '周淑芬', gender: 'female', age: 64, address: '春晖苑5栋3-1', demoResident: true },
      { role: 'respondent', name: '邓海燕', gender: 'female', age: 40, address: '春晖苑5栋4-1' },
    ],
    factors: { amountYuan: 600 },
    steps: [
      { kind: 'mediate', day: 8, at: [18, 30], place: '春晖苑5栋楼下网格议事点', mediator: { kind: 'gridWorker' },
        statements: ['阳台墙面都泡起皮了，希望楼上把水管修好，墙面帮忙刷一下。', '不知道水管破了，马上找人修，刷墙的钱我出。'],
        agreed: '楼上修管并承担刷墙费用。',
        terms: ['邓海燕于3日内更换空调冷凝水管，接入雨水管。', '邓海燕补偿周淑芬阳台墙面修补费用600元。'],
        outcome: 'resolved', signedAfterH: 1 },
      { kind: 'followUp', day: 2, at: [16, 0], method: 'visit', holds: true, note: '冷凝水管已更换，600元已付，阳台已干。' },
    ],
  },
  {
    key: 'prepaid-gym', day: 8, at: [14, 10], grid: '柏树堡社区第5网格', by: 'mediator', source: 'visit', classCode: '17', subclass: '预付卡',
    description: '柏树堡一家健身房突然闭店，6名会员预付卡余额共约2.6万元无法退还，经营者联系不上。',
    address: '柏树堡路健身房', parties: [
      { role: 'applicant', name: '沈倩', gender: 'female', age: 29 },
      { role: 'applicant', name: '魏鹏', gender: 'male', age: 33 },
      { role: 'respondent', name: '丁浩', gender: 'male', age: 35, address: '柏树堡路66号' },
    ],
    factors: { groupSize: 6, amountYuan: 26000 },
    steps: [
      { kind: 'push', day: 8, at: [15, 0], unitKind: 'policeStation', unitName: POLICE, dueDays: 5, note: '经营者失联，请派出所协助查找，核查是否涉嫌诈骗。' },
      { kind: 'reply', day: 5, at: [11, 0], by: 'mediator', text: '（电话答复）派出所已联系上经营者丁某，其称资金周转困难，同意到街道协商退款。', done: false },
    ],
  },
  {
    key: 'medical-fee', day: 7, at: [10, 0], grid: '茄子溪社区第2网格', by: 'mediator', source: 'visit', classCode: '12', subclass: '医疗费用',
    description: '患者家属认为社区诊所多收检查费并延误转诊，要求退费赔偿，在诊所门口拉横幅。',
    address: '茄子溪社区诊所', parties: [
      { role: 'applicant', name: '卢文彬', gender: 'male', age: 45 },
      { role: 'respondent', name: '茄子溪社区某诊所', gender: 'male', age: 0, firm: true },
    ],
    factors: { amountYuan: 8000 },
    steps: [
      { kind: 'mediate', day: 5, at: [14, 0], place: '茄子溪社区人民调解室', mediator: { kind: 'peopleMediator' },
        statements: ['一个感冒做了一千多块检查，拖了三天才让去大医院。', '检查都有必要，转诊是患者自己不愿去。'],
        agreed: '诊所退还部分检查费，家属撤下横幅；是否延误转诊由医学会鉴定。',
        terms: ['诊所退还检查费600元。', '家属当日撤下横幅，不再到诊所聚集。'], outcome: 'partial' },
    ],
  },
  {
    key: 'light', day: 6, at: [16, 0], grid: '新山村社区第1网格', by: 'mediator', source: 'gridWorker', classCode: '02', subclass: '采光通风',
    description: '一楼住户在院坝加盖雨棚，挡住二楼窗户采光，二楼住户要求拆除。',
    address: '新山村12栋', parties: [
      { role: 'applicant', name: '杜小红', gender: 'female', age: 46 },
      { role: 'respondent', name: '苏光明', gender: 'male', age: 68 },
    ],
    steps: [
      { kind: 'mediate', day: 6, at: [17, 0], place: '新山村12栋院坝', mediator: { kind: 'peopleMediator' },
        statements: ['雨棚太高，白天屋里都要开灯。', '下雨天要晾衣服，可以降低一点。'],
        terms: ['苏光明于5日内将雨棚降低至一楼窗沿以下，改用透明阳光板。'], outcome: 'resolved' },
    ],
  },
  {
    key: 'passage', day: 5, at: [9, 30], grid: '双山社区第1网格', by: 'mediator', source: 'gridWorker', classCode: '02', subclass: '通行纠纷',
    description: '住户在共用巷道堆放建材，另一户老人轮椅无法通过，双方争执。',
    address: '双山路巷道', parties: [
      { role: 'applicant', name: '程淑华', gender: 'female', age: 71 },
      { role: 'respondent', name: '余成林', gender: 'male', age: 44 },
    ],
    steps: [],
  },
  {
    key: 'inheritance', day: 4, at: [10, 30], grid: '松青社区第2网格', by: 'mediator', source: 'visit', classCode: '01', subclass: '继承纠纷',
    description: '父母去世后留下一套住房（估值约42万元），三兄妹对继承份额有争议，长女照顾父母多年要求多分。',
    address: '松青路18号', parties: [
      { role: 'applicant', name: '宋红', gender: 'female', age: 52 },
      { role: 'respondent', name: '宋勇', gender: 'male', age: 49 },
      { role: 'respondent', name: '宋小琴', gender: 'female', age: 45 },
    ],
    factors: { amountYuan: 420000 },
    steps: [
      { kind: 'mediate', day: 2, at: [15, 0], place: HALL, mediator: { kind: 'peopleMediator' },
        statements: ['父母生病都是我在照顾，应该多分。', '按法律应该平分。', '同意大姐多分一点，但要说清楚多多少。'],
        agreed: '原则同意长女适当多分，比例下次协商。', terms: ['房屋出售前任何一方不得单独处置。'], outcome: 'partial' },
    ],
  },
  {
    key: 'relocation', day: 3, at: [9, 10], grid: '跃进村社区第1网格', by: 'mediator', source: 'visit', classCode: '08', subclass: '补偿安置',
    description: '跃进村社区道路拓宽项目涉及8户村民，村民认为附属设施补偿标准偏低，聚集到项目部阻工。',
    address: '跃进村社区道路拓宽项目部', parties: [
      { role: 'applicant', name: '韩树林', gender: 'male', age: 58 },
      { role: 'applicant', name: '韩德芬', gender: 'female', age: 56 },
      { role: 'respondent', name: '春晖路街道征地拆迁事务所', gender: 'male', age: 0, firm: true },
    ],
    factors: { groupSize: 8, amountYuan: 240000 },
    steps: [
      { kind: 'push', day: 3, at: [10, 0], unitKind: 'lettersVisits', unitName: LETTERS, dueDays: 3, note: '群体性阻工，请信访办牵头接待，做好政策解释。' },
      { kind: 'push', day: 3, at: [10, 10], unitKind: 'department', unitName: '区规划自然资源局', dueDays: 5, note: '请核实附属设施补偿标准及评估依据。' },
    ],
  },
  {
    key: 'online-return', day: 3, at: [15, 0], grid: '春晖社区第4网格', by: 'gridworker', source: 'resident', classCode: '16', subclass: '网购退换',
    description: '居民在社区团购平台买的冰箱有划痕，团长拒绝退换。',
    address: '春晖路社区团购自提点', parties: [
      { role: 'applicant', name: '朱丽', gender: 'female', age: 38 },
      { role: 'respondent', name: '徐江', gender: 'male', age: 32, address: '春晖路社区团购自提点' },
    ],
    factors: { amountYuan: 2300 },
    steps: [
      { kind: 'mediate', day: 3, at: [16, 30], place: '社区团购自提点', mediator: { kind: 'gridWorker' },
        statements: ['签收时没注意，回家发现侧面一道长划痕。', '可以帮忙联系厂家换货。'],
        terms: ['徐江于5日内联系厂家为朱丽更换同型号冰箱，运费由团长承担。'], outcome: 'resolved' },
    ],
  },
  {
    key: 'partnership', day: 2, at: [10, 0], grid: '钢花社区第2网格', by: 'mediator', source: 'visit', classCode: '05', subclass: '合伙经营',
    description: '两人合伙开的面馆关门，对剩余设备和房租押金的分配有争议。',
    address: '钢花路面馆', parties: [
      { role: 'applicant', name: '梁小兵', gender: 'male', age: 36 },
      { role: 'respondent', name: '谢永红', gender: 'male', age: 41 },
    ],
    factors: { amountYuan: 35000 },
    steps: [],
  },
  {
    key: 'scrape', day: 2, at: [8, 10], grid: '锦霞社区第1网格', by: 'mediator', source: 'visit', classCode: '13', subclass: '车辆刮擦',
    description: '小区内倒车刮擦邻居车辆，双方对修理费有分歧。',
    address: '锦霞花园地面停车场', parties: [
      { role: 'applicant', name: '高建华', gender: 'male', age: 50 },
      { role: 'respondent', name: '吴小莉', gender: 'female', age: 30 },
    ],
    factors: { amountYuan: 1500 },
    steps: [
      { kind: 'mediate', day: 2, at: [9, 0], place: '锦霞花园停车场', mediator: { kind: 'peopleMediator' },
        statements: ['4S店报价1500。', '路边店800就能修好。'],
        terms: ['吴小莉赔偿高建华修理费1000元，当场付清。'], outcome: 'resolved' },
    ],
  },
  {
    key: 'ktv', day: 1, at: [23, 0], grid: '翠湖社区第4网格', by: 'gridworker', source: 'resident', classCode: '09', subclass: '噪声污染',
    description: '5户居民联名反映小区临街歌舞厅深夜音响声和顾客喧哗，影响休息。',
    address: '翠湖路临街商铺', parties: [
      { role: 'applicant', name: '邓晓梅', gender: 'female', age: 44 },
      { role: 'respondent', name: '孙浩', gender: 'male', age: 37, address: '翠湖路临街商铺12号' },
    ],
    factors: { groupSize: 5 },
    tier: { tier: 'onSpot', reason: '经营者当晚已表示整改，网格内先行协调，不成再提交社区。' },
    steps: [],
  },
  {
    key: 'custody', day: 1, at: [10, 0], grid: '茄子溪社区第1网格', by: 'mediator', source: 'visit', classCode: '01', subclass: '抚养纠纷',
    description: '离婚后父亲连续三个月未付抚养费，母亲要求按离婚协议支付并调整探视时间。',
    address: '茄子溪社区', parties: [
      { role: 'applicant', name: '彭莉', gender: 'female', age: 34 },
      { role: 'respondent', name: '许勇', gender: 'male', age: 36 },
      { role: 'thirdParty', name: '许皓轩', gender: 'male', age: 7 },
    ],
    factors: { amountYuan: 4500 },
    steps: [],
  },
  {
    key: 'pet-today', day: 0, at: [8, 20], grid: '春晖社区第1网格', by: 'gridworker', source: 'gridWorker', classCode: '02', subclass: '宠物纠纷',
    description: '网格员巡查发现钢花新村楼下两位居民因猫在车上留下划痕发生争吵，已劝开，登记待调。',
    address: '春晖路96号钢花新村', parties: [
      { role: 'applicant', name: '王强', gender: 'male', age: 40 },
      { role: 'respondent', name: '刘桂芳', gender: 'female', age: 69 },
    ],
    steps: [],
  },
  {
    key: 'service-today', day: 0, at: [8, 50], grid: '翠湖社区第1网格', by: 'dispatcher', source: 'hotline', classCode: '14', subclass: '物业服务质量',
    description: '12345转来：翠湖小区业主反映物业保洁长期不到位，垃圾堆放两天未清，与物业管家发生争执。',
    address: '翠湖路2号翠湖小区', parties: [
      { role: 'applicant', name: '张玉梅', gender: 'female', age: 55 },
      { role: 'respondent', name: '重庆翠湖物业服务有限公司', gender: 'male', age: 0, firm: true },
    ],
    steps: [],
  },
];

export interface DemoSweep {
  title: string;
  note: string;
  /** started this many days ago by the dispatcher, due `dueInDays` after */
  createdDay: number;
  dueInDays: number;
  /** grids that answer (the rest have not): all but the ones named in `missing`, or only the first `answered` */
  missing?: string[];
  answered?: number;
}

/**
 * Last week's sweep, due three days ago, every grid answered but six; and this week's, started yesterday, a dozen grids
 * answered so far (not the demo grid worker's: his phone shows it to answer).
 */
export const DEMO_SWEEPS: DemoSweep[] = [
  {
    title: '冬季矛盾纠纷大排查（第一轮）',
    note: '各网格排查邻里、婚姻家庭、欠薪、物业等纠纷，有则报告并登记，无则零报告。',
    createdDay: 8, dueInDays: 5,
    missing: ['双山社区第7网格', '双山社区第8网格', '茄子溪社区第9网格', '跃进村社区第10网格', '柏树堡社区第11网格', '新山村社区第11网格'],
  },
  {
    title: '元旦春节前矛盾纠纷大排查',
    note: '重点排查欠薪、征地拆迁、婚姻家庭和邻里纠纷，一周内报告。',
    createdDay: 1, dueInDays: 7, answered: 12,
  },
];
