// Texts of the grid worker's phone app (照单履职): today's list, a task, the visit form, the outbox (离线待发).
// Registered into i18next at module load under `mtask`.
import { i18n } from '../../../lib/i18n.ts';

export const mtaskZh = {
  title: { list: '今日任务', task: '任务详情', visit: '记录走访', outbox: '待发送与待处理' },
  home: { tile: '今日任务', tileSub: '按路线走访、打卡，离线也能用', open: '待办 {{count}} 项' },
  kinds: {
    buildingCheck: '楼栋巡查', keyVisit: '重点人员走访', riskInspection: '风险点巡查', disputeSweep: '矛盾纠纷排查',
    campaign: '宣传任务', caseVerification: '事件核查', assigned: '交办任务', deviceCheck: '设备检查',
  },
  list: {
    counts: '待办 {{open}} · 已完成 {{done}}', overdueCount: '逾期 {{count}}', walk: '路线约 {{km}} 公里',
    fromHere: '按您当前位置排序', fromGrid: '按网格中心排序', open: '待办', done: '今日已完成',
    empty: '今天没有待办任务', emptyHint: '新的任务会在每天早上生成', lastVisit: '上次走访 {{date}}', neverVisited: '从未走访',
    dueToday: '今日到期', overdue: '已逾期', dueOn: '{{date}} 截止', hiddenTags: '另有 {{count}} 个标签', pendingTick: '已打卡，待发送',
    offlineCopy: '离线中，显示的是上次获取的任务', failed: '任务加载失败',
  },
  task: {
    subject: '对象', address: '地址', tags: '标签', detail: '任务说明', due: '截止日期', grid: '网格', campaign: '宣传内容', material: '宣传材料',
    openFile: '查看一户一档', openCase: '查看案卷', openBuilding: '查看楼栋图', recordVisit: '记录走访', tick: '完成打卡', note: '情况说明', notePlaceholder: '选填：简要说明完成情况',
    photos: '现场照片', photosHint: '最多 {{count}} 张', done: '已完成', doneBy: '{{name}} 于 {{time}} 完成', ticked: '已完成打卡',
    queued: '已保存在手机上，联网后自动发送', notFound: '任务不存在，或已不在您的今日清单中', waiting: '照片上传中…', assigner: '交办人',
  },
  visit: {
    whom: '走访对象', when: '走访时间', where: '走访位置', findings: '走访发现', findingsPlaceholder: '本次走访了解到的情况，没有问题可留空',
    locating: '正在定位…', located: '已定位（精度约 {{m}} 米）', relocate: '重新定位', noPosition: '无法定位：{{why}}。可以不带位置保存',
    save: '保存走访', saved: '走访已记录', savedOffline: '走访已保存在手机上，联网后自动发送', sending: '正在发送…',
    far: '走访位置距对象所在楼栋约 {{m}} 米，已标记为“距离较远”', near: '位置已核对：距对象所在楼栋约 {{m}} 米',
    report: '上报为事件', reportTitle: '将走访发现上报为事件', category: '事件类别', description: '事件描述', submitReport: '提交上报',
    reportQueued: '事件已保存，走访发送后自动上报', reported: '已上报事件 {{number}}', backToList: '返回任务清单', another: '再记一次',
    needCategory: '请选择事件类别', needFindings: '请先填写走访发现', kinds: { resident: '居民', household: '住户', place: '场所' },
    recent: '走访记录', noVisits: '暂无走访记录', farTag: '距离较远', by: '{{name}} 走访',
  },
  outbox: {
    waiting: '{{count}} 条记录待发送', sendNow: '立即发送', sending: '发送中…', offline: '当前离线，联网后自动发送',
    attention: '{{count}} 条记录需要处理', view: '查看', noneWaiting: '没有待发送的记录', noneAttention: '没有需要处理的记录',
    waitingList: '待发送', attentionList: '需要处理', queuedAt: '{{time}} 保存', attempts: '已尝试 {{count}} 次',
    dismiss: '知道了', dismissed: '已移除', serverSaid: '服务器答复：{{text}}',
    kinds: { complete: '任务打卡', visit: '走访记录', visitCase: '走访发现上报', report: '事件上报' },
    conflict: {
      reassigned: '该任务已改派给{{name}}，您的打卡未被接受', cancelled: '该任务已取消，您的打卡未被接受',
      doneByOther: '该任务已由{{name}}于 {{time}} 完成',
    },
    reportSaved: '网络不通，事件已保存在手机上，联网后自动上报', reportSavedTitle: '已保存，待发送',
    someone: '他人',
  },
  common: { retry: '重试', loading: '加载中…', back: '返回' },
};

