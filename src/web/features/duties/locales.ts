// Texts of the duty catalog pages (三张清单, 清单准入, 常态化职责), registered into i18next at module load under `duties`,
// plus the menu labels `nav.dutyCatalog`, `nav.dutyAdmissions` and `nav.standingDuties`.
import { i18n } from '../../lib/i18n.ts';

export const dutiesZh = {
  levels: { town: '镇街', community: '村（社区）', grid: '网格' },
  levelLists: { town: '镇街事项清单', community: '村（社区）事项清单', grid: '网格事项清单' },
  doers: { town: '每个镇街办公室', community: '每个村（社区）', grid: '每名网格员' },
  listTypes: { basic: '基本履职', assisting: '配合履职', withdrawn: '部门收回' },
  statuses: { pending: '待审核', approved: '已准入', refused: '不予准入' },
  town: '镇街', chooseTown: '选择镇街', all: '全部', none: '—',
  catalog: {
    title: '三级履职事项清单', subtitle: '镇街、村（社区）、网格三张清单：基本履职、配合履职和部门收回事项及其依据；新增事项须经准入审核',
    showRetired: '显示已退出事项', search: '名称、编码、依据或部门', retired: '已退出', admitted: '经准入',
    startCatalog: '初始清单', requestNew: '申请新增事项',
    col: {
      code: '编码', name: '事项名称', listType: '清单类型', basis: '法律政策依据', department: '牵头/收回部门', duty: '常态化职责',
      load: '工作量', source: '来源', actions: '操作',
    },
    load: '每月 {{visits}} 次 × {{minutes}} 分钟', loadHours: '约 {{hours}} 小时/月', registryDriven: '按台账频次',
    edit: '修改', retire: '退出清单', retireTitle: '「{{name}}」退出清单', retireReason: '退出理由', retireReasonHint: '例如：职能调整，由部门直接履行',
    retiredDone: '已退出清单', saved: '已保存',
    editTitle: '修改事项「{{code}}」', editHint: '这里只改文字；增加工作量须重新申请准入。',
    fields: { name: '事项名称', description: '说明', basis: '法律政策依据', department: '牵头/收回部门' },
    required: '请填写{{field}}',
    approvedBy: '{{name}} 于 {{date}} 准入',
  },
  burden: {
    title: '履职负担（估算）', perMonth: '小时/月', items: '{{count}} 项在办事项', catalogPart: '清单事项 {{hours}} 小时',
    registryPart: '台账任务 {{hours}} 小时', registryDetail: '重点人员走访 {{visits}} 次、风险点位巡查 {{inspections}} 次、楼栋核查 {{checks}} 次（{{workers}} 名网格员分担）',
    hint: '越往下越简单：底层负担应保持最轻。', lightest: '负担最轻',
  },
  trend: { title: '近12个月事项数量', month: '月份', total: '合计' },
  admissions: {
    title: '清单准入', subtitle: '部门或镇街要求村（社区）、网格承担新事项，须说明理由和预计负担，经镇街审核准入后方可进入清单',
    file: '申请准入', filed: '已提交准入申请', approve: '准入', refuse: '不予准入', approved: '已准入', refusedDone: '已不予准入',
    col: {
      level: '层级', name: '事项', requester: '申请人', reason: '理由', burden: '预计负担', effect: '预计负担及影响', status: '状态', decision: '审核', actions: '操作',
    },
    burden: '每月 {{visits}} 次', effect: '+{{added}} 小时/月', effectPending: '{{before}} → {{after}} 小时/月（+{{added}}）',
    decidedBy: '{{name}} {{date}}', itemCode: '编码',
    approveTitle: '准入「{{name}}」', approveHint: '准入后，该事项进入{{list}}，记录审核人和时间。',
    refuseTitle: '不予准入「{{name}}」', note: '审核意见', noteRequired: '请填写不予准入的理由', notePlaceholder: '例如：属于行政执法事项，已列入部门收回清单',
    empty: '没有准入申请。', readOnly: '您可以查看本镇街的准入申请。',
    form: {
      title: '申请新增履职事项', level: '承担层级', name: '事项名称', listType: '清单类型', basis: '法律政策依据', basisHint: '例如：《重庆市养老服务条例》第二十条',
      description: '事项说明', department: '牵头部门', departmentHint: '配合履职或部门收回事项须填写', duty: '通过哪项常态化职责生成任务', dutyNone: '不生成任务',
      burden: '预计每月次数', burdenHint: '网格事项按每名网格员计', minutes: '每次用时（分钟）', reason: '申请理由',
      preview: '负担预估', previewText: '{{doer}}：{{before}} → {{after}} 小时/月', previewAdded: '增加 {{added}} 小时/月', previewWithdrawn: '部门收回事项不增加该层负担',
      submit: '提交申请', cancel: '取消',
    },
  },
  standing: {
    title: '常态化职责', subtitle: '网格员"6+1"常态化职责：每日任务按这些职责从台账生成；名称、周期、期限和启停由镇街设定',
    platform: '当前使用平台默认职责，保存后成为本镇街的职责清单。', own: '本镇街已自定义职责清单。',
    col: { code: '编号', name: '职责名称', kind: '生成方式', description: '说明', everyDays: '周期', deadlineDays: '办理期限', enabled: '启用' },
    kinds: {
      buildingCheck: '每栋楼定期核查', keyVisit: '按标签频次走访重点人员', riskInspection: '按巡查周期排查风险点位', disputeSweep: '定期排查矛盾纠纷',
      campaign: '镇街推送宣传任务', caseVerification: '核查网格内已办结事件', assigned: '社区、镇街交办',
    },
    days: '天', workingDayUnit: '工作日', everyDays: '每 {{count}} 天', byRegistry: '由台账或推送决定', workingDays: '{{count}} 个工作日',
    save: '保存', saved: '常态化职责已保存', readOnly: '您可以查看本镇街的常态化职责，修改由镇街领导和系统管理员进行。',
  },
};

