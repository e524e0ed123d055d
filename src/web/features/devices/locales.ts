// Texts of the desktop device pages (设备管理, 设备详情, 告警规则), registered into i18next at module load under
// `devices`, plus the menu labels `nav.devices` and `nav.alarmRules`. Device types, binding kinds, levels and roles are
// named here in both languages.
import { i18n } from '../../lib/i18n.ts';

export const devicesZh = {
  title: '设备管理', subtitle: '门磁、烟感、手环等感知设备：绑定到居民、住户或场所，在线状态、电量和告警',
  types: {
    doorMagnet: '门磁', smokeDetector: '烟感', wristband: '智能手环', gasSensor: '燃气报警器', waterLeakSensor: '水浸传感器', waterLevelGauge: '水位计', camera: 'AI 摄像头', gateway: '平台网关',
  },
  bindingKinds: { resident: '居民', household: '住户', place: '场所' },
  states: { online: '在线', offline: '离线', never: '未上线' },
  household: { wornBy: '{{name}}佩戴', alarms: '{{n}} 条告警未消除' },
  statuses: { active: '在用', retired: '已停用' },
  levels: { red: '红色', orange: '橙色', yellow: '黄色' },
  roles: { gridWorker: '网格员', carePost: '关爱岗位（A/B 岗）', communityStaff: '社区工作人员', dutyOfficer: '指挥中心值班长' },
  filter: { q: '名称、编号、序列号或地址', type: '设备类型', state: '在线状态', status: '设备状态', go: '查询', reset: '重置' },
  col: {
    name: '设备名称', type: '类型', binding: '绑定对象', grid: '网格', state: '状态', lastSeen: '最近上报', battery: '电量', alarms: '告警', profile: '规则模板', actions: '操作',
  },
  register: '登记设备', open: '详情', more: '加载更多', empty: '没有符合条件的设备。可以登记设备并绑定到居民、住户或场所。', count: '已加载 {{count}} 台',
  never: '从未上报', activeAlarms: '{{count}} 条告警', noAlarm: '无', lowBattery: '电量低',
  form: {
    title: '登记设备并绑定', type: '设备类型', profile: '规则模板', profileHint: '不选时使用该类型的默认模板', name: '设备名称', nameHint: '例如：3 栋 2 单元 501 门磁',
    serialNo: '序列号', bindingKind: '绑定到', binding: '绑定对象', bindingHint: '输入姓名、地址或场所名称查找',
    submit: '登记', save: '保存', cancel: '取消', rebind: '改绑到其他对象', required: '请填写{{field}}', choose: '请选择{{field}}', searching: '查找中…', noMatch: '没有找到，请换个关键词',
  },
  token: {
    title: '设备令牌（只显示这一次）', warn: '请立即复制并写入设备。关闭后无法再次查看，只能重新生成（旧令牌随即失效）。',
    deviceId: '设备编号', token: '令牌', copy: '复制', copied: '已复制', http: 'HTTP 上报', mqtt: 'MQTT 上报', done: '我已保存，关闭', lost: '令牌只在第一次登记时显示。如果没有保存，请在设备详情中重新生成令牌。',
    mqttHint: '用户名为设备编号，密码为令牌，主题如上，服务质量等级 1。', host: '服务器地址',
  },
  detail: {
    back: '返回设备列表', state: '状态', battery: '电量', lastSeen: '最近上报', lastEvent: '最近活动', offlineSince: '离线自', binding: '绑定对象', address: '地址',
    grid: '网格', profile: '规则模板', serialNo: '序列号', createdAt: '登记时间', type: '类型', tags: '标签', retired: '该设备已停用，不再接收读数。',
    readings: '最近 24 小时读数', readingsEmpty: '最近 24 小时没有读数。', chart: '曲线', table: '明细', at: '时间', kind: '类型', key: '读数项', value: '读数',
    readingKinds: { event: '事件', keepalive: '心跳', status: '状态' },
    perDay: '近 30 天每日读数', alarms: '告警', alarmsEmpty: '该设备没有告警。', alarmsByType: '近期告警：{{list}}',
    rotate: '重新生成令牌', rotateConfirm: '重新生成后旧令牌立即失效，设备需要写入新令牌才能继续上报。确定吗？',
    retire: '停用设备', retireConfirm: '停用后设备不再接收读数，未消警的告警保留。确定停用吗？', retiredDone: '设备已停用',
    edit: '修改', editTitle: '修改设备', saved: '已保存', conflict: '该设备已被他人修改，已为您刷新。',
    events: '事件', other: '心跳与状态', ok: '确定',
  },
  overrides: {
    title: '个人化阈值', subtitle: '只对这台设备绑定的对象生效：可以关闭某条规则，或调整它的数值（例如服用β受体阻滞剂的老人心率下限更低）。',
    rule: '规则', profileValue: '模板设定', override: '本对象设定', enabled: '启用', save: '保存个人化设定', reset: '恢复模板', saved: '个人化设定已保存',
    readOnly: '个人化设定由系统管理员和指挥长修改。', none: '与模板一致',
  },
  rules: {
    title: '告警规则', subtitle: '每类设备的规则模板：什么情况告警、告警级别、对应事项，以及无人确认时的逐级升级',
    profiles: '规则模板', platform: '平台默认', town: '本镇街', devices: '{{count}} 台设备', rules: '{{count}} 条规则', edit: '编辑规则', view: '查看规则',
    updated: '{{name}} 于 {{time}} 修改', empty: '还没有规则模板。',
    editorTitle: '规则模板 · {{name}}', back: '返回规则模板',
    add: '添加规则', remove: '删除', save: '保存规则', discard: '放弃修改', saved: '规则已保存（第 {{version}} 版）', conflict: '规则已被他人修改，已为您加载最新版本，请重新修改。',
    readOnly: '规则由系统管理员和指挥长修改，您可以查看并预览。',
    kinds: { threshold: '阈值持续', inactivity: '长时间无活动', repeat: '短时间重复', offline: '设备离线' },
    kindHints: {
      threshold: '读数满足条件并持续一段时间（如心率低于 45 持续 2 分钟）',
      inactivity: '一段时间内没有某类事件（如门磁 24 小时未开）；心跳不算活动',
      repeat: '一段时间内某事件出现若干次（如 1 分钟内烟雾 3 次）',
      offline: '一段时间内收不到任何数据：生成设备维护任务，不生成关爱工单',
    },
    field: {
      name: '规则名称', id: '规则编号', enabled: '启用', alarmType: '告警类型', level: '告警级别', matter: '对应事项', matterHint: '按事项名称查找', key: '读数项',
      keyAny: '任意事件', op: '条件', value: '数值', forSec: '持续', afterSec: '时限', count: '次数', withinSec: '时间范围', window: '生效时段', windowAll: '全天',
      windowFrom: '从', windowTo: '到', windowHint: '开始晚于结束表示跨午夜（如 22:00 至 06:00 为夜间）', offlineMatter: '离线规则生成维护任务，不需要事项',
    },
    ops: { '<': '低于', '<=': '不高于', '>': '高于', '>=': '不低于', '==': '等于' },
    units: { s: '秒', min: '分钟', h: '小时', d: '天' },
    summary: {
      threshold: '{{key}}{{op}}{{value}}，持续 {{dur}}', thresholdNow: '{{key}}{{op}}{{value}} 即告警',
      inactivity: '{{dur}}没有{{key}}', inactivityAny: '{{dur}}没有任何事件', repeat: '{{dur}}内{{key}}出现 {{count}} 次', repeatOnce: '出现{{key}}即告警', offline: '{{dur}}收不到数据',
      window: '（{{from}}–{{to}}）',
    },
    escalation: {
      title: '逐级升级', subtitle: '告警产生时通知第 1 级；无人确认时，按间隔通知下一级；最后一级之后按重复间隔再次通知，直到有人确认。',
      step: '第 {{n}} 级', notify: '通知', afterMin: '上一级后（分钟）', first: '告警产生时', addStep: '添加一级', repeat: '最后一级后每隔（分钟）重复', repeatText: '之后每 {{n}} 分钟重复', removeStep: '删除',
      needRole: '每一级至少通知一类人员',
    },
    preview: {
      title: '预览', subtitle: '用某台设备最近 24 小时的读数回放当前编辑的规则（未保存也可预览）：会在什么时候告警。', device: '选择设备', run: '预览',
      none: '这 24 小时内不会告警。', readings: '回放了 {{count}} 条读数（{{from}} 至 {{to}}）', at: '时间', rule: '规则', alarm: '告警', level: '级别', details: '触发情况',
      recovered: '恢复', noDevice: '该类型还没有设备可以预览。',
    },
    problems: '规则有问题，请修改后再保存：',
  },
  duration: { s: '{{n}} 秒', min: '{{n}} 分钟', h: '{{n}} 小时', d: '{{n}} 天' },
  keys: {
    door: '开门', fire: '烟火', heartRate: '心率', smoke: '烟雾', gas: '燃气浓度', water: '水浸', waterLevel: '水位', fall: '跌倒', sos: '一键求助', motion: '移动', temperature: '温度', battery: '电量',
  },
};

