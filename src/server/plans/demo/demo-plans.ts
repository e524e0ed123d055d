import type { PlanBody, PlanResource, PlanRole, PlanStep } from '../../../shared/plans.ts';

/*
 * The demo town's five plans (春晖路街道), written the way a street office writes its 专项应急预案 for the 应急管理办:
 * roles by the town's posts (应急管理岗 leads, 城市更新岗 for works and buildings, 社会救助岗 for those moved, 卫生健康岗,
 * 综治维稳岗 for order and closures, 宣传统战岗 for the public), steps in the order of a 先期处置 with their times, the
 * resources the office keeps (its 应急分队, vehicles, 防汛物资 and 避难场所) and the text of the public alert. Pure data.
 */

const role = (key: string, name: string, postCode: string): PlanRole => ({ key, name, postCode, backupAccountIds: [] });
const step = (key: string, title: string, roleKey: string, dueOffsetMin: number, fromLevel: PlanStep['fromLevel'], checklist: string[]): PlanStep =>
  ({ key, title, roleKey, dueOffsetMin, fromLevel, checklist });
const res = (
  key: string, kind: PlanResource['kind'], name: string, quantity: number | null, unit: string | null,
  at: [number, number] | null, address: string | null, contactName: string | null, contactPhone: string | null,
): PlanResource => ({ key, kind, name, quantity, unit, location: at ? { lng: at[0], lat: at[1] } : null, address, contactName, contactPhone });

/** The shared roles: the command center's duty chief and the posts every plan calls on. */
const COMMAND = role('command', '现场指挥', 'PA-YJGL');
const DUTY = role('duty', '值班调度', 'ZH-ZBZ');

// 春晖路街道 lies between lng 106.478–106.529 and lat 29.458–29.500; 跳蹬河 runs along its west (春晖、钢花社区),
// 双山 and 松青 are the hills of the east.
export const RIVER_POINT = { lng: 106.4797, lat: 29.4606 };

