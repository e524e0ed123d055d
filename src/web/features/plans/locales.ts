// Texts of the plan pages (预案管理: the list, the editor, the versions, the activate dialog and the trigger suggestions),
// registered into i18next at module load under `plans`, plus the menu label `nav.plans`.
import { i18n } from '../../lib/i18n.ts';

export const plansZh = {
  title: '预案管理', subtitle: '本辖区的数字应急预案：分级响应、触发条件、岗位职责、处置步骤、资源与预警发布',
  create: '新建预案', count: '共 {{count}} 个预案', more: '加载更多', empty: '还没有预案。', emptyRetired: '没有已停用的预案。',
  filter: { q: '按名称搜索', go: '搜索', hazard: '灾种', allHazards: '全部灾种', status: '状态', reset: '重置' },
  col: { name: '预案', hazard: '灾种', levels: '响应级别', triggers: '触发方式', steps: '步骤', version: '版本', updated: '最近修订', status: '状态', actions: '操作' },
  status: { active: '在用', retired: '已停用' },
  hazards: {
    forestFire: '森林火情', flood: '河道涨水', geologicalHazard: '地质灾害/危岩', buildingCrack: '楼栋裂缝/堡坎垮塌', heatWave: '高温',
    fire: '火灾', hazmat: '危化品泄漏', publicHealth: '公共卫生', other: '其他',
  },
  levels: { IV: 'Ⅳ级', III: 'Ⅲ级', II: 'Ⅱ级', I: 'Ⅰ级' },
  levelNames: { IV: 'Ⅳ级（一般）', III: 'Ⅲ级（较大）', II: 'Ⅱ级（重大）', I: 'Ⅰ级（特别重大）' },
  triggerKinds: { alarm: '设备告警', case: '事件上报', alert: '平台预警', manual: '人工启动' },
  modes: { suggest: '提示启动', auto: '自动启动' },
  alarmLevels: { yellow: '黄色', orange: '橙色', red: '红色' },
  alarmTypes: {
    waterLevelHigh: '水位超警戒', waterLevelCritical: '水位超危险', smoke: '烟雾报警', fire: '火情', gas: '燃气泄漏', waterLeak: '漏水',
    intrusion: '异常闯入', camera: '视频告警', offline: '设备离线', fall: '跌倒', sos: '一键求助',
  },
  resourceKinds: { team: '救援队伍', vehicle: '车辆装备', supply: '应急物资', shelter: '避难场所' },
  cap: {
    urgency: { Immediate: '立即', Expected: '即将发生', Future: '未来', Past: '已过去', Unknown: '未知' },
    severity: { Extreme: '特别严重', Severe: '严重', Moderate: '较重', Minor: '一般', Unknown: '未知' },
    certainty: { Observed: '已发生', Likely: '很可能', Possible: '可能', Unlikely: '不太可能', Unknown: '未知' },
  },
  open: '查看', edit: '编辑', activate: '启动', drill: '演练', versionsButton: '修订记录', retire: '停用',
  triggerSummary: { none: '仅人工启动', auto: '自动 {{count}}', suggest: '提示 {{count}}' },
  byAt: '{{name}} · {{time}}',
  editor: {
    newTitle: '新建预案', editTitle: '编辑预案 · {{name}}', viewTitle: '{{name}}', back: '返回预案列表',
    save: '保存', saveNew: '保存为第 {{version}} 版', discard: '放弃修改', saved: '已保存为第 {{version}} 版', created: '预案已创建',
    conflict: '预案已被他人修改，已为您载入最新版本，请重新修改。', problems: '预案未通过检查：', readOnly: '您可以查看此预案，修改须由领导或管理员进行。',
    retired: '此预案已停用，不能启动或修改。', version: '第 {{version}} 版', note: '修订说明', noteHint: '例如：按今年汛期演练调整转移步骤',
    required: '请填写{{field}}', unsaved: '有未保存的修改',
    sections: { basics: '基本信息', levels: '响应级别', triggers: '触发条件', roles: '岗位职责', steps: '处置步骤', resources: '应急资源', notice: '预警发布（CAP）' },
    sectionHints: {
      levels: '预案具有的响应级别，从低到高；启动时选择其中一级，之后可升降。',
      triggers: '告警、上报或预警满足条件时，提示指挥中心启动，或直接自动启动。',
      roles: '每个职责由一个岗位的 A/B 岗承担；岗位无人时依次由后备人员承担。',
      steps: '启动后每一步生成一张工单派给对应职责；时限自启动时起算，级别达到才生成。',
      resources: '队伍、车辆、物资和避难场所，在地图上标出位置；联系电话仅指挥人员可见完整号码。',
      notice: '启动、调级和解除时发布的预警信息（CAP 1.2 格式，推送给合作方）。',
    },
    basics: { name: '预案名称', hazard: '灾种', matter: '工单事项', matterHint: '各步骤工单的事项类别', summary: '适用范围与说明', town: '所属街道' },
    level: { pick: '勾选本预案具有的级别' },
    trigger: {
      add: '添加触发条件', kind: '来源', alarmType: '告警类型', minLevel: '告警级别不低于', categoryCode: '事项', alertType: '预警类型',
      alertTypeHint: '例如：暴雨红色预警', level: '启动级别', mode: '方式', remove: '删除', manualOnly: '没有触发条件时，只能由指挥人员人工启动。',
    },
    role: {
      add: '添加职责', key: '代号', name: '职责名称', post: '承担岗位', postHint: '按名称选择岗位', backups: '后备人员', backupsHint: '岗位无人时依次承担',
      remove: '删除', noPost: '不指定岗位', staffing: { full: '在岗', partial: '缺一人', vacant: '空岗' },
    },
    step: {
      add: '添加步骤', title: '步骤', role: '负责职责', due: '完成时限', fromLevel: '适用级别起', checklist: '检查清单', checklistHint: '每行一项',
      addItem: '添加检查项', item: '检查项', remove: '删除', up: '上移', down: '下移', minutes: '分钟', hours: '小时', within: '启动后 {{time}} 内',
      fromLevelTip: '{{level}}及以上', order: '第 {{n}} 步',
    },
    resource: {
      add: '添加资源', kind: '类型', name: '名称', quantity: '数量', unit: '单位', address: '地址', contactName: '联系人', contactPhone: '联系电话',
      location: '位置', pick: '在地图上选点', picked: '已选点', noPoint: '未标注位置', pickTitle: '选择位置 · {{name}}', pickHint: '点击地图或拖动图钉', clear: '清除位置',
      remove: '删除', ok: '确定', cancel: '取消',
    },
    notice: {
      event: '事件名称', urgency: '紧急程度', severity: '严重程度', severityAuto: '按响应级别', certainty: '确定程度', headline: '标题',
      description: '情况描述', instruction: '防范与应对建议', areaDesc: '影响区域', expiresAfterH: '有效时长（小时）',
    },
    keyHint: '字母、数字或短横线', move: '移动', newRole: '现场指挥', fieldInvalid: '{{field}}：未填写或不符合要求',
  },
  versions: {
    title: '修订记录 · {{name}}', current: '当前版本', version: '第 {{version}} 版', savedBy: '{{name}} 于 {{time}} 保存', noNote: '（无说明）',
    compare: '对比', compareTitle: '第 {{a}} 版 → 第 {{b}} 版 的处置步骤', pickTwo: '勾选两个版本进行对比', added: '新增', removed: '删除', changed: '修改', same: '未变',
    fields: { title: '步骤', role: '职责', due: '时限', fromLevel: '级别起', checklist: '检查清单' }, noDiff: '两个版本的处置步骤相同。', close: '关闭',
  },
  retireDialog: { title: '停用预案 · {{name}}', reason: '停用原因', reasonHint: '例如：已由新版区级预案替代', ok: '停用', cancel: '取消', done: '预案已停用' },
  activateDialog: {
    title: '启动预案 · {{name}}', drillTitle: '启动演练 · {{name}}', level: '响应级别', reason: '启动原因', reasonHint: '例如：河道水位超警戒 0.5 米，并持续上涨',
    reasonRequired: '请写明启动原因', drill: '演练', drillHint: '演练生成真实工单（标题带【演练】），预警状态为“演练”，不计入实战统计',
    trigger: '触发来源', steps: '该级别将派出 {{count}} 张工单', ok: '启动', okDrill: '开始演练', cancel: '取消', done: '已启动，事件编号 {{number}}',
    warnReal: '启动后将立即向各职责岗位派发工单并发布预警。',
    place: '事发地点', placeHint: '不选时取预案第一个资源的位置', placeFromTrigger: '不选时取触发来源（告警设备、事件）的位置',
  },
  suggestions: {
    title: '预案启动建议', empty: '当前没有待处理的启动建议。', start: '启动', dismiss: '忽略', count: '{{count}} 条待处理',
    from: { alarm: '告警', case: '事件', alert: '预警' }, at: '{{time}} 触发', suggestLevel: '建议 {{level}}',
    dismissTitle: '忽略启动建议 · {{name}}', dismissReason: '忽略原因', dismissHint: '例如：现场核实为误报，水位已回落', dismissOk: '忽略', dismissed: '已忽略',
    reasonFromTrigger: '{{source}}，触发{{plan}}', openPlan: '查看预案',
  },
};