export const dutiesEn: typeof dutiesZh = {
  levels: { town: 'Town', community: 'Community', grid: 'Grid' },
  levelLists: { town: 'Town list', community: 'Community list', grid: 'Grid list' },
  doers: { town: 'the town office', community: 'each community', grid: 'each grid worker' },
  listTypes: { basic: 'Own duty', assisting: 'Assisting', withdrawn: 'Withdrawn' },
  statuses: { pending: 'Pending', approved: 'Admitted', refused: 'Refused' },
  town: 'Town', chooseTown: 'Choose a town', all: 'All', none: '—',
  catalog: {
    title: 'Three-level duty lists', subtitle: 'The town, community and grid lists: own duties, assisting duties and duties withdrawn to departments, with their basis; new items pass admission',
    showRetired: 'Show retired items', search: 'Name, code, basis or department', retired: 'Retired', admitted: 'Admitted',
    startCatalog: 'Starting list', requestNew: 'Request a new item',
    col: {
      code: 'Code', name: 'Duty', listType: 'List', basis: 'Legal or policy basis', department: 'Department', duty: 'Standing duty',
      load: 'Workload', source: 'Source', actions: 'Actions',
    },
    load: '{{visits}} a month × {{minutes}} min', loadHours: 'about {{hours}} h a month', registryDriven: 'set by the registry',
    edit: 'Edit', retire: 'Retire', retireTitle: 'Retire “{{name}}”', retireReason: 'Reason', retireReasonHint: 'e.g. the department does it directly now',
    retiredDone: 'Retired from the list', saved: 'Saved',
    editTitle: 'Edit item {{code}}', editHint: 'Only the text changes here; more work needs a new admission.',
    fields: { name: 'Name', description: 'Description', basis: 'Legal or policy basis', department: 'Department' },
    required: 'Enter the {{field}}',
    approvedBy: 'admitted by {{name}} on {{date}}',
  },
  burden: {
    title: 'Workload (estimate)', perMonth: 'h a month', items: '{{count}} items done', catalogPart: 'list items {{hours}} h',
    registryPart: 'registry tasks {{hours}} h', registryDetail: '{{visits}} key-person visits, {{inspections}} risk-point inspections, {{checks}} building checks (shared by {{workers}} grid workers)',
    hint: 'Simpler further down: the bottom should carry the least.', lightest: 'lightest',
  },
  trend: { title: 'Items over the last 12 months', month: 'Month', total: 'Total' },
  admissions: {
    title: 'Duty admissions', subtitle: 'A department or the town asking a community or grid to take on a new duty states its reason and expected burden; it enters the list only when the town admits it',
    file: 'Request admission', filed: 'Request filed', approve: 'Admit', refuse: 'Refuse', approved: 'Admitted', refusedDone: 'Refused',
    col: {
      level: 'Level', name: 'Duty', requester: 'Requested by', reason: 'Reason', burden: 'Expected burden', effect: 'Expected burden and effect', status: 'Status', decision: 'Decision', actions: 'Actions',
    },
    burden: '{{visits}} a month', effect: '+{{added}} h a month', effectPending: '{{before}} → {{after}} h a month (+{{added}})',
    decidedBy: '{{name}} {{date}}', itemCode: 'code',
    approveTitle: 'Admit “{{name}}”', approveHint: 'Admitted, the item enters the {{list}} with who admitted it and when.',
    refuseTitle: 'Refuse “{{name}}”', note: 'Note', noteRequired: 'Say why it is refused', notePlaceholder: 'e.g. enforcement: on the withdrawn list already',
    empty: 'No admission requests.', readOnly: 'You can read the town\'s admission requests.',
    form: {
      title: 'Request a new duty', level: 'Level', name: 'Duty', listType: 'List', basis: 'Legal or policy basis', basisHint: 'e.g. Chongqing Elderly Care Regulations, art. 20',
      description: 'Description', department: 'Department', departmentHint: 'Required for assisting or withdrawn items', duty: 'Standing duty that generates its tasks', dutyNone: 'No tasks',
      burden: 'Expected visits a month', burdenHint: 'grid items: per grid worker', minutes: 'Minutes a visit', reason: 'Reason',
      preview: 'Burden preview', previewText: '{{doer}}: {{before}} → {{after}} h a month', previewAdded: '+{{added}} h a month', previewWithdrawn: 'A withdrawn item adds nothing to the level',
      submit: 'Submit', cancel: 'Cancel',
    },
  },
  standing: {
    title: 'Standing duties', subtitle: 'The grid workers\' “6+1” standing duties: daily tasks are generated from them and the registry; the town sets names, rhythm, deadlines and which are on',
    platform: 'The platform\'s duties are in use; saving makes them the town\'s own.', own: 'The town has its own list.',
    col: { code: 'No.', name: 'Duty', kind: 'Generates', description: 'Description', everyDays: 'Every', deadlineDays: 'Deadline', enabled: 'On' },
    kinds: {
      buildingCheck: 'each building checked regularly', keyVisit: 'key people visited by their tag', riskInspection: 'risk points inspected by their interval', disputeSweep: 'dispute sweeps',
      campaign: 'campaigns the town pushes', caseVerification: 'verifying handled cases', assigned: 'tasks assigned by the community or town',
    },
    days: 'days', workingDayUnit: 'work days', everyDays: 'every {{count}} days', byRegistry: 'set by the registry or a push', workingDays: '{{count}} working days',
    save: 'Save', saved: 'Standing duties saved', readOnly: 'You can read the town\'s standing duties; its leaders and the administrator edit them.',
  },
};

const navZh = { dutyCatalog: '三级履职清单', dutyAdmissions: '清单准入', standingDuties: '常态化职责' };
const navEn: typeof navZh = { dutyCatalog: 'Duty lists', dutyAdmissions: 'Duty admissions', standingDuties: 'Standing duties' };

i18n.addResourceBundle('zh-CN', 'translation', { duties: dutiesZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { duties: dutiesEn, nav: navEn }, true, false);
