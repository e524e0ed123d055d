// Texts of the enforcement pages (综合执法: 执法事项清单, the cases and their steps, 联合检查, 执法统计) and of the
// mount on the loop's case page (立案执法), registered into i18next at module load under `enf`, plus the menu labels.
import { i18n } from '../../lib/i18n.ts';

export const enfZh = {
  sources: { statutory: '法定', empowered: '赋权', entrusted: '委托' },
  statuses: { investigating: '调查取证', awaitingReview: '待法制审核', reviewed: '审核通过', decided: '已作出决定', executed: '已执行', closed: '已结案', dropped: '已撤销' },
  penaltyKinds: { none: '不予处罚', warning: '警告', fine: '罚款', confiscation: '没收' },
  evidenceKinds: { photo: '照片', video: '视频', statement: '询问笔录', document: '书证材料' },
  subjectKinds: { person: '个人', firm: '单位' },
  inspectionResults: { ok: '合格', issue: '有问题', na: '不适用' },
  inspectionStatuses: { planned: '待检查', done: '已完成', cancelled: '已取消' },
  yes: '是', no: '否', yuan: '元', minutes: '{{count}} 分钟', none: '—', more: '加载更多', reset: '重置', search: '搜索',
  cancel: '取消', ok: '确定', save: '保存', back: '返回', open: '查看', retry: '重试', required: '请填写{{field}}',
  band: {
    title: '裁量基准', proposed: '系统建议', confirmed: '确认裁量', noFine: '不罚款', fine: '罚款 {{min}}–{{max}} 元', fineFrom: '罚款 {{min}} 元以上',
    fineUpTo: '罚款 {{max}} 元以下', missing: '还需填写：{{facts}}', noMatch: '所填事实不符合任何裁量基准，请核对', invalid: '事实填写有误：{{reasons}}',
    waiting: '请先选择执法事项并填写事实', departure: '偏离基准', departureReason: '偏离理由',
  },
  matters: {
    title: '执法事项清单', subtitle: '本辖区可用的综合行政执法事项（一张清单）：来源、授权部门、违法依据与处罚依据、裁量基准',
    q: '按名称或编码搜索', allSources: '全部来源', count: '共 {{count}} 项', empty: '没有符合条件的执法事项。',
    col: { code: '编码', name: '事项', category: '类别', source: '来源', delegatedBy: '授权（委托）部门', basis: '处罚依据', benchmarks: '裁量基准', loop: '对应事件类别', actions: '操作' },
    benchmarksButton: '裁量基准', benchmarksCount: '{{count}} 档',
    drawer: {
      title: '{{name}} · 裁量基准', violation: '违法依据', penalty: '处罚依据', facts: '裁量事实', benchmarks: '裁量档次', conditions: '适用情形',
      allCases: '其余情形', kind: '处罚种类', range: '罚款幅度', optional: '选填', unit: '单位：{{unit}}', range2: '{{min}}–{{max}}',
    },
    ops: { eq: '为', ne: '不为', lt: '小于', lte: '不超过', gt: '大于', gte: '不少于', in: '属于' },
  },
  cases: {
    title: '综合执法', subtitle: '本辖区的执法案件：从事件或联合检查立案，取证、裁量、法制审核、决定、执行到结案，每步计时（目标 {{target}} 分钟）',
    create: '新建执法案件', q: '按编号、当事人或描述搜索', allStatuses: '全部状态', allMatters: '全部事项', count: '共 {{count}} 件', empty: '没有符合条件的执法案件。',
    col: { number: '案件编号', matter: '执法事项', subject: '当事人', status: '状态', band: '裁量', minutes: '办理用时', openedAt: '立案时间', from: '来源' },
    from: { loop: '事件', inspection: '联合检查', patrol: '巡查发现' },
    within: '{{count}} 分钟内', over: '超过 {{target}} 分钟',
  },
  create: {
    title: '新建执法案件', subtitle: '选择执法事项，填写事实，系统按裁量基准给出建议档次；提交后立案进入调查取证',
    fromCase: '来自事件 {{number}}', fromCaseHint: '地点与网格取自事件；结案时事件一并办结', matter: '执法事项', matterHint: '按名称选择',
    facts: '裁量事实', factsHint: '事实变化时，右侧的建议档次随之更新', subject: '当事人', subjectKind: '类型', subjectName: '姓名 / 名称',
    idNumber: '身份证号', creditCode: '统一社会信用代码', phone: '联系电话', address: '住址 / 经营地址', description: '违法事实描述',
    descriptionHint: '例如：在春晖路 12 号门前摆摊占道约 6 平方米', location: '地点', locationHint: '在地图上点击标出违法地点',
    evidence: '现场照片', evidenceHint: '立案后可在案件中继续补充证据', submit: '立案', created: '已立案：{{number}}',
    noLocation: '请在地图上标出地点', loadingMatter: '正在读取事项…', choose: '请选择',
  },
  detail: {
    back: '返回案件列表', loopCase: '来源事件', inspection: '来源检查', matter: '执法事项', subject: '当事人', address: '地点',
    description: '违法事实', openedBy: '立案', officers: '执法人员', facts: '裁量事实', evidence: '证据', noEvidence: '还没有证据',
    timeline: '办理过程', handling: '办理用时（立案至作出决定）', target: '目标 {{target}} 分钟', withinTarget: '在 {{target}} 分钟内', overTarget: '超过 {{target}} 分钟',
    notDecided: '尚未作出决定', stepMinutes: '立案后 {{count}} 分钟', review: '法制审核', reviewBy: '{{name}} · {{time}}', approved: '通过', returned: '退回',
    reviewReturns: '退回补正 {{count}} 次', decision: '处罚决定', decisionNumber: '决定书编号', penalty: '处罚', execution: '执行', receiptNo: '缴款单号',
    amount: '金额', dropReason: '撤销理由', unmask: '查看完整信息', unmasked: '已显示完整信息（本次查看已记录）',
    downloadDocx: '下载决定书（Word）', downloadPdf: '下载决定书（PDF）', downloaded: '已下载 {{name}}', stale: '案件已被他人更新，已重新载入',
    editFacts: '修改事实', addEvidence: '添加证据',
  },
  actions: {
    'update-facts': '修改事实', 'add-evidence': '添加证据', 'confirm-band': '确认裁量', review: '法制审核', decide: '作出决定',
    pay: '登记缴款', execute: '登记执行', close: '结案', drop: '撤销案件', done: '已完成：{{action}}',
  },
  events: {
    opened: '立案', 'update-facts': '修改事实', 'add-evidence': '添加证据', 'confirm-band': '确认裁量', reviewApproved: '法制审核通过',
    reviewReturned: '法制审核退回', review: '法制审核', decide: '作出决定', pay: '缴款', execute: '执行', close: '结案', drop: '撤销',
  },
  dialogs: {
    confirmTitle: '确认裁量', benchmark: '裁量档次', penaltyKind: '处罚种类', fineYuan: '罚款金额（元）', departs: '与系统建议不一致，须说明偏离理由',
    departureHint: '例如：当事人系初次违法但拒不配合整改', reviewTitle: '法制审核', approve: '通过', return: '退回补正', opinion: '审核意见',
    opinionHint: '例如：事实清楚，证据充分，裁量适当', decideTitle: '作出处罚决定', decideConfirm: '将按已审核的裁量作出决定并生成决定书编号，确定吗？',
    payTitle: '登记缴款', receiptNo: '缴款单号', amountYuan: '缴款金额（元）', executeTitle: '登记执行', note: '说明', executeHint: '例如：已当场警告，当事人已自行撤离',
    closeTitle: '结案', closeHint: '结案后，来源事件一并办结', dropTitle: '撤销案件', reason: '理由', dropHint: '例如：经核实不构成违法',
    evidenceTitle: '添加证据', evidenceKind: '证据类型', evidenceText: '内容', evidenceNote: '备注', photo: '照片', upload: '上传照片', uploading: '正在上传…',
    factsTitle: '修改裁量事实',
  },
  inspections: {
    title: '联合检查', subtitle: '执法监管“一件事”：一次上门完成多个部门的检查事项，减少对经营主体的打扰',
    create: '计划联合检查', count: '共 {{count}} 次', empty: '还没有联合检查。', saved: '已减少上门 {{count}} 次',
    col: { number: '编号', subject: '检查对象', plannedOn: '计划日期', departments: '参与部门', status: '状态', saved: '减少上门' },
    form: {
      title: '计划联合检查', subjectName: '检查对象（单位 / 场所）', address: '地址', plannedOn: '计划日期', checklists: '检查单（至少两个部门）',
      checklistsHint: '一个部门的检查属于日常检查，不是联合检查', location: '位置', submit: '计划', created: '已计划：{{number}}',
    },
    page: {
      back: '返回联合检查', results: '检查结果', findings: '检查发现', findingsHint: '例如：消防通道堆放杂物，已责令当场清理', submit: '提交检查结果',
      answerAll: '请逐项填写检查结果', done: '检查已完成', openCase: '同时立案', openCaseHint: '检查发现违法行为时，选择执法事项并填写事实即可同时立案',
      savedVisits: '本次检查涵盖 {{departments}} 个部门，减少上门 {{saved}} 次', caseOpened: '已立案 {{number}}', items: '{{count}} 项',
    },
  },
  stats: {
    title: '执法统计', subtitle: '执法案件数量、赋权委托事项使用、裁量偏离、审核纠错、办理用时与联合检查', unit: '区域', period: '时间段',
    cases: '执法案件', delegatedShare: '赋权、委托事项占比', departures: '偏离基准', departureRate: '偏离率', returns: '审核退回补正',
    medianMinutes: '办理用时中位数', withinTarget: '{{target}} 分钟内办结占比', inspectionsDone: '完成联合检查', visitsSaved: '减少上门',
    byStatus: '按状态', byMatter: '按事项', bySource: '按来源', count: '件数', share: '占比', matter: '事项', source: '来源', status: '状态',
  },
  mount: { open: '立案执法', view: '执法案件 {{number}}', status: '（{{status}}）' },
  m: {
    title: '执法办案', tile: '执法办案', tileSub: '现场立案、取证、确认裁量', patrol: '巡查立案', mine: '我的执法案件', empty: '暂无执法案件',
    open: '现场立案', fromCase: '来自事件 {{number}}', matter: '执法事项', pickMatter: '选择执法事项', facts: '裁量事实', subject: '当事人',
    subjectName: '当事人姓名 / 名称', description: '违法事实', photos: '现场照片', place: '位置', locating: '正在定位…', located: '已定位',
    locateFailed: '无法定位，请打开定位权限后重试', submit: '立案', created: '已立案 {{number}}', confirm: '按建议确认裁量', confirmOther: '调整裁量',
    fine: '罚款金额（元）', reason: '偏离理由', addPhoto: '补充照片', added: '已添加证据', band: '建议档次', detail: '执法案件', desk: '法制审核和作出决定请在电脑上办理',
    select: '请选择', done: '完成', cancel: '取消',
  },
};

