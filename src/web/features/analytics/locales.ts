// Texts of 高频诉求 (hot spots) and the 15-minute service circle's projects, desktop and phone, registered into i18next
// at module load under `analytics`.
import { i18n } from '../../lib/i18n.ts';

export const analyticsZh = {
  ok: '确定', cancel: '取消', none: '无', loading: '加载中…',
  directions: { up: '上升', down: '下降', flat: '持平' },
  ideaCategories: { environment: '环境卫生', traffic: '交通出行', elderly: '养老助老', children: '儿童关爱', safety: '平安建设', culture: '文化活动', services: '便民服务', other: '其他' },
  hotspots: {
    title: '高频诉求', subtitle: '{{unit}} · {{from}} 至 {{to}} 的事件与居民建议，与前一同等时段（{{pfrom}} 至 {{pto}}）对比',
    days: { d7: '近7天', d30: '近30天', d90: '近90天' },
    cases: '事件诉求', ideas: '居民建议', previous: '上期 {{count}}', change: '较上期 {{sign}}{{count}}',
    map: '热点分布', mapHint: '圆点越大、颜色越深，诉求越集中（约 {{metres}} 米范围）；点击圆点查看',
    tabs: { cells: '热点位置', categories: '高频类别', grids: '网格排行', ideas: '建议类别' },
    col: { rank: '排名', place: '位置', category: '类别', top: '主要类别', count: '本期', previous: '上期', trend: '趋势', share: '占比', grid: '网格', actions: '操作' },
    placeName: '{{grid}}附近', empty: '这段时间没有诉求。', project: '立项', selected: '已选热点：{{place}}，{{count}} 件，主要是{{category}}',
  },
  form: {
    title: '立项：15分钟服务圈项目', name: '项目名称', namePh: '如：春晖苑垃圾分类点改造', category: '针对类别', description: '项目内容', due: '计划完成', community: '所属社区',
    fromCell: '将关联该热点 {{from}} 至 {{to}} 的{{category}}事件', nameNeeded: '请填写项目名称', created: '已立项',
  },
  projects: {
    title: '15分钟服务圈项目', subtitle: '社区针对高频诉求立项、推进和销号，关联所回应的事件',
    statuses: { planned: '已立项', underway: '推进中', done: '已完成', dropped: '已终止' }, all: '全部',
    col: { name: '项目', community: '社区', category: '针对类别', owner: '负责人', status: '状态', due: '计划完成', cases: '关联事件' },
    casesOf: '{{closed}}/{{total}} 已办结', overdue: '已超期', empty: '还没有项目。从高频诉求的热点立项。', toHotspots: '去看高频诉求',
    detail: '项目详情', description: '项目内容', result: '完成情况', owner: '负责人', due: '计划完成', created: '立项时间', span: '热点统计时段', noDescription: '未填写',
    linked: '关联事件（{{count}}）', noCases: '还没有关联事件。', events: '项目进展',
    caseCol: { number: '事件编号', category: '类别', status: '状态', grid: '网格', address: '地址', createdAt: '上报时间' },
    actions: { start: '开始推进', finish: '完成销号', drop: '终止项目', update: '修改', linkCases: '关联事件' },
    eventNames: { create: '立项', update: '修改项目', start: '开始推进', finish: '完成销号', drop: '终止项目', link_cases: '关联事件' },
    finishNote: '完成情况', finishPh: '如：两处分类点已投用，同类诉求明显下降', dropNote: '终止原因', dropPh: '请说明为什么终止', noteNeeded: '请填写{{field}}',
    caseNumbers: '事件编号', caseNumbersPh: '每行一个事件编号', caseUnknown: '找不到事件：{{numbers}}', linkedOk: '已关联',
    done: '已保存', editTitle: '修改项目',
  },
  caseStatuses: { reported: '待受理', accepted: '已受理', dispatched: '已派遣', in_progress: '处置中', handled: '待核查', closed: '已办结', rejected: '不予受理' },
  mobile: { title: '服务圈项目', empty: '本社区还没有服务圈项目。', cases: '关联事件 {{count}} 件', back: '返回', tile: '服务圈项目', tileSub: '十五分钟服务圈的项目与进度' },
};

