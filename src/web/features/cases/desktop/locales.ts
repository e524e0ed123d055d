// Texts of the desktop case pages (workbench, drawer, intake, inbox), registered into i18next at module
// load under the `wcase` key.
import { i18n } from '../../../lib/i18n.ts';
import { CASE_STATUS_EN, CASE_STATUS_ZH } from '../locales.ts';

export const wcaseZh = {
  status: CASE_STATUS_ZH,
  actions: {
    report: '上报', accept: '受理', reject: '不予受理', dispatch: '派遣', start: '开始处置', report_done: '处置完成', return: '退回',
    escalate: '提级', request_suspension: '申请挂起', approve_suspension: '批准挂起', resume: '恢复处置', resolve_on_spot: '现场处置',
    verify: '核查结案', reopen: '核查不通过', rate: '评价', revisit: '电话回访', overdue: '超时', link_duplicate: '关联重复', reassign: '改派', assignee_kept: '留原办理人',
    alarm_raised: '设备告警', alarm_notified: '告警通知', alarm_escalated: '告警升级', alarm_acknowledged: '告警已确认', alarm_cleared: '告警已消警',
    partner_notified: '已通知合作方', partner_failed: '合作方通知失败',
  },
  alarmTimeline: {
    step: '第 {{n}} 级', notified: '{{role}}：{{names}}', nobody: '无可通知人员', acknowledgedAfter: '告警后 {{min}} 分钟确认', device: '设备：{{name}}',
    attempts: '共发送 {{n}} 次', answered: '对方返回 {{status}}', noAnswer: '对方无应答或地址不可达',
    roles: { gridWorker: '网格员', carePost: '关爱岗位', communityStaff: '社区工作人员', dutyOfficer: '值班长', partner: '合作方' },
  },
  clocks: { accept: '受理', dispatch: '派遣', arrive: '到场', handle: '处置', verify: '核查' },
  lights: { green: '正常', yellow: '临期', red: '超时' },
  tiers: { grid: '网格', community: '村(社区)', town: '镇街', district: '区县部门' },
  sources: { gridWorker: '网格员上报', resident: '居民随手拍', hotline: '12345/电话', sensor: '感知设备', platform: '行业平台', open311: 'Open311', visit: '走访发现', task: '任务发现', plan: '预案步骤', dispute: '纠纷登记', enforcement: '执法发现' },
  assigneeKinds: { post: '岗位', department: '部门', staff: '人员' },
  tabs: { reported: '待受理', accepted: '待派遣', working: '办理中', handled: '待核查', overdue: '超时' },
  inboxTabs: { todo: '待办', doing: '办理中', done: '已处置' },
  workbench: {
    title: '调度工作台', subtitle: '辖区案卷按环节排队，时限灯实时变化；受理、派遣、核查与结案都在这里', search: '搜索编号、描述或地址', community: '全部村(社区)', queue: '案卷队列', live: '实时',
    offline: '连接中断，正在重连', empty: '当前没有案卷', mapTitle: '案卷分布', overdue: '已超时', suspended: '已挂起',
    newReport: '新上报：{{number}}', legend: '时限灯', noClock: '无计时', fit: '全览', count: '共 {{count}} 件',
  },
  inbox: { title: '我的待办', subtitle: '分派给我的岗位或部门的案卷：开始处置、办结上报、退回或申请挂起', posts: '我的岗位：', none: '暂无分派给您的案卷', deadline: '时限', assignee: '承办', updated: '更新时间' },
  col: { number: '案卷编号', category: '问题类别', address: '地址', status: '状态', grid: '网格' },
  drawer: {
    title: '案卷详情', copy: '复制编号', copied: '已复制', category: '类别', tier: '处置层级', source: '来源', reporter: '上报人',
    anonymous: '匿名', contactUnavailable: '联系方式无法解密（密钥不符）', description: '问题描述', address: '地址', location: '坐标', assignee: '承办', routed: '推荐承办',
    none: '—', photos: '现场照片', before: '处置前', after: '处置后', deadlines: '办理时限', due: '截止 {{time}}', stopped: '已于 {{time}} 停止',
    timeline: '办理过程', actions: '可执行操作', noActions: '您当前无可执行的操作', system: '系统', stale: '该案卷已被他人处理，已为您刷新最新状态。',
    done: '{{action}}成功', suspendedUntil: '挂起至 {{time}}：{{reason}}', duplicateOf: '重复案卷，原案卷', duplicatedBy: '重复上报', satisfaction: '满意度',
    reportedAt: '上报时间', overrideNote: '改派（未按推荐承办）',
  },
  form: {
    reason: '原因', reasonRequired: '请填写原因', reasonPlaceholder: '请说明原因，将记入办理过程', note: '处置说明', noteRequired: '请填写处置说明',
    notePlaceholder: '处置措施、结果等', photos: '处置后照片', upload: '上传照片', until: '挂起至', untilRequired: '请选择挂起截止时间',
    assignee: '派遣至', assigneeRequired: '请选择承办岗位', recommended: '推荐', override: '改派将被记录', rating: '满意度', comment: '回访记录',
    ok: '确定', cancel: '取消', uploading: '照片上传中，请稍候',
  },
  intake: {
    title: '12345 / 电话受理', subtitle: '登记来电反映的问题：类别、描述、来电人和地图上的位置', category: '问题类别', categoryRequired: '请选择问题类别', categoryPlaceholder: '输入名称、编码或大类搜索',
    description: '问题描述', descriptionRequired: '请填写问题描述', callerName: '来电人', callerPhone: '联系电话', phoneInvalid: '请输入正确的电话号码',
    address: '地址', addressPlaceholder: '如：春晖路12号', location: '事发位置', locationRequired: '请在地图上点击事发位置',
    pickHint: '在地图上点击事发位置', locating: '正在定位…', outside: '该位置不在任何网格内', locateFailed: '定位失败，请重试', inGrid: '位于 {{name}}',
    submit: '提交受理', reset: '继续受理下一件', success: '已登记案卷 {{number}}', duplicates: '附近有 {{count}} 件同类未结案卷，可能重复：',
    noDuplicates: '附近没有同类未结案卷。', distance: '相距 {{m}} 米', open: '查看案卷', caller: '来电信息',
  },
};

