import type { Random } from './random.ts';

/**
 * What people write, by category of the Matters catalog: templates with a place, filled in by the seeded generator, so
 * the demo's reports read like reports (and differ from one another) without any text being stored twice.
 */

const STREETS = ['春晖路', '锦霞街', '翠湖路', '新山村正街', '松青路', '钢花路', '柏树堡路', '跃进路', '双山路', '茄子溪路'];
const SPOTS = [
  '{n}号楼下', '{n}栋{u}单元门口', '{n}号门面前', '公交站旁', '菜市场入口', '小区东门', '小区后门', '{n}号附近的人行道上',
  '农贸市场旁边', '幼儿园门口', '垃圾中转站旁', '路口红绿灯下', '{n}号院内', '停车场出口', '社区服务中心对面',
];

/** An address people would say: a street of the community's area and a spot on it. */
export function address(r: Random, communityIndex: number): string {
  const street = STREETS[communityIndex % STREETS.length]!;
  const spot = r.pick(SPOTS).replace('{n}', String(r.int(1, 188))).replace('{u}', String(r.int(1, 4)));
  return `${street}${r.int(1, 260)}号${spot.startsWith('{') ? '' : '，'}${spot}`;
}

const TEMPLATES: Record<string, readonly string[]> = {
  C0101: [
    '{place}的井盖{what}，行人和电瓶车经过很危险，请尽快处理。',
    '{place}有一个井盖{what}，晚上看不清，已经有人差点踩空。',
    '{place}雨水井盖{what}，车辆压过去响声很大。',
  ],
  C0102: [
    '{place}下水道堵塞，污水漫到路面上，气味很大。',
    '{place}化粪池外溢，{when}开始一直往外冒，影响住户出行。',
    '{place}排水沟堵了，一下雨就积水倒灌进一楼。',
  ],
  C0201: [
    '{place}的路灯{when}就不亮了，晚上一片漆黑，老人出门不方便。',
    '{place}连续三盏路灯损坏，夜间行人看不清台阶。',
    '{place}路灯白天一直亮着，晚上反而时亮时灭。',
  ],
  C0501: [
    '{place}外墙瓷砖有松动，{when}掉下来几块，下面是人行通道，存在安全隐患。',
    '{place}高层外墙面砖空鼓脱落，已用警戒带临时围挡，请尽快排危。',
  ],
  C0502: [
    '{place}堡坎出现裂缝，比上个月明显变宽，下雨后有渗水。',
    '{place}挡墙有鼓包，墙脚有碎石掉落，担心垮塌。',
  ],
  E0101: [
    '{place}有一堆生活垃圾没有清运，{when}就堆在那里，招蚊蝇。',
    '{place}有人乱倒建筑垃圾，占了半边路。',
    '{place}垃圾桶满溢，周边散落垃圾较多。',
    '{place}绿化带里堆放了大量杂物和垃圾袋。',
  ],
  E0102: [
    '{place}的餐馆油烟直排，楼上住户窗户都不敢开，{when}一直这样。',
    '{place}烧烤店油烟很大，晚上经营到凌晨，油烟和噪音扰民。',
  ],
  E0201: [
    '{place}墙面和电线杆上贴满了小广告，影响市容。',
    '{place}楼道里被喷涂了大量办证、开锁小广告。',
    '{place}有人在散发和张贴非法小广告。',
  ],
  E0301: [
    '{place}工地夜间施工，{when}过了晚上十点还在打桩，居民无法休息。',
    '{place}装修噪音很大，中午休息时间也在电钻作业。',
    '{place}施工工地扬尘严重，没有覆盖也没有洒水。',
  ],
  E0401: [
    '{place}有流动摊贩占道经营，行人只能走到机动车道上。',
    '{place}门面把货物摆到人行道上，占道经营，{when}一直如此。',
    '{place}早市摊位越摆越多，堵住了小区出入口。',
  ],
  E0402: [
    '{place}消防通道被私家车长期占用，消防车进不来。',
    '{place}楼道里堆满杂物，堵塞了安全出口。',
    '{place}消防通道上堆放了建材和废旧家具。',
  ],
  E0403: [
    '{place}有住户在楼顶私自搭建彩钢棚。',
    '{place}一楼住户占用公共绿地搭建围墙和棚子。',
  ],
  E0404: [
    '{place}有人从楼上拉电线给电动车充电，存在火灾隐患。',
    '{place}电动自行车停在楼道里充电，堵住通道。',
    '{place}单元门口电动车乱停乱放，{when}晚上都有人飞线充电。',
  ],
  E0501: [
    '{place}道路积水严重，水深没过脚踝，车辆通行困难。',
    '{place}下穿道积水，已经有车辆熄火，请尽快排水。',
  ],
  S0301: ['{place}后山有烟雾冒出，疑似有人焚烧秸秆引发火情。'],
  S0302: ['{place}河道水位上涨很快，已接近河堤步道，请关注。'],
  S0303: [
    '{place}边坡有土石滑落，坡顶出现裂缝。',
    '{place}山体有小面积滑坡，靠近居民房屋，请派人查看。',
  ],
  B0102: [
    '{place}的企业反映用水报装办理进度慢，希望协调加快。',
    '{place}商户反映门前道路施工影响经营，希望了解工期。',
  ],
  M0101: [
    '{place}的独居老人需要帮忙代办高龄津贴申请。',
    '{place}住户行动不便，需要上门帮办社保卡补办。',
    '{place}居民咨询残疾证办理，需要社区帮办。',
  ],
  M0102: [
    '{place}住户家中突发变故，生活困难，申请临时救助。',
    '{place}的困难家庭孩子上学需要帮扶，请核实情况。',
  ],
  M0201: [
    '{place}小区停车位紧张，外来车辆长期占用，希望社区组织商议停车管理办法。',
    '{place}小区想划定临时停车位，需要业主协商。',
  ],
  D0000: [
    '{place}楼上楼下因为漏水问题发生纠纷，双方争执不下，请帮忙调解。',
    '{place}两户邻居因为堆放杂物发生口角，请社区协调。',
    '{place}租户和房东因押金退还产生纠纷，请求调解。',
    '{place}商户与顾客发生争执，需要人员到场调解。',
  ],
};