export const analyticsEn: typeof analyticsZh = {
  ok: 'OK', cancel: 'Cancel', none: 'None', loading: 'Loading…',
  directions: { up: 'Up', down: 'Down', flat: 'Flat' },
  ideaCategories: { environment: 'Environment', traffic: 'Traffic', elderly: 'Elderly care', children: 'Children', safety: 'Safety', culture: 'Culture', services: 'Services', other: 'Other' },
  hotspots: {
    title: 'Hot spots', subtitle: '{{unit}} · cases and ideas from {{from}} to {{to}}, against the span before ({{pfrom}} to {{pto}})',
    days: { d7: 'Last 7 days', d30: 'Last 30 days', d90: 'Last 90 days' },
    cases: 'Cases', ideas: 'Ideas', previous: 'Before: {{count}}', change: 'Change: {{sign}}{{count}}',
    map: 'Where', mapHint: 'The bigger and darker a dot, the more is asked there (about {{metres}} m); click a dot',
    tabs: { cells: 'Places', categories: 'Categories', grids: 'Grids', ideas: 'Ideas' },
    col: { rank: 'Rank', place: 'Place', category: 'Category', top: 'Main category', count: 'Now', previous: 'Before', trend: 'Trend', share: 'Share', grid: 'Grid', actions: 'Actions' },
    placeName: 'Near {{grid}}', empty: 'Nothing was asked in this span.', project: 'Make a project', selected: 'Selected: {{place}}, {{count}} cases, mostly {{category}}',
  },
  form: {
    title: 'New 15-minute circle project', name: 'Name', namePh: 'e.g. Sorting point rebuilt', category: 'Category', description: 'What is done', due: 'Due', community: 'Community',
    fromCell: 'The hot spot\'s {{category}} cases from {{from}} to {{to}} will be linked', nameNeeded: 'Name the project', created: 'Project made',
  },
  projects: {
    title: '15-minute circle projects', subtitle: 'What communities do about what is asked most, with the cases each answers',
    statuses: { planned: 'Planned', underway: 'Underway', done: 'Done', dropped: 'Dropped' }, all: 'All',
    col: { name: 'Project', community: 'Community', category: 'Category', owner: 'Owner', status: 'Status', due: 'Due', cases: 'Cases' },
    casesOf: '{{closed}}/{{total}} closed', overdue: 'Overdue', empty: 'No projects yet. Make one from a hot spot.', toHotspots: 'See the hot spots',
    detail: 'Project', description: 'What is done', result: 'Result', owner: 'Owner', due: 'Due', created: 'Made', span: 'Hot spot span', noDescription: 'Not given',
    linked: 'Linked cases ({{count}})', noCases: 'No cases linked yet.', events: 'Steps',
    caseCol: { number: 'Case', category: 'Category', status: 'Status', grid: 'Grid', address: 'Address', createdAt: 'Reported' },
    actions: { start: 'Start', finish: 'Finish', drop: 'Drop', update: 'Edit', linkCases: 'Link cases' },
    eventNames: { create: 'Made', update: 'Changed', start: 'Started', finish: 'Finished', drop: 'Dropped', link_cases: 'Cases linked' },
    finishNote: 'Result', finishPh: 'e.g. both sorting points in use', dropNote: 'Reason', dropPh: 'Say why it is dropped', noteNeeded: 'Fill in the {{field}}',
    caseNumbers: 'Case numbers', caseNumbersPh: 'One case number a line', caseUnknown: 'No such case: {{numbers}}', linkedOk: 'Linked',
    done: 'Saved', editTitle: 'Edit the project',
  },
  caseStatuses: { reported: 'Reported', accepted: 'Accepted', dispatched: 'Dispatched', in_progress: 'In progress', handled: 'To verify', closed: 'Closed', rejected: 'Rejected' },
  mobile: { title: 'Circle projects', empty: 'No circle projects in the community yet.', cases: '{{count}} linked cases', back: 'Back', tile: 'Circle projects', tileSub: 'The 15-minute circle\'s projects and their progress' },
};

i18n.addResourceBundle('zh-CN', 'translation', { analytics: analyticsZh }, true, false);
i18n.addResourceBundle('en', 'translation', { analytics: analyticsEn }, true, false);
