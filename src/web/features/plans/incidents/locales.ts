// Texts of the incident pages (事件处置: the list, an incident's command page, the review, the workbench strip),
// registered into i18next at module load under `incidents`, plus the menu label `nav.incidents`.
import { i18n } from '../../../lib/i18n.ts';

export const incidentsZh = {
  title: '事件处置', subtitle: '已启动的预案：步骤即工单，按时限推进；调整级别、解除响应均留痕',
  tabs: { active: '处置中', closed: '已解除' },
  drillFilter: { all: '全部', real: '实战', drill: '演练' },
  hazards: {
    forestFire: '森林火情', flood: '河道涨水', geologicalHazard: '地质灾害', buildingCrack: '楼栋裂缝/堡坎垮塌', heatWave: '高温',
    fire: '火灾', hazmat: '危化品', publicHealth: '公共卫生', other: '其他',
  },
  levels: { IV: 'Ⅳ级', III: 'Ⅲ级', II: 'Ⅱ级', I: 'Ⅰ级' },
  levelNames: { IV: '一般', III: '较大', II: '重大', I: '特别重大' },
  triggers: { manual: '人工启动', alarm: '传感告警', case: '事件上报', alert: '平台预警' },
  status: { active: '处置中', closed: '已解除' },
  drill: '演练',
  col: {
    number: '事件编号', title: '事件', hazard: '灾种', level: '级别', trigger: '启动方式', activatedAt: '启动时间', progress: '步骤进度',
    status: '状态', stoodDownAt: '解除时间',
  },
  progress: '完成 {{done}}/{{total}}', lateCount: '超时 {{count}}', leftCount: '未完成 {{count}}',
  empty: { active: '当前没有处置中的事件。', closed: '没有已解除的事件。' },
  more: '加载更多', back: '返回列表', open: '打开', backToIncident: '返回事件',
  page: {
    plan: '预案', planVersion: '{{name}}（第 {{version}} 版）', reason: '启动原因', activated: '启动', activatedBy: '{{name}} · {{time}}',
    address: '地点', matter: '工单事项', stoodDown: '解除', standDownReason: '解除原因', systemActor: '系统自动启动', system: '系统',
  },
  tabsPage: { steps: '处置步骤', map: '资源与地图', roles: '岗位与人员', log: '处置记录', cap: '预警信息' },
  steps: {
    done: '已完成', open: '进行中', left: '未完成', late: '超时', dueAt: '时限 {{time}}', completedAt: '完成于 {{time}}',
    role: '责任岗位：{{role}}', roleWith: '责任岗位：{{role}}（{{name}}）', workOrder: '工单：', fromLevel: '{{level}}起', noChecklist: '无检查项，工单办结即完成', checkedBy: '{{name}} {{time}} 勾选',
    completedToast: '步骤「{{title}}」已完成，工单已提交办结', completedOnly: '步骤「{{title}}」已完成，工单由承办岗位办结', checkedToast: '已勾选', uncheckedToast: '已取消勾选',
  },
  level: {
    change: '调整级别', title: '调整响应级别', current: '当前级别', to: '调整为', reason: '调整原因', reasonHint: '例如：水位持续上涨，超过警戒线 0.5 米',
    reasonRequired: '请写明调整原因', raiseHint: '提升级别会加入新级别的步骤并派发工单；降低级别不增加步骤。', ok: '确认调整', done: '已调整为{{level}}',
    history: '级别变化', started: '启动为{{to}}', changed: '{{from}} → {{to}}',
  },
  standDown: {
    button: '解除响应', title: '解除响应', reason: '解除原因', reasonHint: '例如：水位已回落至警戒线以下，险情解除', reasonRequired: '请写明解除原因',
    openSteps: '以下 {{count}} 个步骤尚未完成，解除后记为「未完成」，其工单仍在办理中，由承办人办结：', noOpen: '所有步骤均已完成。', ok: '确认解除', done: '已解除响应',
  },
  map: { resources: '资源', affected: '影响网格', incident: '事发地点', noPoint: '未标注位置' },
  resourceKinds: { team: '队伍', vehicle: '车辆', supply: '物资', shelter: '避难场所' },
  resource: { quantity: '{{quantity}} {{unit}}', contact: '联系人：{{name}}' },
  roles: { post: '岗位：{{name}}', holders: '承担人', none: '无人承担' },
  log: {
    activated: '启动响应', level_changed: '调整级别', steps_added: '新增步骤', notified: '发出通知', step_checked: '勾选检查项', step_unchecked: '取消勾选',
    step_completed: '步骤完成', stood_down: '解除响应', partner_notified: '已推送合作方', partner_failed: '推送合作方失败',
    stepsAdded: '新增 {{count}} 个步骤：{{titles}}', leftSteps: '未完成步骤：{{titles}}', item: '「{{item}}」', recipients: '通知 {{count}} 人', empty: '暂无记录',
  },
  cap: {
    msgType: { Alert: '首发', Update: '更新', Cancel: '解除', Ack: '确认', Error: '更正' },
    status: { Actual: '实际', Exercise: '演练', System: '系统', Test: '测试', Draft: '草稿' },
    severity: { Extreme: '特别严重', Severe: '严重', Moderate: '较重', Minor: '一般', Unknown: '未知' },
    sent: '发布时间', expires: '有效至', area: '区域', download: '下载预警文件', empty: '暂无预警信息', seq: '第 {{seq}} 条',
  },
  review: {
    open: '处置复盘', title: '处置复盘', subtitle: '各步骤计划时限与实际完成情况对照',
    pdf: '下载 PDF', excel: '下载 Excel',
    col: { step: '步骤', role: '责任岗位', planned: '计划用时', actual: '实际用时', late: '超时', state: '结果', completedAt: '完成时间' },
    minutes: '{{count}} 分钟', onTime: '按时', totals: { onTime: '按时完成', late: '超时完成', left: '未完成', longest: '最长超时', first: '首个步骤完成用时', duration: '处置总时长' },
    notReady: '事件解除后可查看复盘。',
  },
  strip: { title: '处置中的事件 {{count}} 起', open: '事件处置', item: '{{level}} {{title}} · 完成 {{done}}/{{total}}' },
  failed: '加载失败',
};

