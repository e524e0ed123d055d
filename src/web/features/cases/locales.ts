// One name per case state, everywhere: the desktop pages (`wcase.status`), the phone and public pages
// (`mcase.status`) and the views' texts (`cviews`) all take them from here, so a closed case is 已办结 on
// every screen. Also the texts of the case views: the leader's overview, the grid worker's desktop and phone map,
// and the workbench's history search. Registered under the `cviews` key.
import { i18n } from '../../lib/i18n.ts';
import type { CaseStatus } from '../../../shared/cases.ts';

export const CASE_STATUS_ZH: Record<CaseStatus, string> = {
  reported: '待受理', accepted: '已受理', dispatched: '已派遣', in_progress: '处置中', handled: '待核查', closed: '已办结', rejected: '不予受理',
};
export const CASE_STATUS_EN: Record<CaseStatus, string> = {
  reported: 'To accept', accepted: 'Accepted', dispatched: 'Dispatched', in_progress: 'In progress', handled: 'To verify', closed: 'Closed', rejected: 'Rejected',
};

export const cviewsZh = {
  status: CASE_STATUS_ZH,
  overview: {
    title: '案卷总览', subtitle: '全镇街案卷的时限灯、今日数据与案卷清单（只读）', today: '今日 {{day}}',
    reportedToday: '今日上报', acceptedToday: '今日受理', closedToday: '今日办结', open: '在办案卷', overdue: '超时', escalated: '已提级',
    avgAccept: '平均受理用时', minutes: '{{value}} 分钟', underMinute: '<1 分钟', none: '—', lights: '时限灯', byCategory: '在办案卷 · 按类别', byBoard: '在办案卷 · 按板块',
    noBoard: '未派至板块岗位', list: '案卷清单', empty: '暂无在办案卷', readOnly: '只读',
  },
  grid: {
    title: '我的网格', subtitle: '本网格的在办案卷：地图按时限灯着色，点击查看详情', open: '在办 {{count}} 件', list: '在办案卷', history: '已办结与不予受理',
    noGrid: '您的账号未关联网格', phone: '手机端', mapTitle: '网格地图',
  },
  mobileMap: {
    title: '网格地图', tile: '网格地图', tileSub: '本网格在办案卷', count: '本网格在办案卷 {{count}} 件', empty: '本网格暂无在办案卷',
    desktop: '在电脑上登录可查看网格地图与全部案卷', legend: '时限灯',
  },
  history: {
    tab: '历史查询', search: '编号、描述或地址', status: '状态', category: '问题类别', grid: '网格', channel: '来源渠道', dates: '上报日期',
    from: '开始日期', to: '结束日期', apply: '查询', reset: '重置', total: '共 {{count}} 件', prev: '上一页', next: '下一页',
    page: '第 {{page}} 页', reportedAt: '上报时间', updatedAt: '更新时间', empty: '没有符合条件的案卷',
  },
};

export const cviewsEn: typeof cviewsZh = {
  status: CASE_STATUS_EN,
  overview: {
    title: 'Case overview', subtitle: 'SLA lights, today\'s figures and every case of the town (read-only)', today: 'Today {{day}}',
    reportedToday: 'Reported today', acceptedToday: 'Accepted today', closedToday: 'Closed today', open: 'Open', overdue: 'Overdue', escalated: 'Escalated',
    avgAccept: 'Average time to accept', minutes: '{{value}} min', underMinute: '<1 min', none: '—', lights: 'SLA lights', byCategory: 'Open cases by category', byBoard: 'Open cases by board',
    noBoard: 'Not with a board post', list: 'Cases', empty: 'No open cases', readOnly: 'Read-only',
  },
  grid: {
    title: 'My grid', subtitle: 'The open cases of your grid, coloured by SLA light; click one for its details', open: '{{count}} open', list: 'Open cases', history: 'Closed and rejected',
    noGrid: 'Your account has no grid', phone: 'Phone', mapTitle: 'Grid map',
  },
  mobileMap: {
    title: 'Grid map', tile: 'Grid map', tileSub: 'Open cases here', count: '{{count}} open cases in your grid', empty: 'No open cases in your grid',
    desktop: 'Sign in on a computer for the grid map and every case', legend: 'SLA light',
  },
  history: {
    tab: 'History', search: 'Number, description or address', status: 'Status', category: 'Category', grid: 'Grid', channel: 'Channel', dates: 'Reported',
    from: 'From', to: 'To', apply: 'Search', reset: 'Reset', total: '{{count}} cases', prev: 'Previous', next: 'Next',
    page: 'Page {{page}}', reportedAt: 'Reported', updatedAt: 'Updated', empty: 'No case matches',
  },
};

/** Menu labels of the views. */
const navZh = { overview: '案卷总览', myGrid: '我的网格' };
const navEn: typeof navZh = { overview: 'Case overview', myGrid: 'My grid' };

i18n.addResourceBundle('zh-CN', 'translation', { cviews: cviewsZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { cviews: cviewsEn, nav: navEn }, true, false);