export const mtaskEn: typeof mtaskZh = {
  title: { list: "Today's tasks", task: 'Task', visit: 'Record a visit', outbox: 'Waiting and needing attention' },
  home: { tile: "Today's tasks", tileSub: 'Walk the list, visit, tick — also offline', open: '{{count}} open' },
  kinds: {
    buildingCheck: 'Building check', keyVisit: 'Key person visit', riskInspection: 'Risk point inspection', disputeSweep: 'Dispute sweep',
    campaign: 'Campaign', caseVerification: 'Case verification', assigned: 'Assigned task', deviceCheck: 'Device check',
  },
  list: {
    counts: '{{open}} open · {{done}} done', overdueCount: '{{count}} overdue', walk: 'Walk about {{km}} km',
    fromHere: 'Ordered from where you are', fromGrid: "Ordered from the grid's centre", open: 'Open', done: 'Done today',
    empty: 'No open tasks today', emptyHint: 'New tasks are made every morning', lastVisit: 'Last visit {{date}}', neverVisited: 'Never visited',
    dueToday: 'Due today', overdue: 'Overdue', dueOn: 'Due {{date}}', hiddenTags: '{{count}} more tags', pendingTick: 'Ticked, waiting to send',
    offlineCopy: 'Offline: showing the tasks last fetched', failed: 'The tasks could not be loaded',
  },
  task: {
    subject: 'Subject', address: 'Address', tags: 'Tags', detail: 'What to do', due: 'Due', grid: 'Grid', campaign: 'Campaign', material: 'Material',
    openFile: 'Open the household file', openCase: 'Open the case', openBuilding: 'Open the building', recordVisit: 'Record a visit', tick: 'Tick off', note: 'Note', notePlaceholder: 'Optional: how it went',
    photos: 'Photos', photosHint: 'Up to {{count}}', done: 'Done', doneBy: 'Done by {{name}} at {{time}}', ticked: 'Ticked off',
    queued: 'Saved on the phone; sent when the network is back', notFound: 'This task does not exist or is no longer on your list today', waiting: 'Uploading photos…', assigner: 'Assigned by',
  },
  visit: {
    whom: 'Whom', when: 'When', where: 'Where', findings: 'Findings', findingsPlaceholder: 'What you learned; leave empty when all is well',
    locating: 'Locating…', located: 'Located (about {{m}} m accuracy)', relocate: 'Locate again', noPosition: 'No position: {{why}}. You can save without one',
    save: 'Save the visit', saved: 'Visit recorded', savedOffline: 'Visit saved on the phone; sent when the network is back', sending: 'Sending…',
    far: "Recorded about {{m}} m from the subject's building: flagged as far", near: "Position checked: about {{m}} m from the subject's building",
    report: 'Report as a case', reportTitle: 'Report the finding as a case', category: 'Category', description: 'Description', submitReport: 'Report',
    reportQueued: 'Case saved; reported once the visit is sent', reported: 'Case {{number}} reported', backToList: 'Back to the list', another: 'Record another',
    needCategory: 'Choose a category', needFindings: 'Write the findings first', kinds: { resident: 'Resident', household: 'Household', place: 'Place' },
    recent: 'Visits', noVisits: 'No visits yet', farTag: 'Far', by: 'Visited by {{name}}',
  },
  outbox: {
    waiting: '{{count}} waiting to be sent', sendNow: 'Send now', sending: 'Sending…', offline: 'Offline: sent when the network is back',
    attention: '{{count}} need your attention', view: 'View', noneWaiting: 'Nothing waiting to be sent', noneAttention: 'Nothing needs attention',
    waitingList: 'Waiting', attentionList: 'Needs attention', queuedAt: 'Saved {{time}}', attempts: '{{count}} tries',
    dismiss: 'Got it', dismissed: 'Removed', serverSaid: 'The server said: {{text}}',
    kinds: { complete: 'Task tick', visit: 'Visit', visitCase: 'Case from a visit', report: 'Case report' },
    conflict: {
      reassigned: 'The task was reassigned to {{name}}; your tick was not taken', cancelled: 'The task was cancelled; your tick was not taken',
      doneByOther: 'The task was done by {{name}} at {{time}}',
    },
    reportSaved: 'No network: the report is saved on the phone and sent when the network is back', reportSavedTitle: 'Saved, waiting to send',
    someone: 'someone else',
  },
  common: { retry: 'Retry', loading: 'Loading…', back: 'Back' },
};

i18n.addResourceBundle('zh-CN', 'translation', { mtask: mtaskZh }, true, false);
i18n.addResourceBundle('en', 'translation', { mtask: mtaskEn }, true, false);