export const FLOOD_PLAN: PlanBody = {
  name: '春晖路街道跳蹬河防汛应急预案',
  hazard: 'flood',
  matterCode: 'S0302',
  summary: '跳蹬河春晖段、钢花段汛期水位上涨时的先期处置：水位计超警戒自动提示、超危险自动启动Ⅲ级响应；沿河低洼地带（春晖社区河滨路、钢花新村下坝）住户转移、避难场所开放、道路封闭与群众安置。',
  levels: ['IV', 'III', 'II', 'I'],
  triggers: [
    { kind: 'alarm', alarmType: 'waterLevelCritical', minLevel: 'red', level: 'III', activate: 'auto' },
    { kind: 'alarm', alarmType: 'waterLevelHigh', minLevel: 'orange', level: 'IV', activate: 'suggest' },
    { kind: 'case', categoryCode: 'S0302', level: 'IV', activate: 'suggest' },
    { kind: 'manual' },
  ],
  roles: [
    COMMAND, DUTY,
    role('patrol', '巡堤查险组', 'JJ-CSGX'),
    role('evacuate', '转移安置组', 'MS-SHJZ'),
    role('order', '治安交通组', 'PA-ZZWW'),
    role('medical', '医疗救护组', 'MS-WSJK'),
    role('publicity', '信息发布组', 'DJ-XCTZ'),
  ],
  steps: [
    step('notify', '通知值班领导和各社区防汛责任人', 'duty', 10, 'IV', ['电话通知街道分管领导', '通知春晖、钢花社区书记', '在防汛工作群发布水位信息']),
    step('patrol', '巡查河堤、涵洞和低洼点位', 'patrol', 30, 'IV', ['巡查跳蹬河春晖段堤岸', '检查河滨路下穿涵洞积水', '在水位标尺处拍照回传']),
    step('warn', '沿河广播、敲锣预警，劝离河边人员', 'publicity', 30, 'IV', ['沿河应急广播播放预警', '劝离河边钓鱼、散步人员', '在河滨步道入口设置警示牌']),
    step('close-road', '封闭河滨步道和下穿通道', 'order', 45, 'III', ['设置围挡和警戒带', '安排专人值守路口', '通知交巡警绕行']),
    step('evacuate', '转移低洼地带住户', 'evacuate', 60, 'III', ['逐户敲门通知河滨路低洼住户', '优先转移独居老人、行动不便人员', '登记转移人员名单', '确认无人滞留']),
    step('shelter', '开放避难场所并安置转移群众', 'evacuate', 90, 'III', ['开放春晖路小学风雨操场', '发放饮用水、方便食品和棉被', '安排值守人员和医务人员']),
    step('medical', '医疗救护组到场待命', 'medical', 60, 'II', ['社区卫生服务中心派出救护小组', '联系区人民医院预留床位']),
    step('report', '向区防汛办报送险情和处置情况', 'command', 120, 'III', ['报送水位、转移人数', '报送道路封闭情况', '每两小时续报']),
    step('rescue', '请求区消防救援支队增援', 'command', 30, 'I', ['报告被困人员位置', '引导救援力量进场']),
  ],
  resources: [
    res('team-flood', 'team', '春晖路街道防汛应急分队', 30, '人', [106.4842, 29.4655], '春晖路街道办事处', '周建国', '023-68831101'),
    res('team-militia', 'team', '街道民兵应急排', 24, '人', [106.4842, 29.4655], '春晖路街道武装部', '李军', '13996321458'),
    res('boat', 'vehicle', '冲锋舟（含船外机）', 2, '艘', [106.4811, 29.4628], '河滨路防汛物资仓库', '刘德明', '13883746521'),
    res('pickup', 'vehicle', '应急皮卡车', 1, '辆', [106.4842, 29.4655], '春晖路街道办事处', '周建国', '023-68831101'),
    res('sandbags', 'supply', '编织袋（沙袋）', 3000, '条', [106.4811, 29.4628], '河滨路防汛物资仓库', '刘德明', '13883746521'),
    res('lifejackets', 'supply', '救生衣', 120, '件', [106.4811, 29.4628], '河滨路防汛物资仓库', '刘德明', '13883746521'),
    res('pumps', 'supply', '抽水泵', 6, '台', [106.4811, 29.4628], '河滨路防汛物资仓库', '刘德明', '13883746521'),
    res('shelter-school', 'shelter', '春晖路小学风雨操场（避难场所）', 400, '人', [106.4886, 29.4702], '春晖路 88 号', '张校长', '023-68832210'),
  ],
  notice: {
    event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Observed',
    headline: '跳蹬河春晖段水位超警戒，请沿河居民注意防范',
    description: '受持续强降雨影响，跳蹬河春晖段水位持续上涨，已超过警戒水位。河滨步道、下穿通道及低洼地带存在被淹风险。',
    instruction: '请沿河居民立即远离河边，不要在河滨步道逗留；低洼地带住户请听从社区工作人员安排，前往春晖路小学风雨操场避险。求助请拨打 023-68831101。',
    areaDesc: '春晖路街道跳蹬河沿线（春晖社区、钢花社区）', expiresAfterH: 12,
  },
};