export const incidentsEn: typeof incidentsZh = {
  title: 'Incidents', subtitle: 'Plans in force: each step is a work order with its due time; level changes and the stand-down are recorded',
  tabs: { active: 'Active', closed: 'Stood down' },
  drillFilter: { all: 'All', real: 'Real', drill: 'Drills' },
  hazards: {
    forestFire: 'Forest fire', flood: 'River flood', geologicalHazard: 'Geological hazard', buildingCrack: 'Building crack / wall collapse', heatWave: 'Heat wave',
    fire: 'Fire', hazmat: 'Hazardous chemicals', publicHealth: 'Public health', other: 'Other',
  },
  levels: { IV: 'Level IV', III: 'Level III', II: 'Level II', I: 'Level I' },
  levelNames: { IV: 'general', III: 'large', II: 'major', I: 'extraordinary' },
  triggers: { manual: 'Started by hand', alarm: 'Sensor alarm', case: 'Reported case', alert: 'Platform alert' },
  status: { active: 'Active', closed: 'Stood down' },
  drill: 'Drill',
  col: {
    number: 'Number', title: 'Incident', hazard: 'Hazard', level: 'Level', trigger: 'Started by', activatedAt: 'Started', progress: 'Steps',
    status: 'Status', stoodDownAt: 'Stood down',
  },
  progress: '{{done}}/{{total}} done', lateCount: '{{count}} late', leftCount: '{{count}} left',
  empty: { active: 'No active incident.', closed: 'No incident stood down.' },
  more: 'Load more', back: 'Back to the list', open: 'Open', backToIncident: 'Back to the incident',
  page: {
    plan: 'Plan', planVersion: '{{name}} (version {{version}})', reason: 'Why started', activated: 'Started', activatedBy: '{{name}} · {{time}}',
    address: 'Where', matter: 'Work order matter', stoodDown: 'Stood down', standDownReason: 'Why stood down', systemActor: 'Started automatically', system: 'System',
  },
  tabsPage: { steps: 'Steps', map: 'Resources and map', roles: 'Roles and people', log: 'Log', cap: 'Alerts' },
  steps: {
    done: 'Done', open: 'Open', left: 'Left', late: 'Late', dueAt: 'Due {{time}}', completedAt: 'Done {{time}}',
    role: 'Role: {{role}}', roleWith: 'Role: {{role}} ({{name}})', workOrder: 'Work order: ', fromLevel: 'from {{level}}', noChecklist: 'No checklist: done when its work order is handled', checkedBy: 'ticked by {{name}} {{time}}',
    completedToast: 'Step "{{title}}" is done and its work order handed in', completedOnly: 'Step "{{title}}" is done; its post hands the work order in', checkedToast: 'Ticked', uncheckedToast: 'Unticked',
  },
  level: {
    change: 'Change level', title: 'Change the response level', current: 'Current level', to: 'New level', reason: 'Why', reasonHint: 'e.g. the water keeps rising, 0.5 m over the warning line',
    reasonRequired: 'Say why the level changes', raiseHint: 'Raising adds the new level\'s steps and their work orders; lowering adds none.', ok: 'Change', done: 'Now at {{level}}',
    history: 'Level history', started: 'Started at {{to}}', changed: '{{from}} → {{to}}',
  },
  standDown: {
    button: 'Stand down', title: 'Stand down', reason: 'Why', reasonHint: 'e.g. the water fell below the warning line; the danger is over', reasonRequired: 'Say why the response ends',
    openSteps: 'These {{count}} steps are not done: they will be recorded as left; their work orders stay open for their assignees to close:', noOpen: 'Every step is done.', ok: 'Stand down', done: 'Stood down',
  },
  map: { resources: 'Resources', affected: 'Affected grids', incident: 'Where it happens', noPoint: 'No place given' },
  resourceKinds: { team: 'Team', vehicle: 'Vehicle', supply: 'Supplies', shelter: 'Shelter' },
  resource: { quantity: '{{quantity}} {{unit}}', contact: 'Contact: {{name}}' },
  roles: { post: 'Post: {{name}}', holders: 'Held by', none: 'Nobody' },
  log: {
    activated: 'Started', level_changed: 'Level changed', steps_added: 'Steps added', notified: 'Notified', step_checked: 'Item ticked', step_unchecked: 'Item unticked',
    step_completed: 'Step done', stood_down: 'Stood down', partner_notified: 'Partner notified', partner_failed: 'Partner not reached',
    stepsAdded: '{{count}} steps added: {{titles}}', leftSteps: 'Steps left: {{titles}}', item: '"{{item}}"', recipients: '{{count}} people notified', empty: 'Nothing yet',
  },
  cap: {
    msgType: { Alert: 'First', Update: 'Update', Cancel: 'Cancel', Ack: 'Ack', Error: 'Correction' },
    status: { Actual: 'Actual', Exercise: 'Exercise', System: 'System', Test: 'Test', Draft: 'Draft' },
    severity: { Extreme: 'Extreme', Severe: 'Severe', Moderate: 'Moderate', Minor: 'Minor', Unknown: 'Unknown' },
    sent: 'Sent', expires: 'Expires', area: 'Area', download: 'Download the alert file', empty: 'No alert yet', seq: 'No. {{seq}}',
  },
  review: {
    open: 'Review', title: 'Review', subtitle: 'Each step\'s planned time against when it was done',
    pdf: 'Download PDF', excel: 'Download Excel',
    col: { step: 'Step', role: 'Role', planned: 'Planned', actual: 'Took', late: 'Late by', state: 'Result', completedAt: 'Done at' },
    minutes: '{{count}} min', onTime: 'On time', totals: { onTime: 'Done on time', late: 'Done late', left: 'Left', longest: 'Longest delay', first: 'First step done after', duration: 'Duration' },
    notReady: 'The review is available once the incident is stood down.',
  },
  strip: { title: '{{count}} active incidents', open: 'Incidents', item: '{{level}} {{title}} · {{done}}/{{total}} done' },
  failed: 'Could not load',
};

const navZh = { incidents: '事件处置' };
const navEn: typeof navZh = { incidents: 'Incidents' };

i18n.addResourceBundle('zh-CN', 'translation', { incidents: incidentsZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { incidents: incidentsEn, nav: navEn }, true, false);