export const wcaseEn: typeof wcaseZh = {
  status: CASE_STATUS_EN,
  actions: {
    report: 'Reported', accept: 'Accept', reject: 'Reject', dispatch: 'Dispatch', start: 'Start', report_done: 'Report done', return: 'Return',
    escalate: 'Escalate', request_suspension: 'Request suspension', approve_suspension: 'Approve suspension', resume: 'Resume', resolve_on_spot: 'Resolved on the spot',
    verify: 'Verify & close', reopen: 'Reopen', rate: 'Rate', revisit: 'Phone revisit', overdue: 'Overdue', link_duplicate: 'Linked duplicate', reassign: 'Reassign', assignee_kept: 'Kept by its assignee',
    alarm_raised: 'Device alarm', alarm_notified: 'Alarm notified', alarm_escalated: 'Alarm escalated', alarm_acknowledged: 'Alarm acknowledged', alarm_cleared: 'Alarm cleared',
    partner_notified: 'Partner notified', partner_failed: 'Partner notification failed',
  },
  alarmTimeline: {
    step: 'Step {{n}}', notified: '{{role}}: {{names}}', nobody: 'nobody to notify', acknowledgedAfter: 'acknowledged {{min}} min after the alarm', device: 'Device: {{name}}',
    attempts: '{{n}} attempt(s)', answered: 'the partner answered {{status}}', noAnswer: 'no answer, or the address cannot be reached',
    roles: { gridWorker: 'Grid worker', carePost: 'Care post', communityStaff: 'Community staff', dutyOfficer: 'Duty officer', partner: 'Partner' },
  },
  clocks: { accept: 'Accept', dispatch: 'Dispatch', arrive: 'Arrive', handle: 'Handle', verify: 'Verify' },
  lights: { green: 'On time', yellow: 'Due soon', red: 'Overdue' },
  tiers: { grid: 'Grid', community: 'Community', town: 'Town', district: 'District dept.' },
  sources: { gridWorker: 'Grid worker', resident: 'Resident photo', hotline: '12345 / phone', sensor: 'Sensor', platform: 'Platform', open311: 'Open311', visit: 'Visit', task: 'Task', plan: 'Plan step', dispute: 'Dispute desk', enforcement: 'Enforcement' },
  assigneeKinds: { post: 'Post', department: 'Department', staff: 'Staff' },
  tabs: { reported: 'To accept', accepted: 'To dispatch', working: 'In hand', handled: 'To verify', overdue: 'Overdue' },
  inboxTabs: { todo: 'To do', doing: 'In progress', done: 'Done' },
  workbench: {
    title: 'Dispatch workbench', subtitle: 'Cases in your area by stage, with live SLA lights: accept, dispatch, verify and close here', search: 'Search number, description or address', community: 'All communities', queue: 'Queue', live: 'Live',
    offline: 'Disconnected, reconnecting', empty: 'No cases here', mapTitle: 'Case map', overdue: 'Overdue', suspended: 'Suspended',
    newReport: 'New report: {{number}}', legend: 'SLA light', noClock: 'No clock', fit: 'Fit', count: '{{count}} cases',
  },
  inbox: { title: 'My inbox', subtitle: 'Cases sent to your posts or department: start, report done, return or ask for a suspension', posts: 'My posts: ', none: 'Nothing assigned to you', deadline: 'Deadline', assignee: 'Assignee', updated: 'Updated' },
  col: { number: 'Case number', category: 'Category', address: 'Address', status: 'Status', grid: 'Grid' },
  drawer: {
    title: 'Case', copy: 'Copy number', copied: 'Copied', category: 'Category', tier: 'Tier', source: 'Source', reporter: 'Reporter',
    anonymous: 'Anonymous', contactUnavailable: 'Contact cannot be decrypted (wrong key)', description: 'Description', address: 'Address', location: 'Coordinates', assignee: 'Assignee', routed: 'Routed to',
    none: '—', photos: 'Photos', before: 'Before', after: 'After', deadlines: 'Deadlines', due: 'Due {{time}}', stopped: 'Stopped {{time}}',
    timeline: 'Timeline', actions: 'Actions', noActions: 'Nothing for you to do now', system: 'System', stale: 'Someone else acted on this case; it has been reloaded.',
    done: '{{action}}: done', suspendedUntil: 'Suspended until {{time}}: {{reason}}', duplicateOf: 'Duplicate of', duplicatedBy: 'Reported again as', satisfaction: 'Satisfaction',
    reportedAt: 'Reported', overrideNote: 'Reassigned (not the routed assignee)',
  },
  form: {
    reason: 'Reason', reasonRequired: 'Give a reason', reasonPlaceholder: 'Why? It goes into the timeline', note: 'Note', noteRequired: 'Describe what was done',
    notePlaceholder: 'What was done and the result', photos: 'Photos after', upload: 'Upload', until: 'Suspend until', untilRequired: 'Choose an end time',
    assignee: 'Dispatch to', assigneeRequired: 'Choose a post', recommended: 'Routed', override: 'The override will be recorded', rating: 'Satisfaction', comment: 'Revisit notes',
    ok: 'OK', cancel: 'Cancel', uploading: 'Photos are still uploading',
  },
  intake: {
    title: '12345 / phone intake', subtitle: 'Register a caller\'s report: category, description, caller and the place on the map', category: 'Category', categoryRequired: 'Choose a category', categoryPlaceholder: 'Search by name, code or class',
    description: 'Description', descriptionRequired: 'Describe the problem', callerName: 'Caller', callerPhone: 'Phone', phoneInvalid: 'Enter a valid phone number',
    address: 'Address', addressPlaceholder: 'e.g. 12 Chunhui Road', location: 'Location', locationRequired: 'Click the place on the map',
    pickHint: 'Click the place on the map', locating: 'Locating…', outside: 'This point is in no grid', locateFailed: 'Could not locate; try again', inGrid: 'In {{name}}',
    submit: 'Register', reset: 'Take the next call', success: 'Registered case {{number}}', duplicates: '{{count}} open cases of this category nearby may be duplicates:',
    noDuplicates: 'No open cases of this category nearby.', distance: '{{m}} m away', open: 'Open', caller: 'Caller',
  },
};

/** Menu labels of the desktop case and catalog pages, merged into the app's `nav` texts. */
const navZh = { workbench: '调度工作台', intake: '电话受理', inbox: '我的待办', matters: '事项清单' };
const navEn: typeof navZh = { workbench: 'Workbench', intake: 'Phone intake', inbox: 'My inbox', matters: 'Duty catalog' };

i18n.addResourceBundle('zh-CN', 'translation', { wcase: wcaseZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { wcase: wcaseEn, nav: navEn }, true, false);