export const FOREST_FIRE_PLAN: PlanBody = {
  name: '春晖路街道森林火灾应急预案',
  hazard: 'forestFire',
  matterCode: 'S0301',
  summary: '双山、松青片区林地发生火情时的先期处置：核实火情、组织扑救队伍、疏散林区群众和清明祭扫人员、设置隔离带，配合区森林消防处置。',
  levels: ['IV', 'III', 'II'],
  triggers: [{ kind: 'case', categoryCode: 'S0301', level: 'IV', activate: 'suggest' }, { kind: 'manual' }],
  roles: [COMMAND, DUTY, role('fight', '扑救组', 'PA-AQSC'), role('evacuate', '疏散安置组', 'MS-SHJZ'), role('order', '治安交通组', 'PA-ZZWW'), role('logistics', '后勤保障组', 'JJ-NYNC')],
  steps: [
    step('verify', '核实火点位置、面积和蔓延方向', 'command', 15, 'IV', ['到场或调取高点视频核实', '报告经纬度和过火面积', '判断风向']),
    step('report', '报告区森林防灭火指挥部', 'duty', 20, 'IV', ['电话报告区应急局值班室', '报送火点位置和初判情况']),
    step('attack', '组织半专业扑火队初期扑救', 'fight', 40, 'IV', ['集结街道半专业扑火队', '领取风力灭火机和二号工具', '确定安全避险区和撤离路线']),
    step('evacuate', '疏散林区周边群众和游客', 'evacuate', 40, 'III', ['劝离登山步道人员', '疏散林边住户至安全地带', '清点疏散人数']),
    step('close', '封控进山路口', 'order', 45, 'III', ['双山公园、松青林场路口设卡', '禁止车辆和人员进山']),
    step('firebreak', '开设隔离带，保护林边住户和加油站', 'fight', 90, 'II', ['确定隔离带位置', '调集挖掘机开设隔离带']),
    step('supply', '保障扑火人员饮水、食品和照明', 'logistics', 120, 'III', ['配送饮用水和干粮', '准备照明设备']),
  ],
  resources: [
    res('team-fire', 'team', '街道半专业森林扑火队', 20, '人', [106.5238, 29.4676], '松青社区林场管护站', '杨勇', '13708362214'),
    res('blowers', 'supply', '风力灭火机', 10, '台', [106.5238, 29.4676], '松青社区林场管护站', '杨勇', '13708362214'),
    res('tools', 'supply', '二号扑火工具', 40, '把', [106.5238, 29.4676], '松青社区林场管护站', '杨勇', '13708362214'),
    res('water-truck', 'vehicle', '洒水车', 1, '辆', [106.5152, 29.4890], '双山社区环卫站', '何刚', '13594021837'),
    res('shelter-park', 'shelter', '双山公园广场（临时避险点）', 800, '人', [106.5145, 29.4905], '双山公园南门', '吴霞', '023-68835510'),
  ],
  notice: {
    event: '森林火情', urgency: 'Immediate', severity: null, certainty: 'Observed',
    headline: '双山片区发生森林火情，请勿进山',
    description: '双山片区林地发生火情，街道已组织力量扑救。进山步道和林区道路临时封闭。',
    instruction: '请勿进山，不要围观；林边住户请听从工作人员安排撤离至双山公园广场。发现新的火点请立即拨打 119 或 023-68831101。',
    areaDesc: '春晖路街道双山、松青片区林地', expiresAfterH: 24,
  },
};

export const GEO_PLAN: PlanBody = {
  name: '春晖路街道地质灾害（危岩崩塌）应急预案',
  hazard: 'geologicalHazard',
  matterCode: 'S0303',
  summary: '双山危岩带、新山村后山滑坡隐患点出现裂缝扩大、掉块或监测报警时的先期处置：划定危险区、撤离受威胁住户、请专业队伍调查、应急排危。',
  levels: ['IV', 'III', 'II'],
  triggers: [{ kind: 'case', categoryCode: 'S0303', level: 'IV', activate: 'suggest' }, { kind: 'manual' }],
  roles: [COMMAND, DUTY, role('survey', '监测调查组', 'JJ-GHJS'), role('evacuate', '转移安置组', 'MS-SHJZ'), role('order', '警戒组', 'PA-ZZWW'), role('works', '排危抢险组', 'JJ-CSGX')],
  steps: [
    step('report', '报告区规划自然资源局和应急局', 'duty', 15, 'IV', ['电话报告区地灾应急中心', '报送隐患点编号和险情']),
    step('cordon', '设置危险区警戒', 'order', 30, 'IV', ['坡脚拉设警戒线', '设置危险区警示牌', '安排专人 24 小时值守']),
    step('evacuate', '撤离受威胁住户', 'evacuate', 60, 'IV', ['逐户通知受威胁住户', '转移至新山村社区活动中心', '登记转移名单', '确认无人滞留']),
    step('monitor', '加密监测裂缝和位移', 'survey', 60, 'IV', ['裂缝贴片和标尺读数', '每 2 小时巡查记录', '雨天加密到每小时']),
    step('expert', '请地勘单位现场调查', 'survey', 240, 'III', ['联系区地勘队专家', '陪同现场踏勘', '取得调查意见']),
    step('works', '应急排危（清除危石、坡面覆盖）', 'works', 480, 'III', ['调集排危队伍和机具', '覆盖彩条布防雨水渗入', '清除松动危石']),
    step('lifeline', '检查坡下水、电、气管线', 'works', 120, 'II', ['通知燃气公司关阀检查', '通知供电所检查线路']),
  ],
  resources: [
    res('team-geo', 'team', '街道地质灾害群测群防员队伍', 12, '人', [106.5132, 29.4921], '双山社区居委会', '孙平', '13983054127'),
    res('team-expert', 'team', '区地勘队驻点专家组', 3, '人', null, '大渡口区规划和自然资源局', '郭工', '023-68822346'),
    res('tarp', 'supply', '彩条布', 500, '平方米', [106.5118, 29.4878], '新山村社区物资库', '马德明', '13637920816'),
    res('crane', 'vehicle', '小型挖掘机', 1, '台', [106.5118, 29.4878], '新山村社区物资库', '马德明', '13637920816'),
    res('shelter-xsc', 'shelter', '新山村社区活动中心（临时安置点）', 150, '人', [106.5140, 29.4690], '新山村社区', '罗丽', '023-68836021'),
  ],
  notice: {
    event: '地质灾害险情', urgency: 'Immediate', severity: null, certainty: 'Likely',
    headline: '双山危岩带出现险情，坡下区域临时封闭',
    description: '双山危岩带后山边坡裂缝扩大并有掉块，存在崩塌危险。坡下道路和住户所在区域已划为危险区。',
    instruction: '请勿进入警戒区域；受威胁住户请听从社区安排转移到新山村社区活动中心。发现裂缝、掉块、异响请立即远离并拨打 023-68831101。',
    areaDesc: '春晖路街道双山社区后山危岩带', expiresAfterH: 48,
  },
};