export const plansEn: typeof plansZh = {
  title: 'Plans', subtitle: 'The area\'s digital emergency plans: response levels, triggers, roles, steps, resources and public alerts',
  create: 'New plan', count: '{{count}} plans', more: 'Load more', empty: 'No plan yet.', emptyRetired: 'No retired plan.',
  filter: { q: 'Search by name', go: 'Search', hazard: 'Hazard', allHazards: 'All hazards', status: 'Status', reset: 'Reset' },
  col: { name: 'Plan', hazard: 'Hazard', levels: 'Levels', triggers: 'Triggers', steps: 'Steps', version: 'Version', updated: 'Last revised', status: 'Status', actions: 'Actions' },
  status: { active: 'In use', retired: 'Retired' },
  hazards: {
    forestFire: 'Forest fire', flood: 'River flood', geologicalHazard: 'Landslide / rockfall', buildingCrack: 'Building crack / wall collapse', heatWave: 'Heat wave',
    fire: 'Fire', hazmat: 'Hazardous materials', publicHealth: 'Public health', other: 'Other',
  },
  levels: { IV: 'Level IV', III: 'Level III', II: 'Level II', I: 'Level I' },
  levelNames: { IV: 'Level IV (general)', III: 'Level III (large)', II: 'Level II (major)', I: 'Level I (very major)' },
  triggerKinds: { alarm: 'Device alarm', case: 'Reported case', alert: 'Platform alert', manual: 'Manual' },
  modes: { suggest: 'Suggest', auto: 'Automatic' },
  alarmLevels: { yellow: 'Yellow', orange: 'Orange', red: 'Red' },
  alarmTypes: {
    waterLevelHigh: 'Water above warning', waterLevelCritical: 'Water above danger', smoke: 'Smoke', fire: 'Fire', gas: 'Gas leak', waterLeak: 'Water leak',
    intrusion: 'Intrusion', camera: 'Camera alert', offline: 'Device offline', fall: 'Fall', sos: 'SOS button',
  },
  resourceKinds: { team: 'Team', vehicle: 'Vehicle', supply: 'Supplies', shelter: 'Shelter' },
  cap: {
    urgency: { Immediate: 'Immediate', Expected: 'Expected', Future: 'Future', Past: 'Past', Unknown: 'Unknown' },
    severity: { Extreme: 'Extreme', Severe: 'Severe', Moderate: 'Moderate', Minor: 'Minor', Unknown: 'Unknown' },
    certainty: { Observed: 'Observed', Likely: 'Likely', Possible: 'Possible', Unlikely: 'Unlikely', Unknown: 'Unknown' },
  },
  open: 'Open', edit: 'Edit', activate: 'Activate', drill: 'Drill', versionsButton: 'Versions', retire: 'Retire',
  triggerSummary: { none: 'Manual only', auto: 'Auto {{count}}', suggest: 'Suggest {{count}}' },
  byAt: '{{name}} · {{time}}',
  editor: {
    newTitle: 'New plan', editTitle: 'Edit plan · {{name}}', viewTitle: '{{name}}', back: 'Back to plans',
    save: 'Save', saveNew: 'Save as version {{version}}', discard: 'Discard changes', saved: 'Saved as version {{version}}', created: 'Plan created',
    conflict: 'Someone else changed the plan; the latest version is loaded, please edit again.', problems: 'The plan did not pass the checks:', readOnly: 'You may read this plan; a leader or an administrator edits it.',
    retired: 'This plan is retired: it cannot be activated or changed.', version: 'Version {{version}}', note: 'What changed', noteHint: 'e.g. evacuation steps adjusted after this year\'s flood drill',
    required: 'Enter the {{field}}', unsaved: 'Unsaved changes',
    sections: { basics: 'Basics', levels: 'Levels', triggers: 'Triggers', roles: 'Roles', steps: 'Steps', resources: 'Resources', notice: 'Public alert (CAP)' },
    sectionHints: {
      levels: 'The response levels of the plan, lowest first; activation picks one, which may be raised or lowered later.',
      triggers: 'When an alarm, a report or an alert matches, the command center is asked to start the plan, or it starts by itself.',
      roles: 'Each role is taken by a post\'s A/B holders; when the post has nobody, by the back-ups in order.',
      steps: 'Each step becomes a work order to its role on activation; due counted from activation, made only once the level reaches it.',
      resources: 'Teams, vehicles, supplies and shelters, placed on the map; only the command staff see the whole phone numbers.',
      notice: 'The alert sent on activation, level change and stand-down (CAP 1.2, pushed to partners).',
    },
    basics: { name: 'Name', hazard: 'Hazard', matter: 'Work order matter', matterHint: 'The matter of the steps\' work orders', summary: 'Scope and notes', town: 'Town' },
    level: { pick: 'Tick the levels this plan has' },
    trigger: {
      add: 'Add a trigger', kind: 'Source', alarmType: 'Alarm type', minLevel: 'Alarm level at least', categoryCode: 'Matter', alertType: 'Alert type',
      alertTypeHint: 'e.g. rainstorm red warning', level: 'Start at level', mode: 'Mode', remove: 'Remove', manualOnly: 'Without triggers, only the command staff start the plan.',
    },
    role: {
      add: 'Add a role', key: 'Key', name: 'Role', post: 'Post', postHint: 'Choose a post by name', backups: 'Back-ups', backupsHint: 'Take the role, in order, when the post has nobody',
      remove: 'Remove', noPost: 'No post', staffing: { full: 'Staffed', partial: 'One missing', vacant: 'Vacant' },
    },
    step: {
      add: 'Add a step', title: 'Step', role: 'Role', due: 'Due', fromLevel: 'From level', checklist: 'Checklist', checklistHint: 'One item a line',
      addItem: 'Add an item', item: 'Item', remove: 'Remove', up: 'Up', down: 'Down', minutes: 'minutes', hours: 'hours', within: 'within {{time}} of activation',
      fromLevelTip: '{{level}} and above', order: 'Step {{n}}',
    },
    resource: {
      add: 'Add a resource', kind: 'Kind', name: 'Name', quantity: 'Quantity', unit: 'Unit', address: 'Address', contactName: 'Contact', contactPhone: 'Phone',
      location: 'Location', pick: 'Pick on the map', picked: 'Placed', noPoint: 'Not placed', pickTitle: 'Place · {{name}}', pickHint: 'Click the map or drag the pin', clear: 'Clear',
      remove: 'Remove', ok: 'OK', cancel: 'Cancel',
    },
    notice: {
      event: 'Event', urgency: 'Urgency', severity: 'Severity', severityAuto: 'By level', certainty: 'Certainty', headline: 'Headline',
      description: 'Description', instruction: 'Instruction', areaDesc: 'Area', expiresAfterH: 'In force (hours)',
    },
    keyHint: 'letters, digits or dashes', move: 'Move', newRole: 'On-site command', fieldInvalid: '{{field}}: missing or not allowed',
  },
  versions: {
    title: 'Versions · {{name}}', current: 'Current', version: 'Version {{version}}', savedBy: 'saved by {{name}} at {{time}}', noNote: '(no note)',
    compare: 'Compare', compareTitle: 'Steps from version {{a}} to version {{b}}', pickTwo: 'Tick two versions to compare', added: 'Added', removed: 'Removed', changed: 'Changed', same: 'Same',
    fields: { title: 'Step', role: 'Role', due: 'Due', fromLevel: 'From level', checklist: 'Checklist' }, noDiff: 'The two versions have the same steps.', close: 'Close',
  },
  retireDialog: { title: 'Retire plan · {{name}}', reason: 'Reason', reasonHint: 'e.g. replaced by the district\'s new plan', ok: 'Retire', cancel: 'Cancel', done: 'Plan retired' },
  activateDialog: {
    title: 'Activate · {{name}}', drillTitle: 'Drill · {{name}}', level: 'Level', reason: 'Reason', reasonHint: 'e.g. the river is 0.5 m above warning and rising',
    reasonRequired: 'Say why the plan starts', drill: 'Drill', drillHint: 'A drill makes real work orders (titled 【演练】), its alert is an exercise, and it is not counted with real incidents',
    trigger: 'Started by', steps: '{{count}} work orders go out at this level', ok: 'Activate', okDrill: 'Start drill', cancel: 'Cancel', done: 'Activated: incident {{number}}',
    warnReal: 'Activating sends the work orders to the roles and the alert out at once.',
    place: 'Where', placeHint: 'Without a point, the plan\'s first resource\'s place', placeFromTrigger: 'Without a point, the place of what started it (the alarm\'s device, the case)',
  },
  suggestions: {
    title: 'Plans to start', empty: 'No suggestion waiting.', start: 'Activate', dismiss: 'Dismiss', count: '{{count}} waiting',
    from: { alarm: 'Alarm', case: 'Case', alert: 'Alert' }, at: 'matched {{time}}', suggestLevel: 'suggests {{level}}',
    dismissTitle: 'Dismiss · {{name}}', dismissReason: 'Reason', dismissHint: 'e.g. a false alarm on site, the water has gone down', dismissOk: 'Dismiss', dismissed: 'Dismissed',
    reasonFromTrigger: '{{source}}, matching {{plan}}', openPlan: 'Open plan',
  },
};

const navZh = { plans: '预案管理' };
const navEn: typeof navZh = { plans: 'Plans' };

i18n.addResourceBundle('zh-CN', 'translation', { plans: plansZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { plans: plansEn, nav: navEn }, true, false);
