// Texts of the desktop oversight pages (履职进度, 走访地图, 任务列表, 宣传任务, 人员请假) and the household file's visits,
// registered into i18next at module load under `oversight`, plus their menu labels under `nav`.
import { i18n } from '../../../lib/i18n.ts';

export const oversightZh = {
  kind: {
    buildingCheck: '楼栋排查', keyVisit: '重点人群走访', riskInspection: '风险点巡查', disputeSweep: '矛盾纠纷排查',
    campaign: '宣传任务', caseVerification: '案件核查', assigned: '临时交办', deviceCheck: '设备检查',
  },
  status: { open: '进行中', done: '已完成', cancelled: '已取消', overdue: '已逾期' },
  subject: { resident: '居民', household: '住户', place: '场所', building: '楼栋', thing: '部件', case: '案件', grid: '网格', device: '设备' },
  period: { week: '本周', month: '本月', custom: '自定义', label: '统计期间', range: '{{from}} 至 {{to}}' },
  common: {
    save: '保存', cancel: '取消', delete: '删除', grid: '网格', community: '社区',
    percent: '{{value}}%', noData: '—', people: '网格员 {{count}} 人', count: '共 {{count}} 条',
    required: '请填写{{field}}', choose: '请选择{{field}}', deleted: '已删除',
  },
  progress: {
    title: '履职进度', subtitle: '任务完成率、重点人群关注率和网格员履职活跃度，按期间统计，评价考核以此为据',
    townSubtitle: '按社区统计：任务完成率、重点人群关注率（应访人员按时走访的比例）、网格员活跃度和逾期未办',
    unitSubtitle: '按网格和网格员统计：完成情况和逾期任务，展开可看每人的逾期任务',
    completion: '任务完成率', attention: '重点人群关注率', attentionTip: '应走访的重点人员中按时走访的比例',
    activity: '网格员活跃度', activeDays: '活跃天数', reports: '上报事件', visits: '走访次数', overdue: '逾期未办', done: '已完成', total: '任务数',
    dueVisits: '应访', visitedInTime: '按时走访', workers: '网格员', byCommunity: '各社区', byUnit: '各下级单位', byGrid: '各网格', byWorker: '各网格员',
    noOverdue: '没有逾期任务。', dueOn: '截止 {{date}}', overdueDays: '逾期 {{count}} 天', openMap: '在地图上查看', overdueHint: '逾期任务仍留在网格员清单上，直到完成',
    empty: '本期间没有任务。每日任务生成后，完成情况会在这里统计。', name: '名称', worker: '网格员', grid: '所属网格',
  },
  map: {
    title: '走访与任务地图', subtitle: '本期间的走访记录和未完成任务：远离走访对象的走访单独标出，逾期任务标红',
    layers: '图例', visit: '走访', farVisit: '远距离走访', openTask: '未完成任务', overdueTask: '逾期任务',
     far: '远离走访对象 {{meters}} 米', farNoDistance: '远离走访对象',
    who: '走访人', when: '时间', findings: '发现情况', noFindings: '未发现问题', assignee: '承办人', due: '截止', caseFiled: '已转为事件',
    truncated: '点位较多，只显示了前 {{count}} 个。缩小期间或选择网格可看全。', noLocation: '{{count}} 项没有位置，未落图',
  },
  list: {
    title: '任务列表', subtitle: '本范围内网格员的任务：按状态、类型、承办人筛选，逾期任务标红',
    status: '状态', kind: '类型', assignee: '承办人', onlyOverdue: '只看逾期', reset: '重置', grid: '网格',
    col: { title: '任务', kind: '类型', grid: '网格', assignee: '承办人', startsOn: '开始', dueOn: '截止', status: '状态', doneAt: '完成时间', note: '办理情况' },
    empty: '没有符合条件的任务。', unassigned: '未分配',
    assign: '交办任务', assignTitle: '交办临时任务（“+1”）', assignHint: '选择网格，再选择该网格的网格员；任务会出现在他当天的任务清单上。',
    taskTitle: '任务名称', taskTitleHint: '例如：核实春晖路12号群租情况', detail: '任务说明', detailHint: '要做什么、注意什么',
    dueOn: '截止日期', startsOn: '开始日期', worker: '网格员', pickGridFirst: '请先选择网格', noWorkers: '这个网格还没有关联账号的网格员',
    assigned: '已交办给{{name}}', assignedBy: '交办人',
  },
  campaigns: {
    title: '宣传任务', subtitle: '街道向选定网格推送的宣传任务：宣传内容和材料，每个网格的完成情况',
    push: '推送宣传任务', pushTitle: '推送宣传任务', pushHint: '选定的每个网格都会收到一项宣传任务，网格员在开始日期当天的清单上看到它。',
    name: '主题', nameHint: '例如：冬季防火安全宣传', content: '宣传内容', contentHint: '网格员入户宣传时讲什么、发什么',
    material: '宣传材料（图片）', upload: '上传', grids: '推送网格', gridsHint: '选择社区会选中它的全部网格',
    dates: '起止日期', progress: '完成情况', doneOfTotal: '{{done}} / {{total}}', createdBy: '推送人', empty: '还没有宣传任务。',
    pushed: '已推送到 {{count}} 个网格', gridCount: '{{count}} 个网格', waitUpload: '请等待图片上传完成',
  },
  absences: {
    title: '人员请假', subtitle: '网格员请假、培训、病休期间不生成任务，所在网格的任务由网格其他成员承担',
    add: '登记请假', addTitle: '登记网格员请假', worker: '网格员', grid: '网格', dates: '请假日期',
    reason: '事由', reasonHint: '例如：年休假、培训、病假', recordedBy: '登记人', empty: '没有请假记录。',
    remove: '删除', removeConfirm: '删除这条请假记录？删除后该网格员在这段时间会重新生成任务。', current: '请假中', upcoming: '待开始', past: '已结束',
    saved: '已登记{{name}}的请假', showPast: '显示已结束的', handedOver: '转交任务',
  },
  visits: {
    empty: '还没有走访记录。网格员按重点人群的走访频次走访后，记录会列在这里。', who: '走访人',
    findings: '发现情况', noFindings: '未发现问题', far: '远距离', farTip: '走访时的位置离住户所在楼栋较远', photos: '{{count}} 张照片', case: '转为事件',
  },
};