export const devicesEn: typeof devicesZh = {
  title: 'Devices', subtitle: 'Door magnets, smoke detectors, wristbands and other sensors: bound to a resident, household or place, with their state, battery and alarms',
  types: {
    doorMagnet: 'Door magnet', smokeDetector: 'Smoke detector', wristband: 'Wristband', gasSensor: 'Gas sensor', waterLeakSensor: 'Water-leak sensor', waterLevelGauge: 'Water-level gauge', camera: 'AI camera', gateway: 'Platform gateway',
  },
  bindingKinds: { resident: 'Resident', household: 'Household', place: 'Place' },
  states: { online: 'Online', offline: 'Offline', never: 'Never heard' },
  household: { wornBy: 'worn by {{name}}', alarms: '{{n}} alarm(s) standing' },
  statuses: { active: 'In use', retired: 'Retired' },
  levels: { red: 'Red', orange: 'Orange', yellow: 'Yellow' },
  roles: { gridWorker: 'Grid worker', carePost: 'Care post (A/B)', communityStaff: 'Community staff', dutyOfficer: 'Duty officer' },
  filter: { q: 'Name, id, serial number or address', type: 'Type', state: 'State', status: 'Status', go: 'Search', reset: 'Reset' },
  col: {
    name: 'Device', type: 'Type', binding: 'Bound to', grid: 'Grid', state: 'State', lastSeen: 'Last heard', battery: 'Battery', alarms: 'Alarms', profile: 'Profile', actions: 'Actions',
  },
  register: 'Register a device', open: 'Open', more: 'Load more', empty: 'No device matches. Register a device and bind it to a resident, household or place.', count: '{{count}} loaded',
  never: 'Never heard', activeAlarms: '{{count}} alarms', noAlarm: 'None', lowBattery: 'Low battery',
  form: {
    title: 'Register and bind a device', type: 'Type', profile: 'Profile', profileHint: 'The type\'s default profile when left empty', name: 'Name', nameHint: 'e.g. Door magnet, building 3 unit 2 room 501',
    serialNo: 'Serial number', bindingKind: 'Bind to', binding: 'Record', bindingHint: 'Search by name, address or place',
    submit: 'Register', save: 'Save', cancel: 'Cancel', rebind: 'Bind to another record', required: 'Enter the {{field}}', choose: 'Choose the {{field}}', searching: 'Searching…', noMatch: 'Nothing found; try other words',
  },
  token: {
    title: 'Device token (shown only this once)', warn: 'Copy it into the device now. It cannot be shown again once closed; only a new one can be made (the old one then stops working).',
    deviceId: 'Device id', token: 'Token', copy: 'Copy', copied: 'Copied', http: 'Send over HTTP', mqtt: 'Send over MQTT', done: 'Saved it, close', lost: 'The token was shown only with the first answer. If it was not saved, make a new one on the device\'s page.',
    mqttHint: 'Username is the device id, password the token, topic as above, QoS 1.', host: 'Server',
  },
  detail: {
    back: 'Back to devices', state: 'State', battery: 'Battery', lastSeen: 'Last heard', lastEvent: 'Last activity', offlineSince: 'Offline since', binding: 'Bound to', address: 'Address',
    grid: 'Grid', profile: 'Profile', serialNo: 'Serial number', createdAt: 'Registered', type: 'Type', tags: 'Tags', retired: 'This device is retired and takes no more readings.',
    readings: 'Readings, last 24 hours', readingsEmpty: 'No reading in the last 24 hours.', chart: 'Chart', table: 'Table', at: 'Time', kind: 'Kind', key: 'Key', value: 'Value',
    readingKinds: { event: 'Event', keepalive: 'Keep-alive', status: 'Status' },
    perDay: 'Readings per day, last 30 days', alarms: 'Alarms', alarmsEmpty: 'This device has no alarm.', alarmsByType: 'Recent alarms: {{list}}',
    rotate: 'New token', rotateConfirm: 'The old token stops working at once; the device needs the new one to keep sending. Go ahead?',
    retire: 'Retire', retireConfirm: 'A retired device takes no more readings; alarms not yet cleared stay. Retire it?', retiredDone: 'Device retired',
    edit: 'Edit', editTitle: 'Edit device', saved: 'Saved', conflict: 'Someone else changed this device; it has been reloaded.',
    events: 'Events', other: 'Keep-alives and status', ok: 'OK',
  },
  overrides: {
    title: 'Personal limits', subtitle: 'Only for the record this device is bound to: switch a rule off or change its numbers (e.g. a lower heart-rate limit for a patient on β-blockers).',
    rule: 'Rule', profileValue: 'Profile', override: 'For this person', enabled: 'On', save: 'Save personal limits', reset: 'Back to profile', saved: 'Personal limits saved',
    readOnly: 'Personal limits are changed by the system administrator and the leader.', none: 'As the profile',
  },
  rules: {
    title: 'Alarm rules', subtitle: 'Each device type\'s profile: what raises an alarm, its level and matter, and the escalation when nobody acknowledges',
    profiles: 'Profiles', platform: 'Platform default', town: 'This town', devices: '{{count}} devices', rules: '{{count}} rules', edit: 'Edit rules', view: 'View rules',
    updated: 'Changed by {{name}} at {{time}}', empty: 'No profile yet.',
    editorTitle: 'Profile · {{name}}', back: 'Back to profiles',
    add: 'Add a rule', remove: 'Remove', save: 'Save rules', discard: 'Discard changes', saved: 'Rules saved (version {{version}})', conflict: 'Someone else saved these rules; the latest version is loaded, make your change again.',
    readOnly: 'Rules are changed by the system administrator and the leader; you may read and preview them.',
    kinds: { threshold: 'Threshold held', inactivity: 'No activity', repeat: 'Repeated', offline: 'Device offline' },
    kindHints: {
      threshold: 'A reading meets a condition for a while (heart rate below 45 for 2 minutes)',
      inactivity: 'No event of a kind for a while (door not opened for 24 h); keep-alives do not count',
      repeat: 'An event several times within a while (smoke 3 times in a minute)',
      offline: 'Nothing heard for a while: a maintenance task, not a care order',
    },
    field: {
      name: 'Name', id: 'Rule id', enabled: 'On', alarmType: 'Alarm type', level: 'Level', matter: 'Matter', matterHint: 'Search by name', key: 'Key',
      keyAny: 'Any event', op: 'Condition', value: 'Value', forSec: 'Held for', afterSec: 'After', count: 'Count', withinSec: 'Within', window: 'Active hours', windowAll: 'All day',
      windowFrom: 'From', windowTo: 'To', windowHint: 'A start after the end spans midnight (22:00 to 06:00 is the night)', offlineMatter: 'Offline rules make a maintenance task; no matter needed',
    },
    ops: { '<': 'below', '<=': 'at most', '>': 'above', '>=': 'at least', '==': 'equal to' },
    units: { s: 's', min: 'min', h: 'h', d: 'days' },
    summary: {
      threshold: '{{key}} {{op}} {{value}} for {{dur}}', thresholdNow: '{{key}} {{op}} {{value}} at once',
      inactivity: 'no {{key}} for {{dur}}', inactivityAny: 'no event for {{dur}}', repeat: '{{key}} {{count}} times within {{dur}}', repeatOnce: '{{key}} at once', offline: 'nothing heard for {{dur}}',
      window: ' ({{from}}–{{to}})',
    },
    escalation: {
      title: 'Escalation', subtitle: 'Step 1 is notified when the alarm is raised; if nobody acknowledges, the next step after its interval; after the last, it repeats until someone does.',
      step: 'Step {{n}}', notify: 'Notify', afterMin: 'After previous (min)', first: 'When raised', addStep: 'Add a step', repeat: 'Then repeat every (min)', repeatText: 'then every {{n}} min', removeStep: 'Remove',
      needRole: 'Each step notifies at least one role',
    },
    preview: {
      title: 'Preview', subtitle: 'Replays a device\'s last 24 hours of readings through the rules as edited (saved or not): when they would have fired.', device: 'Device', run: 'Preview',
      none: 'Nothing would have fired in these 24 hours.', readings: '{{count}} readings replayed ({{from}} to {{to}})', at: 'Time', rule: 'Rule', alarm: 'Alarm', level: 'Level', details: 'Details',
      recovered: 'Recovered', noDevice: 'No device of this type to preview with yet.',
    },
    problems: 'The rules have problems; fix them before saving:',
  },
  duration: { s: '{{n}} s', min: '{{n}} min', h: '{{n}} h', d: '{{n}} days' },
  keys: {
    door: 'door', fire: 'fire', heartRate: 'heart rate', smoke: 'smoke', gas: 'gas', water: 'water', waterLevel: 'water level', fall: 'fall', sos: 'SOS', motion: 'motion', temperature: 'temperature', battery: 'battery',
  },
};

const navZh = { devices: '设备管理', alarmRules: '告警规则' };
const navEn: typeof navZh = { devices: 'Devices', alarmRules: 'Alarm rules' };

i18n.addResourceBundle('zh-CN', 'translation', { devices: devicesZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { devices: devicesEn, nav: navEn }, true, false);