const WHAT = ['破损', '缺失', '松动翘起', '下沉', '被车压碎了一角'];
const WHEN = ['前天', '昨天晚上', '三天前', '这几天', '上周', '今天早上'];

/** The categories the demo has words for. */
export const DESCRIBED_CATEGORIES = Object.keys(TEMPLATES);

export function description(r: Random, categoryCode: string, place: string): string {
  const templates = TEMPLATES[categoryCode];
  if (!templates) throw new Error(`no demo text for category ${categoryCode}`);
  return r.pick(templates).replace('{place}', place).replace('{what}', r.pick(WHAT)).replace('{when}', r.pick(WHEN));
}

export const REJECT_REASONS = [
  '经核实，反映的问题属于物业服务合同范围，已告知来电人联系物业公司。',
  '现场核查未发现反映的问题，已电话联系反映人确认。',
  '反映内容不完整，多次联系反映人未接通，无法核实。',
  '该问题属于私人之间的民事纠纷，已告知通过诉讼途径解决。',
];

export const DUPLICATE_REASON = (number: string) => `与案件 ${number} 反映的是同一问题，并入该案件办理，不再重复派遣。`;

export const RETURN_REASONS = [
  '该问题不属于本岗位职责，涉及产权单位，请重新派遣。',
  '现场核实为燃气管道问题，应由燃气公司处理，请改派。',
  '地点不在本片区，请核实后改派。',
];

export const REASSIGN_REASONS = [
  '原岗位退回，改派片区负责人现场核实处置。',
  '经核实需属地先行处置，改派片区负责人办理。',
];

export const SUSPENSION_REASONS = [
  '需更换的井盖为特殊规格，厂家供货需要一周。',
  '需协调产权单位共同处置，待对方确定维修方案。',
  '当事人外出务工，约定返回后再行调解。',
  '需等待天气好转后才能施工。',
];

export const REOPEN_REASONS = [
  '回访核实问题未彻底解决，现场仍有残留，请重新处理。',
  '反映人表示处理后问题又出现了，请再次处置。',
];

export const DONE_NOTES = [
  '已到现场处置完毕，现场照片已上传。',
  '已联系相关单位完成维修，恢复正常。',
  '已当面劝导整改，当事人表示配合。',
  '已清理完毕，并告知周边商户注意保持。',
  '已完成调解，双方达成一致并签字确认。',
];

export const ON_SPOT_NOTES = ['巡查发现，已现场处理完毕。', '随手处置，已清理干净。'];

export const RATING_COMMENTS: Record<number, readonly string[]> = {
  5: ['处理很及时，谢谢！', '当天就解决了，非常满意。', '工作人员态度很好。', ''],
  4: ['处理得不错，就是稍微慢了一点。', '问题解决了，满意。', ''],
  3: ['基本解决了，希望以后加强巡查。', ''],
  2: ['处理时间太长了。', '只是临时处理，没有根本解决。'],
  1: ['问题还在，没人管。'],
};

export const REVISIT_NOTES = ['电话回访，反映人对处理结果表示满意。', '电话回访，反映人认可处理结果。', '回访未接通，已短信告知处理结果。'];

/** Common surnames, most frequent first (the demo's callers and the demo registry's residents take theirs from here). */
export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const CALLERS = ['先生', '女士', '阿姨', '大爷', '师傅'];

/** A name and a phone for a caller or an anonymous reporter: personal data, sealed by intake. */
export function caller(r: Random): { name: string; phone: string } {
  return {
    name: `${r.pick([...SURNAMES])}${r.pick(CALLERS)}`,
    phone: `1${r.pick(['3', '5', '7', '8'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`,
  };
}
