// Texts of the mobile case pages (随手拍, my reports, detail, anonymous report and tracking), registered into
// i18next at module load under the `mcase` key, so the app's own locale files need no edit.
import { i18n } from '../../../lib/i18n.ts';
import { CASE_STATUS_EN, CASE_STATUS_ZH } from '../locales.ts';

export const mcaseZh = {
  title: { home: '智治 · 随手拍', report: '随手拍 · 上报事件', list: '我的上报', detail: '案卷详情', publicReport: '随手拍（免登录）', track: '案卷查询', result: '上报成功' },
  home: {
    report: '随手拍', reportWorker: '随手拍 · 上报事件', reportSub: '拍照上报身边问题', mine: '我的上报', mineSub: '查看办理进度',
    verify: '待核查', verifySub: '核查处置结果', track: '案卷查询', trackSub: '按编号查进度',
    open: '办理中', closed: '已办结', toVerify: '待核查', slogan: '琐事马上办 · 要事及时办 · 难事协调办 · 大事提级办',
  },
  status: CASE_STATUS_ZH,
  actions: {
    report: '上报', accept: '受理', reject: '不予受理', dispatch: '派遣', start: '开始处置', report_done: '处置完成', return: '退回',
    escalate: '提级', request_suspension: '申请挂起', approve_suspension: '批准挂起', resume: '恢复处置', resolve_on_spot: '现场处置',
    verify: '核查通过', reopen: '核查不通过', rate: '评价', revisit: '回访', overdue: '超时提醒', link_duplicate: '关联重复',
    // a care order's alarm steps (issue 13), the same words as the desktop's timeline
    alarm_raised: '设备告警', alarm_notified: '告警通知', alarm_escalated: '告警升级', alarm_acknowledged: '告警已确认', alarm_cleared: '告警已消警',
    partner_notified: '已通知合作方', partner_failed: '合作方通知失败',
  },
  clocks: { accept: '受理时限', dispatch: '派遣时限', handle: '处置时限', verify: '核查时限' },
  lights: { green: '正常', yellow: '临期', red: '超时' },
  tiers: { grid: '网格处置', community: '社区处置', town: '镇街处置', district: '区县部门' },
  satisfaction: { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' },
  form: {
    category: '问题类别', categoryPlaceholder: '请选择问题类别', searchCategory: '搜索类别名称、编码或大类', noCategory: '没有匹配的类别',
    onSpot: '可现场处置', urgent: '紧急', change: '更换',
    description: '问题描述', descriptionPlaceholder: '请描述问题的具体情况，如位置特征、影响范围等',
    photos: '现场照片', photosHint: '最多 {{count}} 张，拍照后自动压缩上传', uploading: '照片上传中…',
    location: '事发位置', locating: '正在定位…', located: '已定位（精度约 {{m}} 米）', dragHint: '拖动红色标记可修正位置',
    gpsDenied: '无法获取定位（{{why}}）。请拖动地图上的标记选择事发位置。', gpsUnsupported: '当前浏览器不支持定位', relocate: '重新定位',
    grid: '所属网格', outside: '该位置不在任何网格内', lookingUp: '正在识别网格…',
    address: '地址描述', addressPlaceholder: '如：春晖路 18 号小区东门（选填）',
    submit: '提交上报', submitting: '提交中…', required: '请完善：{{fields}}', retry: '重新提交',
    phone: '手机号', phonePlaceholder: '用于查询进度和回访', phoneInvalid: '请输入 11 位手机号', name: '称呼', namePlaceholder: '选填',
    noMapGrids: '地图仅显示位置，提交后系统自动识别所属网格',
  },
  result: {
    number: '案卷编号', status: '当前状态', acceptBy: '受理时限', saveNumber: '请记住案卷编号，可随时查询办理进度',
    duplicates: '附近可能有相同问题', duplicatesHint: '以下案卷与您上报的问题类别相同、位置相近：', distance: '相距约 {{m}} 米',
    similarNearby: '附近已有类似上报（{{count}} 件，最近约 {{m}} 米），工作人员会一并核实处理。',
    viewCase: '查看案卷', another: '继续上报', home: '返回首页', mine: '我的上报',
    onSpotTitle: '琐事马上办', onSpotHint: '该类问题可现场处置。处置完毕后拍摄处置后照片，直接办结。',
    track: '查询进度',
  },
  list: {
    mine: '我的上报', verify: '待核查', empty: '暂无上报记录', emptyVerify: '暂无待核查的案卷', more: '加载更多', noMore: '没有更多了',
    reportNow: '去上报',
  },
  detail: {
    category: '问题类别', description: '问题描述', address: '地址', reportedAt: '上报时间', assignee: '承办', tier: '处置层级',
    before: '处置前', after: '处置后', photos: '现场照片', deadlines: '办理时限', timeline: '办理过程', due: '{{time}} 前',
    stopped: '已完成于 {{time}}', actions: '操作', suspended: '挂起中', satisfaction: '评价结果', noPhotos: '暂无照片',
    verifyConfirm: '确认处置结果符合要求并核查通过？', verifyTitle: '核查通过',
    reopenTitle: '核查不通过', reasonPlaceholder: '请填写不通过的原因（必填）', reasonRequired: '请填写原因',
    onSpotTitle: '现场处置', onSpotPhoto: '处置后照片', onSpotNote: '处置说明（选填）', onSpotNeedPhoto: '请拍摄处置后照片',
    rateTitle: '评价办理结果', rateComment: '说说您的评价（选填）', rateNeedScore: '请选择满意度',
    stale: '案卷已被他人更新，已为您刷新', done: '操作成功', cancel: '取消', confirm: '确定', submit: '提交', reporter: '上报人',
    duplicateOf: '重复案卷，跟随原案卷办理',
  },
  track: {
    number: '案卷编号', numberPlaceholder: '如 500199001-20261123-0001', phone: '上报手机号', query: '查询', notFound: '未找到该案卷，请核对编号和手机号',
    steps: '办理进度', intro: '输入案卷编号和上报时填写的手机号，查询办理进度。',
  },
  public: {
    intro: '无需登录，填写手机号即可上报身边的城市管理问题。', login: '登录后上报',
    categoryUnknown: '该类别在当地暂未开放，请选择其他类别', trackLink: '已上报？查询进度',
  },
  geo: { denied: '定位权限被拒绝', unavailable: '无法获取位置', timeout: '定位超时', unsupported: '浏览器不支持定位' },
  common: { back: '返回', loading: '加载中…', retry: '重试', signIn: '登录', refresh: '刷新' },
};

type Tree<T> = { [K in keyof T]: T[K] extends string ? string : Tree<T[K]> };

export const mcaseEn: Tree<typeof mcaseZh> = {
  title: { home: 'Zhizhi · Snap & report', report: 'Report a problem', list: 'My reports', detail: 'Case', publicReport: 'Report without signing in', track: 'Track a case', result: 'Reported' },
  home: {
    report: 'Snap & report', reportWorker: 'Snap & report an event', reportSub: 'Photograph a problem nearby', mine: 'My reports', mineSub: 'Follow their progress',
    verify: 'To verify', verifySub: 'Check handled cases', track: 'Track a case', trackSub: 'By case number',
    open: 'Open', closed: 'Closed', toVerify: 'To verify', slogan: 'Small things now · urgent things fast · hard things together · big things up',
  },
  status: CASE_STATUS_EN,
  actions: {
    report: 'Reported', accept: 'Accept', reject: 'Reject', dispatch: 'Dispatch', start: 'Start', report_done: 'Done', return: 'Return',
    escalate: 'Escalate', request_suspension: 'Ask to suspend', approve_suspension: 'Approve suspension', resume: 'Resume', resolve_on_spot: 'Resolve on the spot',
    verify: 'Verify', reopen: 'Reopen', rate: 'Rate', revisit: 'Revisit', overdue: 'Overdue', link_duplicate: 'Linked as duplicate',
    alarm_raised: 'Device alarm', alarm_notified: 'Alarm notified', alarm_escalated: 'Alarm escalated', alarm_acknowledged: 'Alarm acknowledged', alarm_cleared: 'Alarm cleared',
    partner_notified: 'Partner notified', partner_failed: 'Partner not reached',
  },
  clocks: { accept: 'Accept by', dispatch: 'Dispatch by', handle: 'Handle by', verify: 'Verify by' },
  lights: { green: 'On time', yellow: 'Due soon', red: 'Overdue' },
  tiers: { grid: 'Grid', community: 'Community', town: 'Town', district: 'District dept.' },
  satisfaction: { 5: 'Very satisfied', 4: 'Satisfied', 3: 'Fairly satisfied', 2: 'Dissatisfied', 1: 'Very dissatisfied' },
  form: {
    category: 'Category', categoryPlaceholder: 'Choose a category', searchCategory: 'Search name, code or class', noCategory: 'No matching category',
    onSpot: 'On the spot', urgent: 'Urgent', change: 'Change',
    description: 'Description', descriptionPlaceholder: 'What is the problem, where exactly, how large',
    photos: 'Photos', photosHint: 'Up to {{count}}, compressed before upload', uploading: 'Uploading photos…',
    location: 'Location', locating: 'Locating…', located: 'Located (±{{m}} m)', dragHint: 'Drag the red pin to correct it',
    gpsDenied: 'No position ({{why}}). Drag the pin on the map to the place.', gpsUnsupported: 'this browser cannot locate', relocate: 'Locate again',
    grid: 'Grid', outside: 'This place is outside every grid', lookingUp: 'Finding the grid…',
    address: 'Address', addressPlaceholder: 'e.g. east gate, No. 18 Chunhui Rd (optional)',
    submit: 'Submit', submitting: 'Submitting…', required: 'Please fill in: {{fields}}', retry: 'Submit again',
    phone: 'Mobile number', phonePlaceholder: 'To track the case and be called back', phoneInvalid: 'Enter an 11-digit mobile number', name: 'Name', namePlaceholder: 'Optional',
    noMapGrids: 'The map shows the position only; the grid is found when you submit',
  },
  result: {
    number: 'Case number', status: 'Status', acceptBy: 'Accept by', saveNumber: 'Keep the case number to track the case',
    duplicates: 'Possibly reported already', duplicatesHint: 'Open cases of the same category nearby:', distance: 'about {{m}} m away',
    similarNearby: 'Similar reports nearby ({{count}}, the nearest about {{m}} m away): staff will look at them together.',
    viewCase: 'View case', another: 'Report another', home: 'Home', mine: 'My reports',
    onSpotTitle: 'Fix it now', onSpotHint: 'This can be handled on the spot. Take an after-photo when done to close it.',
    track: 'Track it',
  },
  list: {
    mine: 'My reports', verify: 'To verify', empty: 'No reports yet', emptyVerify: 'Nothing to verify', more: 'Load more', noMore: 'No more',
    reportNow: 'Report one',
  },
  detail: {
    category: 'Category', description: 'Description', address: 'Address', reportedAt: 'Reported', assignee: 'Assigned to', tier: 'Tier',
    before: 'Before', after: 'After', photos: 'Photos', deadlines: 'Deadlines', timeline: 'Progress', due: 'by {{time}}',
    stopped: 'met {{time}}', actions: 'Actions', suspended: 'Suspended', satisfaction: 'Rating', noPhotos: 'No photos',
    verifyConfirm: 'Confirm the result meets the requirement?', verifyTitle: 'Verify',
    reopenTitle: 'Reopen', reasonPlaceholder: 'Why does it fail verification? (required)', reasonRequired: 'Give a reason',
    onSpotTitle: 'Resolve on the spot', onSpotPhoto: 'After-photo', onSpotNote: 'Note (optional)', onSpotNeedPhoto: 'Take an after-photo',
    rateTitle: 'Rate the result', rateComment: 'Comment (optional)', rateNeedScore: 'Choose a rating',
    stale: 'Someone else updated the case; reloaded', done: 'Done', cancel: 'Cancel', confirm: 'OK', submit: 'Submit', reporter: 'Reporter',
    duplicateOf: 'Duplicate: follows the original case',
  },
  track: {
    number: 'Case number', numberPlaceholder: 'e.g. 500199001-20261123-0001', phone: 'Mobile used to report', query: 'Search', notFound: 'No such case for that number and phone',
    steps: 'Progress', intro: 'Enter the case number and the mobile number you reported with.',
  },
  public: {
    intro: 'Report a problem nearby with just your mobile number.', login: 'Sign in to report',
    categoryUnknown: 'This category is not open here; choose another', trackLink: 'Reported already? Track it',
  },
  geo: { denied: 'permission denied', unavailable: 'position unavailable', timeout: 'timed out', unsupported: 'not supported by this browser' },
  common: { back: 'Back', loading: 'Loading…', retry: 'Retry', signIn: 'Sign in', refresh: 'Refresh' },
};

i18n.addResourceBundle('zh-CN', 'translation', { mcase: mcaseZh }, true, false);
i18n.addResourceBundle('en', 'translation', { mcase: mcaseEn }, true, false);
