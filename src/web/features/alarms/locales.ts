// Texts of the alarm pages (告警中心, the alarm strip, the sound switch), registered into i18next at module load under
// `alarms`, plus the menu label `nav.alarmCenter`. Alarm types come from the profiles' rules (their alarmType); a type
// not named here is shown by its category.
import { i18n } from '../../lib/i18n.ts';

export const alarmsZh = {
  title: '告警中心', subtitle: '感知设备的告警：未处理的标红，实时更新；确认后停止升级，核实后消警并写明情况',
  tabs: { active: '未确认', acknowledged: '已确认', cleared: '已消警' },
  status: { active: '未确认', acknowledged: '已确认', cleared: '已消警' },
  category: { care: '关爱', safety: '安全', maintenance: '设备维护' },
  level: { red: '红色', orange: '橙色', yellow: '黄色' },
  types: {
    inactivity: '长时间无活动', doorInactivity: '门磁长时间未开', heartRateLow: '心率过低', heartRateHigh: '心率过高', sos: '一键求助', fall: '跌倒',
    smoke: '烟雾报警', gas: '燃气泄漏', water: '漏水', waterLeak: '漏水', waterLevelHigh: '水位超警戒', waterLevelCritical: '水位超危险', fire: '火情', offline: '设备离线', intrusion: '异常闯入', camera: '视频告警',
  },
  deviceTypes: {
    doorMagnet: '门磁', smokeDetector: '烟感', wristband: '智能手环', gasSensor: '燃气报警器', waterLeakSensor: '水浸传感器', waterLevelGauge: '水位计', camera: 'AI 摄像头', gateway: '平台网关',
  },
  bindingKinds: { resident: '居民', household: '住户', place: '场所' },
  roles: { gridWorker: '网格员', carePost: '关爱岗位', communityStaff: '社区工作人员', dutyOfficer: '值班长', partner: '合作方' },
  col: {
    level: '级别', type: '告警', device: '设备', binding: '对象与地址', grid: '网格', address: '地址', raisedAt: '发生时间', status: '状态',
    careOrder: '关爱工单', escalation: '升级', actions: '操作', handledBy: '处理人',
  },
  filter: { category: '类别', allCategories: '全部类别', mine: '只看通知我的' },
  step: '第 {{step}} 级', nextAt: '{{time}} 升级', noCareOrder: '待派单', task: '维护任务',
  acknowledge: '确认', clear: '消警', cancel: '取消', openOrder: '打开工单', detail: '详情', count: '共 {{count}} 条', more: '加载更多',
  acknowledged: '已确认，告警不再升级', cleared: '已消警',
  clearTitle: '消警 · {{type}}', clearNote: '核实情况', clearNoteHint: '例如：已上门，老人安好，门磁电池松动', clearNoteRequired: '关爱和安全告警须写明核实情况',
  conflict: '该告警已被他人处理，已为您刷新。',
  empty: { active: '当前没有未确认的告警。', acknowledged: '没有已确认待消警的告警。', cleared: '没有已消警的告警。' },
  sysNotes: { 'sys:alarm.recovered': '设备恢复，系统自动消警' },
  by: '{{name}} · {{time}}',
  detailTitle: '告警详情',
  facts: {
    category: '类别', level: '级别', device: '设备', binding: '对象', address: '地址', grid: '网格', matter: '事项', raisedAt: '发生时间', battery: '电量',
    lastSeen: '最近上报', careOrder: '关爱工单', acknowledgedBy: '确认', clearedBy: '消警', note: '核实情况', details: '触发情况', notifications: '通知与升级',
  },
  detailKeys: {
    condition: '条件', key: '读数项', reading: '读数', count: '次数', forSec: '持续', afterSec: '时限', withinSec: '时间范围',
    since: '开始于', firstAt: '首次出现', lastEventAt: '最近一次活动', lastHeardAt: '最近上报',
  },
  notified: '{{role}}：{{names}}', nobody: '（无可通知的人员）',
  sound: {
    enable: '开启声音', enabledTip: '新告警和升级时鸣响', mute: '静音', unmute: '取消静音', blockedTip: '浏览器需要先点击一次才能播放声音',
  },
  live: { newAlarm: '新告警 · 关爱工单 {{number}}', escalated: '告警升级 · 关爱工单 {{number}}' },
  strip: { title: '未确认告警 {{count}} 条', open: '告警中心' },
};