export const BUILDING_PLAN: PlanBody = {
  name: '春晖路街道危房及堡坎挡墙垮塌应急预案',
  hazard: 'buildingCrack',
  matterCode: 'C0502',
  summary: '老旧小区（钢花新村、柏树堡片区）楼栋出现结构性裂缝、堡坎挡墙鼓胀开裂时的先期处置：人员撤离、警戒、专业鉴定、应急加固。',
  levels: ['IV', 'III'],
  triggers: [{ kind: 'case', categoryCode: 'C0502', level: 'IV', activate: 'suggest' }, { kind: 'manual' }],
  roles: [COMMAND, DUTY, role('housing', '房屋安全组', 'JJ-CSGX'), role('evacuate', '转移安置组', 'MS-SHJZ'), role('order', '警戒组', 'PA-ZZWW')],
  steps: [
    step('inspect', '现场查看裂缝、倾斜和渗水', 'housing', 30, 'IV', ['测量裂缝宽度并拍照', '检查墙体倾斜和渗水', '判断是否需要撤离']),
    step('cordon', '设置警戒区，疏导过往行人', 'order', 30, 'IV', ['拉设警戒线', '张贴安全提示', '安排专人值守']),
    step('evacuate', '撤离楼内及堡坎下方住户', 'evacuate', 60, 'IV', ['逐户通知撤离', '帮助老人和行动不便人员', '登记撤离人员和去向']),
    step('appraise', '委托房屋安全鉴定单位应急鉴定', 'housing', 240, 'IV', ['联系区房屋安全鉴定站', '陪同现场鉴定', '取得鉴定意见']),
    step('reinforce', '应急支顶加固或卸载', 'housing', 480, 'III', ['调集支顶材料和施工队', '对鼓胀段应急支护', '清理墙后积水和堆载']),
    step('settle', '安置撤离住户并做好稳定工作', 'evacuate', 120, 'III', ['落实临时住处（亲友投靠或酒店安置）', '发放生活物资', '每日回访']),
  ],
  resources: [
    res('team-housing', 'team', '街道房屋安全巡查队', 8, '人', [106.4831, 29.4885], '钢花社区居委会', '高建华', '13896045712'),
    res('props', 'supply', '钢支撑', 40, '根', [106.4819, 29.4873], '钢花社区物资库', '高建华', '13896045712'),
    res('barrier', 'supply', '围挡', 60, '米', [106.4819, 29.4873], '钢花社区物资库', '高建华', '13896045712'),
    res('shelter-gh', 'shelter', '钢花社区党群服务中心（临时安置点）', 60, '人', [106.4838, 29.4892], '钢花路 176 号', '唐海燕', '023-68834417'),
  ],
  notice: {
    event: '房屋及堡坎险情', urgency: 'Immediate', severity: null, certainty: 'Likely',
    headline: '钢花新村堡坎挡墙出现险情，下方通道临时封闭',
    description: '钢花新村后堡坎挡墙出现鼓胀开裂，存在垮塌风险，下方住户通道已封闭。',
    instruction: '请绕行，不要在堡坎下方停留；受影响住户请听从社区安排撤离到钢花社区党群服务中心。',
    areaDesc: '春晖路街道钢花社区钢花新村', expiresAfterH: 48,
  },
};