export const oversightEn: typeof oversightZh = {
  kind: {
    buildingCheck: 'Building check', keyVisit: 'Key-person visit', riskInspection: 'Risk-point inspection', disputeSweep: 'Dispute sweep',
    campaign: 'Campaign', caseVerification: 'Case verification', assigned: 'Ad hoc task', deviceCheck: 'Device check',
  },
  status: { open: 'Open', done: 'Done', cancelled: 'Cancelled', overdue: 'Overdue' },
  subject: { resident: 'Resident', household: 'Household', place: 'Place', building: 'Building', thing: 'Thing', case: 'Case', grid: 'Grid', device: 'Device' },
  period: { week: 'This week', month: 'This month', custom: 'Custom', label: 'Period', range: '{{from}} to {{to}}' },
  common: {
    save: 'Save', cancel: 'Cancel', delete: 'Delete', grid: 'Grid', community: 'Community',
    percent: '{{value}}%', noData: '—', people: 'workers: {{count}}', count: '{{count}} in all',
    required: 'Enter the {{field}}', choose: 'Choose the {{field}}', deleted: 'Deleted',
  },
  progress: {
    title: 'Duty progress', subtitle: 'Task completion, key-population attention and grid-worker activity over a period: the figures the rating uses',
    townSubtitle: 'Per community: task completion, key-population attention (due visits done in time), grid-worker activity and overdue tasks',
    unitSubtitle: 'Per grid and per grid worker: what is done and what is overdue; expand a worker for their overdue tasks',
    completion: 'Completion', attention: 'Attention rate', attentionTip: 'Share of due key-person visits done in time',
    activity: 'Activity', activeDays: 'Active days', reports: 'Reports', visits: 'Visits', overdue: 'Overdue', done: 'Done', total: 'Tasks',
    dueVisits: 'Due', visitedInTime: 'In time', workers: 'Workers', byCommunity: 'Communities', byUnit: 'Units', byGrid: 'Grids', byWorker: 'Grid workers',
    noOverdue: 'No overdue tasks.', dueOn: 'due {{date}}', overdueDays: 'days overdue: {{count}}', openMap: 'Show on the map', overdueHint: 'They stay on the worker\'s list until done',
    empty: 'No tasks in this period. Once the daily tasks are generated, progress is counted here.', name: 'Name', worker: 'Grid worker', grid: 'Grid',
  },
  map: {
    title: 'Visits and tasks map', subtitle: 'Visits of the period and open tasks: visits far from their subject are marked, overdue tasks are red',
    layers: 'Legend', visit: 'Visit', farVisit: 'Far visit', openTask: 'Open task', overdueTask: 'Overdue task',
     far: '{{meters}} m from the subject', farNoDistance: 'Far from the subject',
    who: 'Visitor', when: 'When', findings: 'Findings', noFindings: 'Nothing found', assignee: 'Assignee', due: 'Due', caseFiled: 'Filed as a case',
    truncated: 'Many points: only the first {{count}} are shown. Narrow the period or pick a grid.', noLocation: '{{count}} without a position, not drawn',
  },
  list: {
    title: 'Tasks', subtitle: 'The grid workers\' tasks of your area: filter by status, kind and assignee; overdue tasks are red',
    status: 'Status', kind: 'Kind', assignee: 'Assignee', onlyOverdue: 'Overdue only', reset: 'Reset', grid: 'Grid',
    col: { title: 'Task', kind: 'Kind', grid: 'Grid', assignee: 'Assignee', startsOn: 'Starts', dueOn: 'Due', status: 'Status', doneAt: 'Done at', note: 'Done' },
    empty: 'No tasks match.', unassigned: 'Unassigned',
    assign: 'Assign a task', assignTitle: 'Assign an ad hoc task ("+1")', assignHint: 'Pick a grid, then one of its grid workers; the task appears on their list for the day.',
    taskTitle: 'Title', taskTitleHint: 'e.g. check the shared rental at 12 Chunhui Road', detail: 'Details', detailHint: 'What to do, what to watch for',
    dueOn: 'Due', startsOn: 'Starts', worker: 'Grid worker', pickGridFirst: 'Pick a grid first', noWorkers: 'This grid has no grid worker with an account',
    assigned: 'Assigned to {{name}}', assignedBy: 'Assigned by',
  },
  campaigns: {
    title: 'Campaigns', subtitle: 'Publicity campaigns the town pushes to chosen grids: what to say, the material, each grid\'s progress',
    push: 'Push a campaign', pushTitle: 'Push a publicity campaign', pushHint: 'Each chosen grid gets a campaign task; its grid worker sees it on the list from the start date.',
    name: 'Subject', nameHint: 'e.g. winter fire safety', content: 'Content', contentHint: 'What the grid workers say and hand out door to door',
    material: 'Material (images)', upload: 'Upload', grids: 'Grids', gridsHint: 'Choosing a community chooses all its grids',
    dates: 'Dates', progress: 'Progress', doneOfTotal: '{{done}} / {{total}}', createdBy: 'Pushed by', empty: 'No campaigns yet.',
    pushed: 'Pushed to grids: {{count}}', gridCount: 'grids: {{count}}', waitUpload: 'Wait for the images to upload',
  },
  absences: {
    title: 'Absences', subtitle: 'A grid worker on leave, training or sick gets no tasks; the rest of the grid\'s team takes them',
    add: 'Record an absence', addTitle: 'Record a grid worker\'s absence', worker: 'Grid worker', grid: 'Grid', dates: 'Dates',
    reason: 'Reason', reasonHint: 'e.g. annual leave, training, sick leave', recordedBy: 'Recorded by', empty: 'No absences recorded.',
    remove: 'Delete', removeConfirm: 'Delete this absence? The worker gets tasks again for those days.', current: 'Away', upcoming: 'Upcoming', past: 'Over',
    saved: 'Absence of {{name}} recorded', showPast: 'Show past ones', handedOver: 'Tasks handed over',
  },
  visits: {
    empty: 'No visits yet. Visits by the grid workers, at each key person\'s frequency, are listed here.', who: 'Visitor',
    findings: 'Findings', noFindings: 'Nothing found', far: 'Far', farTip: 'The visit was recorded far from the household\'s building', photos: 'photos: {{count}}', case: 'Filed as a case',
  },
};

const navZh = { taskProgress: '履职进度', taskMap: '走访地图', taskList: '任务列表', campaigns: '宣传任务', absences: '人员请假' };
const navEn: typeof navZh = { taskProgress: 'Duty progress', taskMap: 'Visits map', taskList: 'Tasks', campaigns: 'Campaigns', absences: 'Absences' };

i18n.addResourceBundle('zh-CN', 'translation', { oversight: oversightZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { oversight: oversightEn, nav: navEn }, true, false);