export const enfEn: typeof enfZh = {
  sources: { statutory: 'Statutory', empowered: 'Empowered', entrusted: 'Entrusted' },
  statuses: { investigating: 'Investigating', awaitingReview: 'Awaiting legal review', reviewed: 'Reviewed', decided: 'Decided', executed: 'Executed', closed: 'Closed', dropped: 'Dropped' },
  penaltyKinds: { none: 'No penalty', warning: 'Warning', fine: 'Fine', confiscation: 'Confiscation' },
  evidenceKinds: { photo: 'Photo', video: 'Video', statement: 'Statement', document: 'Document' },
  subjectKinds: { person: 'Person', firm: 'Firm' },
  inspectionResults: { ok: 'OK', issue: 'Issue', na: 'N/A' },
  inspectionStatuses: { planned: 'Planned', done: 'Done', cancelled: 'Cancelled' },
  yes: 'Yes', no: 'No', yuan: 'yuan', minutes: '{{count}} min', none: '—', more: 'Load more', reset: 'Reset', search: 'Search',
  cancel: 'Cancel', ok: 'OK', save: 'Save', back: 'Back', open: 'Open', retry: 'Retry', required: 'Please fill in {{field}}',
  band: {
    title: 'Discretion benchmark', proposed: 'Proposed', confirmed: 'Confirmed', noFine: 'No fine', fine: 'Fine {{min}}–{{max}} yuan', fineFrom: 'Fine from {{min}} yuan',
    fineUpTo: 'Fine up to {{max}} yuan', missing: 'Still needed: {{facts}}', noMatch: 'These facts match no benchmark; please check them', invalid: 'Facts not valid: {{reasons}}',
    waiting: 'Pick a matter and fill in the facts first', departure: 'Departs from the benchmark', departureReason: 'Reason for departing',
  },
  matters: {
    title: 'Enforcement matters', subtitle: 'The enforcement matters of your area (the one list): source, delegating department, legal bases and discretion benchmarks',
    q: 'Search by name or code', allSources: 'All sources', count: '{{count}} matters', empty: 'No matter matches.',
    col: { code: 'Code', name: 'Matter', category: 'Category', source: 'Source', delegatedBy: 'Delegated by', basis: 'Penalty basis', benchmarks: 'Benchmarks', loop: 'Case categories', actions: 'Actions' },
    benchmarksButton: 'Benchmarks', benchmarksCount: '{{count}} bands',
    drawer: {
      title: '{{name}} · benchmarks', violation: 'Rule broken', penalty: 'Penalty basis', facts: 'Facts', benchmarks: 'Bands', conditions: 'When',
      allCases: 'Any other case', kind: 'Penalty', range: 'Fine range', optional: 'optional', unit: 'unit: {{unit}}', range2: '{{min}}–{{max}}',
    },
    ops: { eq: 'is', ne: 'is not', lt: '<', lte: '≤', gt: '>', gte: '≥', in: 'is one of' },
  },
  cases: {
    title: 'Enforcement cases', subtitle: 'Enforcement cases of your area: opened from a case or a joint inspection; evidence, discretion, legal review, decision, execution and closing, each step timed (target {{target}} minutes)',
    create: 'New enforcement case', q: 'Search number, subject or description', allStatuses: 'All statuses', allMatters: 'All matters', count: '{{count}} cases', empty: 'No enforcement case matches.',
    col: { number: 'Number', matter: 'Matter', subject: 'Subject', status: 'Status', band: 'Band', minutes: 'Handling time', openedAt: 'Opened', from: 'From' },
    from: { loop: 'Case', inspection: 'Inspection', patrol: 'Patrol' },
    within: 'within {{count}} min', over: 'over {{target}} min',
  },
  create: {
    title: 'New enforcement case', subtitle: 'Pick the matter and fill in the facts; the benchmark they match is proposed. Submitting opens the case for investigation',
    fromCase: 'From case {{number}}', fromCaseHint: 'Place and grid come from the case; closing this closes the case too', matter: 'Matter', matterHint: 'Pick by name',
    facts: 'Facts', factsHint: 'The proposed band on the right follows the facts', subject: 'Subject', subjectKind: 'Kind', subjectName: 'Name',
    idNumber: 'ID number', creditCode: 'Credit code', phone: 'Phone', address: 'Address', description: 'What happened',
    descriptionHint: 'e.g. a stall of about 6 m² on the pavement at 12 Chunhui Road', location: 'Place', locationHint: 'Click the map where it happened',
    evidence: 'Photos', evidenceHint: 'More evidence can be added to the case later', submit: 'Open case', created: 'Opened: {{number}}',
    noLocation: 'Mark the place on the map', loadingMatter: 'Loading the matter…', choose: 'Choose',
  },
  detail: {
    back: 'Back to the cases', loopCase: 'From case', inspection: 'From inspection', matter: 'Matter', subject: 'Subject', address: 'Place',
    description: 'Facts found', openedBy: 'Opened', officers: 'Officers', facts: 'Facts', evidence: 'Evidence', noEvidence: 'No evidence yet',
    timeline: 'Steps', handling: 'Handling time (opened to decided)', target: 'target {{target}} min', withinTarget: 'Within {{target}} min', overTarget: 'Over {{target}} min',
    notDecided: 'Not decided yet', stepMinutes: '{{count}} min after opening', review: 'Legal review', reviewBy: '{{name}} · {{time}}', approved: 'Approved', returned: 'Returned',
    reviewReturns: 'Returned {{count}} times', decision: 'Decision', decisionNumber: 'Decision number', penalty: 'Penalty', execution: 'Execution', receiptNo: 'Receipt',
    amount: 'Amount', dropReason: 'Reason dropped', unmask: 'Show in full', unmasked: 'Shown in full (this read is logged)',
    downloadDocx: 'Decision (Word)', downloadPdf: 'Decision (PDF)', downloaded: 'Downloaded {{name}}', stale: 'Someone changed the case; reloaded',
    editFacts: 'Edit facts', addEvidence: 'Add evidence',
  },
  actions: {
    'update-facts': 'Edit facts', 'add-evidence': 'Add evidence', 'confirm-band': 'Confirm band', review: 'Legal review', decide: 'Decide',
    pay: 'Record payment', execute: 'Record execution', close: 'Close', drop: 'Drop case', done: 'Done: {{action}}',
  },
  events: {
    opened: 'Opened', 'update-facts': 'Facts edited', 'add-evidence': 'Evidence added', 'confirm-band': 'Band confirmed', reviewApproved: 'Review approved',
    reviewReturned: 'Review returned', review: 'Legal review', decide: 'Decided', pay: 'Paid', execute: 'Executed', close: 'Closed', drop: 'Dropped',
  },
  dialogs: {
    confirmTitle: 'Confirm band', benchmark: 'Band', penaltyKind: 'Penalty', fineYuan: 'Fine (yuan)', departs: 'Differs from the proposal: give the reason',
    departureHint: 'e.g. first offence but refused to correct', reviewTitle: 'Legal review', approve: 'Approve', return: 'Return', opinion: 'Opinion',
    opinionHint: 'e.g. facts clear, evidence sufficient, band fitting', decideTitle: 'Decide', decideConfirm: 'Decide on the reviewed band and number the decision?',
    payTitle: 'Record payment', receiptNo: 'Receipt number', amountYuan: 'Amount (yuan)', executeTitle: 'Record execution', note: 'Note', executeHint: 'e.g. warned on the spot; the stall has left',
    closeTitle: 'Close', closeHint: 'Closing hands in the case it came from', dropTitle: 'Drop case', reason: 'Reason', dropHint: 'e.g. no violation on checking',
    evidenceTitle: 'Add evidence', evidenceKind: 'Kind', evidenceText: 'Content', evidenceNote: 'Note', photo: 'Photo', upload: 'Upload photo', uploading: 'Uploading…',
    factsTitle: 'Edit facts',
  },
  inspections: {
    title: 'Joint inspections', subtitle: 'One visit covering several departments\' checklists, so a firm is visited once',
    create: 'Plan joint inspection', count: '{{count}} inspections', empty: 'No joint inspection yet.', saved: '{{count}} visits saved',
    col: { number: 'Number', subject: 'Firm or place', plannedOn: 'Planned', departments: 'Departments', status: 'Status', saved: 'Visits saved' },
    form: {
      title: 'Plan joint inspection', subjectName: 'Firm or place', address: 'Address', plannedOn: 'Planned on', checklists: 'Checklists (two departments at least)',
      checklistsHint: 'One department alone is an ordinary inspection, not a joint one', location: 'Place', submit: 'Plan', created: 'Planned: {{number}}',
    },
    page: {
      back: 'Back to joint inspections', results: 'Results', findings: 'Findings', findingsHint: 'e.g. goods in the fire exit; cleared on the spot', submit: 'Submit results',
      answerAll: 'Answer every item', done: 'Inspection done', openCase: 'Open a case too', openCaseHint: 'When a violation is found, pick the matter and facts to open a case at once',
      savedVisits: '{{departments}} departments in one visit: {{saved}} visits saved', caseOpened: 'Case opened {{number}}', items: '{{count}} items',
    },
  },
  stats: {
    title: 'Enforcement figures', subtitle: 'Cases, use of delegated matters, departures, review corrections, handling time and joint inspections', unit: 'Area', period: 'Period',
    cases: 'Cases', delegatedShare: 'Delegated matters (empowered + entrusted)', departures: 'Departures', departureRate: 'Departure rate', returns: 'Review corrections',
    medianMinutes: 'Median handling time', withinTarget: 'Within {{target}} min', inspectionsDone: 'Joint inspections done', visitsSaved: 'Visits saved',
    byStatus: 'By status', byMatter: 'By matter', bySource: 'By source', count: 'Cases', share: 'Share', matter: 'Matter', source: 'Source', status: 'Status',
  },
  mount: { open: 'Open enforcement case', view: 'Enforcement case {{number}}', status: ' ({{status}})' },
  m: {
    title: 'Enforcement', tile: 'Enforcement', tileSub: 'Open cases on the spot, evidence, confirm the band', patrol: 'Open on patrol', mine: 'My enforcement cases', empty: 'No enforcement case',
    open: 'Open case on the spot', fromCase: 'From case {{number}}', matter: 'Matter', pickMatter: 'Pick the matter', facts: 'Facts', subject: 'Subject',
    subjectName: 'Subject\'s name', description: 'What happened', photos: 'Photos', place: 'Place', locating: 'Locating…', located: 'Located',
    locateFailed: 'Cannot locate: allow location and try again', submit: 'Open case', created: 'Opened {{number}}', confirm: 'Confirm the proposed band', confirmOther: 'Adjust the band',
    fine: 'Fine (yuan)', reason: 'Reason for departing', addPhoto: 'Add photos', added: 'Evidence added', band: 'Proposed band', detail: 'Enforcement case', desk: 'Legal review and the decision are done at the desk',
    select: 'Choose', done: 'Done', cancel: 'Cancel',
  },
};

const navZh = { enforcementCases: '综合执法', enforcementMatters: '执法事项清单', inspections: '联合检查', enforcementStats: '执法统计' };
const navEn: typeof navZh = { enforcementCases: 'Enforcement', enforcementMatters: 'Enforcement matters', inspections: 'Joint inspections', enforcementStats: 'Enforcement figures' };

i18n.addResourceBundle('zh-CN', 'translation', { enf: enfZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { enf: enfEn, nav: navEn }, true, false);
