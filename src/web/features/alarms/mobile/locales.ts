// Texts of the grid worker's alarm pages on the phone (the red banner, the alarm list and detail). Registered into
// i18next at module load under `malarm`.
import { i18n } from '../../../lib/i18n.ts';

export const malarmZh = {
  lang: 'zh',
  title: { list: '紧急告警', detail: '告警详情' },
  banner: {
    one: '紧急告警：{{what}}', many: '{{count}} 条紧急告警待处理', tap: '点击查看', acknowledged: '已响应 {{count}} 条，待到场处置',
  },
  types: {
    inactivity: '长时间未活动', doorInactivity: '长时间未开门', heartRateLow: '心率过低', heartRateHigh: '心率过高', sos: '一键呼救', fall: '跌倒',
    smoke: '烟雾报警', gas: '燃气泄漏', waterLeak: '漏水', waterLevelHigh: '水位超警戒', waterLevelCritical: '水位超危险', offline: '设备离线', lowBattery: '电量低',
  },
  categories: { care: '关爱告警', safety: '安全告警', maintenance: '设备维护' },
  levels: { red: '红色', orange: '橙色', yellow: '黄色' },
  status: { active: '待响应', acknowledged: '已响应', cleared: '已解除' },
  deviceTypes: {
    doorMagnet: '门磁', smokeDetector: '烟感', wristband: '智能手环', gasSensor: '燃气探测器', waterLeakSensor: '水浸探测器', waterLevelGauge: '水位计', camera: '智能摄像头', gateway: '平台网关',
  },
  bindings: { resident: '居民', household: '住户', place: '场所' },
  roles: { gridWorker: '网格员', carePost: '关爱岗位', communityStaff: '社区干部', dutyOfficer: '指挥中心值班员', partner: '合作方' },
  detail: {
    who: '对象', where: '地址', device: '设备', raisedAt: '告警时间', grid: '网格', matter: '事项', careOrder: '关爱工单', caseNumber: '工单编号', caseStatus: '办理状态', task: '维护任务',
    battery: '电量 {{value}}%', lastSeen: '最后在线 {{time}}', never: '从未上报', value: '读数 {{value}}', lastEvent: '上次活动 {{time}}',
    forMin: '持续 {{min}} 分钟', count: '{{count}} 次', escalation: '通知记录', step: '第 {{step}} 轮', nextStep: '无人响应将于 {{time}} 升级',
    acknowledgedBy: '{{name}} 于 {{time}} 响应', clearedBy: '{{name}} 于 {{time}} 解除', noCareOrder: '工单生成中…',
    call: '拨打电话', callWhom: '拨打 {{name}}', noPhone: '没有登记电话', dialing: '正在呼叫 {{name}}', dialHint: '没有自动拨号时，点号码拨打', audited: '查看完整号码已记录',
    acknowledge: '响应告警', acknowledged: '已响应，升级已停止', arrived: '已到场', arrivedHint: '到场后在关爱工单中记录处置情况', openCareOrder: '查看关爱工单', openTask: '查看维护任务',
    notFound: '告警不存在，或不在您的范围内', failed: '加载失败', close: '关闭', navigate: '导航',
  },
  list: { empty: '没有待处理的告警', emptyHint: '新的告警会在这里和首页红色横幅中出现', active: '待响应', acknowledged: '已响应', all: '查看全部' },
  relations: { head: '户主', spouse: '配偶', child: '子女', parent: '父母', grandchild: '孙辈', sibling: '兄弟姐妹', other: '家人' },
  sys: { recovered: '设备已恢复正常' },
};

export const malarmEn: typeof malarmZh = {
  lang: 'en',
  title: { list: 'Urgent alarms', detail: 'Alarm' },
  banner: {
    one: 'Urgent alarm: {{what}}', many: '{{count}} urgent alarms to answer', tap: 'Tap to view', acknowledged: '{{count}} answered, go on site',
  },
  types: {
    inactivity: 'No activity for long', doorInactivity: 'Door not opened for long', heartRateLow: 'Heart rate too low', heartRateHigh: 'Heart rate too high', sos: 'SOS call', fall: 'Fall',
    smoke: 'Smoke alarm', gas: 'Gas leak', waterLeak: 'Water leak', waterLevelHigh: 'Water above warning level', waterLevelCritical: 'Water above danger level', offline: 'Device offline', lowBattery: 'Low battery',
  },
  categories: { care: 'Care alarm', safety: 'Safety alarm', maintenance: 'Device maintenance' },
  levels: { red: 'Red', orange: 'Orange', yellow: 'Yellow' },
  status: { active: 'To answer', acknowledged: 'Answered', cleared: 'Cleared' },
  deviceTypes: {
    doorMagnet: 'Door magnet', smokeDetector: 'Smoke detector', wristband: 'Wristband', gasSensor: 'Gas sensor', waterLeakSensor: 'Water-leak sensor', waterLevelGauge: 'Water-level gauge', camera: 'AI camera', gateway: 'Platform gateway',
  },
  bindings: { resident: 'Resident', household: 'Household', place: 'Place' },
  roles: { gridWorker: 'Grid worker', carePost: 'Care post', communityStaff: 'Community staff', dutyOfficer: 'Duty officer', partner: 'Partner' },
  detail: {
    who: 'Who', where: 'Address', device: 'Device', raisedAt: 'Raised', grid: 'Grid', matter: 'Matter', careOrder: 'Care order', caseNumber: 'Number', caseStatus: 'Status', task: 'Maintenance task',
    battery: 'Battery {{value}}%', lastSeen: 'Last heard {{time}}', never: 'Never heard', value: 'Reading {{value}}', lastEvent: 'Last activity {{time}}',
    forMin: 'for {{min}} min', count: '{{count}} times', escalation: 'Notifications', step: 'Round {{step}}', nextStep: 'Escalates at {{time}} unless answered',
    acknowledgedBy: 'Answered by {{name}} at {{time}}', clearedBy: 'Cleared by {{name}} at {{time}}', noCareOrder: 'Opening the care order…',
    call: 'Call', callWhom: 'Call {{name}}', noPhone: 'No phone on file', dialing: 'Calling {{name}}', dialHint: 'Tap the number if the phone does not dial', audited: 'Reading the full number is recorded',
    acknowledge: 'Answer the alarm', acknowledged: 'Answered; escalation stopped', arrived: 'On site', arrivedHint: 'On site, record what you did in the care order', openCareOrder: 'Open the care order', openTask: 'Open the task',
    notFound: 'This alarm does not exist or is outside your area', failed: 'Could not load', close: 'Close', navigate: 'Directions',
  },
  list: { empty: 'No alarms to answer', emptyHint: 'New alarms show here and in the red banner on the home page', active: 'To answer', acknowledged: 'Answered', all: 'See all' },
  relations: { head: 'Head', spouse: 'Spouse', child: 'Child', parent: 'Parent', grandchild: 'Grandchild', sibling: 'Sibling', other: 'Family' },
  sys: { recovered: 'The device is back to normal' },
};

i18n.addResourceBundle('zh-CN', 'translation', { malarm: malarmZh }, true, false);
i18n.addResourceBundle('en', 'translation', { malarm: malarmEn }, true, false);