export const HEAT_PLAN: PlanBody = {
  name: '春晖路街道高温天气应急预案',
  hazard: 'heatWave',
  matterCode: 'M0102',
  summary: '区气象台发布高温橙色（40℃ 以上）预警时：独居、高龄老人和困难群众逐户关怀，开放避暑纳凉点，户外作业调整时间，防中暑和用电安全。',
  levels: ['IV', 'III'],
  triggers: [{ kind: 'manual' }],
  roles: [COMMAND, DUTY, role('care', '关爱走访组', 'MS-SHJZ'), role('elderly', '养老服务组', 'MS-YLFW'), role('medical', '医疗保障组', 'MS-WSJK'), role('safety', '安全生产组', 'PA-AQSC'), role('publicity', '信息发布组', 'DJ-XCTZ')],
  steps: [
    step('publish', '转发高温预警和防暑提示', 'publicity', 30, 'IV', ['社区微信群转发预警', '小区电子屏滚动播放防暑提示']),
    step('visit-alone', '电话或上门关怀独居、高龄老人', 'elderly', 240, 'IV', ['电话联系独居老人', '联系不上的上门查看', '检查空调、风扇能否使用']),
    step('cool-spots', '开放避暑纳凉点', 'care', 120, 'IV', ['开放社区党群服务中心纳凉点', '备好饮用水和防暑药品', '公布开放时间']),
    step('outdoor', '督促户外作业避开高温时段', 'safety', 180, 'IV', ['检查辖区工地 12–15 时停工', '提醒环卫工人调整作业时间']),
    step('medical', '社区医生上门巡诊', 'medical', 360, 'III', ['为慢病老人测量血压', '发放防暑药品']),
    step('power', '排查电动车集中充电和老旧线路', 'safety', 480, 'III', ['检查小区集中充电点', '提醒居民不私拉电线']),
  ],
  resources: [
    res('cool-ch', 'shelter', '春晖社区党群服务中心纳凉点', 80, '人', [106.4842, 29.4655], '春晖路 12 号', '陈红梅', '023-68830612'),
    res('cool-jx', 'shelter', '锦霞社区养老服务中心纳凉点', 50, '人', [106.4935, 29.4690], '锦霞街 35 号', '许秀英', '023-68831775'),
    res('water', 'supply', '瓶装饮用水', 200, '箱', [106.4842, 29.4655], '春晖路街道办事处', '周建国', '023-68831101'),
    res('medicine', 'supply', '防暑药品（藿香正气液、人丹）', 300, '份', [106.5232, 29.4908], '茄子溪社区卫生服务中心', '冯医生', '023-68837120'),
    res('team-volunteers', 'team', '春晖志愿服务队', 40, '人', [106.4842, 29.4655], '春晖社区', '朱志强', '13527840961'),
  ],
  notice: {
    event: '高温', urgency: 'Expected', severity: null, certainty: 'Likely',
    headline: '高温橙色预警：请减少户外活动，关心家中老人',
    description: '区气象台发布高温橙色预警，未来三天最高气温将达 40℃ 以上。',
    instruction: '请避开 12 时至 16 时户外活动，多喝水；家中有独居老人的请每天联系。需要帮助可到社区纳凉点或拨打 023-68831101。',
    areaDesc: '春晖路街道全域', expiresAfterH: 72,
  },
};

export const DEMO_PLANS: readonly PlanBody[] = [FLOOD_PLAN, FOREST_FIRE_PLAN, GEO_PLAN, BUILDING_PLAN, HEAT_PLAN];