export const alarmsEn: typeof alarmsZh = {
  title: 'Alarm center', subtitle: 'Alarms of sensors: unanswered ones in red, live; acknowledging stops the escalation, clearing records what was found',
  tabs: { active: 'Unacknowledged', acknowledged: 'Acknowledged', cleared: 'Cleared' },
  status: { active: 'Unacknowledged', acknowledged: 'Acknowledged', cleared: 'Cleared' },
  category: { care: 'Care', safety: 'Safety', maintenance: 'Maintenance' },
  level: { red: 'Red', orange: 'Orange', yellow: 'Yellow' },
  types: {
    inactivity: 'No activity', doorInactivity: 'Door not opened', heartRateLow: 'Heart rate low', heartRateHigh: 'Heart rate high', sos: 'SOS button', fall: 'Fall',
    smoke: 'Smoke', gas: 'Gas leak', water: 'Water leak', waterLeak: 'Water leak', waterLevelHigh: 'Water above warning level', waterLevelCritical: 'Water above danger level', fire: 'Fire', offline: 'Device offline', intrusion: 'Intrusion', camera: 'Camera alert',
  },
  deviceTypes: {
    doorMagnet: 'Door magnet', smokeDetector: 'Smoke detector', wristband: 'Wristband', gasSensor: 'Gas sensor', waterLeakSensor: 'Water-leak sensor', waterLevelGauge: 'Water-level gauge', camera: 'AI camera', gateway: 'Platform gateway',
  },
  bindingKinds: { resident: 'Resident', household: 'Household', place: 'Place' },
  roles: { gridWorker: 'Grid worker', carePost: 'Care post', communityStaff: 'Community staff', dutyOfficer: 'Duty officer', partner: 'Partner' },
  col: {
    level: 'Level', type: 'Alarm', device: 'Device', binding: 'Bound to, where', grid: 'Grid', address: 'Address', raisedAt: 'Raised', status: 'Status',
    careOrder: 'Care order', escalation: 'Escalation', actions: 'Actions', handledBy: 'Handled by',
  },
  filter: { category: 'Category', allCategories: 'All categories', mine: 'Notified to me only' },
  step: 'Step {{step}}', nextAt: 'escalates {{time}}', noCareOrder: 'Not yet dispatched', task: 'Maintenance task',
  acknowledge: 'Acknowledge', clear: 'Clear', cancel: 'Cancel', openOrder: 'Open order', detail: 'Details', count: '{{count}} alarms', more: 'Load more',
  acknowledged: 'Acknowledged; the alarm no longer escalates', cleared: 'Cleared',
  clearTitle: 'Clear · {{type}}', clearNote: 'What was found', clearNoteHint: 'e.g. visited, the resident is well, the magnet\'s battery was loose', clearNoteRequired: 'Say what was found for a care or safety alarm',
  conflict: 'Someone else acted on this alarm; it has been reloaded.',
  empty: { active: 'No unacknowledged alarm.', acknowledged: 'No acknowledged alarm waiting to be cleared.', cleared: 'No cleared alarm.' },
  sysNotes: { 'sys:alarm.recovered': 'The device recovered; cleared by the system' },
  by: '{{name}} · {{time}}',
  detailTitle: 'Alarm',
  facts: {
    category: 'Category', level: 'Level', device: 'Device', binding: 'Bound to', address: 'Address', grid: 'Grid', matter: 'Matter', raisedAt: 'Raised', battery: 'Battery',
    lastSeen: 'Last heard', careOrder: 'Care order', acknowledgedBy: 'Acknowledged', clearedBy: 'Cleared', note: 'What was found', details: 'What raised it', notifications: 'Notifications and escalation',
  },
  detailKeys: {
    condition: 'Condition', key: 'Key', reading: 'Reading', count: 'Count', forSec: 'Held for', afterSec: 'After', withinSec: 'Within',
    since: 'Since', firstAt: 'First at', lastEventAt: 'Last activity', lastHeardAt: 'Last heard',
  },
  notified: '{{role}}: {{names}}', nobody: '(nobody to notify)',
  sound: {
    enable: 'Turn on sound', enabledTip: 'Sounds on a new alarm and on escalation', mute: 'Mute', unmute: 'Unmute', blockedTip: 'The browser needs one click before it may play sound',
  },
  live: { newAlarm: 'New alarm · care order {{number}}', escalated: 'Alarm escalated · care order {{number}}' },
  strip: { title: '{{count}} unacknowledged alarms', open: 'Alarm center' },
};

const navZh = { alarmCenter: '告警中心' };
const navEn: typeof navZh = { alarmCenter: 'Alarm center' };

i18n.addResourceBundle('zh-CN', 'translation', { alarms: alarmsZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { alarms: alarmsEn, nav: navEn }, true, false);
