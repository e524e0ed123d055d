// Texts of the resident's phone pages of 微积分: 我的积分 (balance, entries with reasons, 户自查, the published rules) and
// 积分超市 (goods, redeem, pickup codes), registered into i18next at module load under `ptm`.
import { i18n } from '../../../lib/i18n.ts';

export const ptmZh = {
  common: { loading: '正在加载…', retry: '重试', cancel: '取消', points: '{{count}} 分', submit: '提交' },
  mine: {
    title: '我的积分', balance: '家庭积分', household: '{{name}} 家', earned: '今年已得 {{count}} 分', members: '家庭成员：{{names}}',
    veto: '因“{{rule}}”，{{until}} 前不能兑换积分', entries: '积分明细', noEntries: '还没有积分记录', more: '加载更多',
    reversed: '已更正', correction: '更正', notInRegistry: '您还没有登记在社区的人口台账里，暂时没有家庭积分。请联系网格员登记。',
    kinds: { award: '加分', deduction: '扣分', redemption: '兑换', reversal: '更正', veto: '一票否决' },
    toShop: '去积分超市',
  },
  self: {
    title: '本月户自查（{{period}}）', intro: '对照下面的细则，把您家这个月做到的勾上，网格员会组织邻里互评，社区再评定加分。',
    claim: '做到了', note: '说明（可不填）', send: '提交自查', sent: '自查已提交，等待邻里互评', none: '本社区还没有可自查的细则',
    status: { selfReported: '已自查，等待邻里互评', peerReviewed: '邻里已互评，等待社区评定', approved: '社区已评定', returned: '已退回，请重新自查' },
    awarded: '本次加 {{count}} 分', nothing: '请至少勾选一项', peerNo: '邻里互评：未认可', approvedNo: '社区评定：未通过',
  },
  rules: {
    title: '积分细则', none: '社区还没有公布积分细则', publishedAt: '{{org}} · {{date}} 公布',
    kinds: { base: '基础分', bonus: '加分项', minus: '减分项', veto: '一票否决' },
    plus: '+{{count}} 分', minus: '−{{count}} 分', cap: '每{{period}}最多 {{count}} 分', vetoMonths: '{{months}} 个月内不能兑换',
    periods: { month: '月', quarter: '季度', year: '年' }, person: '按人计', household: '按户计',
    auto: { caseClosed: '反映的问题办结后自动加分', volunteerHour: '志愿服务按小时自动加分', meetingAttended: '参加议事自动加分', helpDone: '帮邻居办完事自动加分', ideaAccepted: '金点子被采纳自动加分' },
  },
  shop: {
    title: '积分超市', balance: '可用积分', goods: '可兑换的物品', none: '超市里暂时没有物品', stock: '还剩 {{count}} 件', soldOut: '暂时没货',
    price: '{{count}} 分', redeem: '兑换', qty: '数量', confirmTitle: '兑换“{{name}}”', confirmBody: '将用去 {{points}} 分，兑换后请在 {{days}} 天内到社区积分超市凭取货码领取。',
    confirm: '确认兑换', done: '兑换成功', code: '取货码', codeHint: '到社区积分超市，报这 6 位取货码领取', expires: '{{date}} 前领取',
    mine: '我的兑换', noMine: '还没有兑换记录', short: '积分不够，还差 {{count}} 分', vetoed: '暂时不能兑换',
    status: { reserved: '待领取', pickedUp: '已领取', expired: '已过期（积分已退回）', cancelled: '已取消（积分已退回）' },
    cancel: '不要了', cancelled: '已取消，积分和物品已退回', cancelAsk: '取消这次兑换？积分会退回。',
    less: '减少', moreQty: '增加',
  },
};

export const ptmEn: typeof ptmZh = {
  common: { loading: 'Loading…', retry: 'Retry', cancel: 'Cancel', points: '{{count}} points', submit: 'Submit' },
  mine: {
    title: 'My points', balance: 'Household points', household: 'The {{name}} household', earned: '{{count}} earned this year', members: 'Members: {{names}}',
    veto: 'Because of "{{rule}}", no redemptions until {{until}}', entries: 'History', noEntries: 'No points yet', more: 'Load more',
    reversed: 'Corrected', correction: 'Correction', notInRegistry: 'You are not yet in the community\'s register, so there are no household points. Ask your grid worker to register you.',
    kinds: { award: 'Award', deduction: 'Deduction', redemption: 'Redemption', reversal: 'Correction', veto: 'Veto' },
    toShop: 'Go to the points shop',
  },
  self: {
    title: 'This month\'s self-check ({{period}})', intro: 'Tick what your household did this month; the grid worker gathers the neighbours\' review and the community decides the points.',
    claim: 'Done', note: 'Note (optional)', send: 'Send my self-check', sent: 'Sent: waiting for the neighbours\' review', none: 'The community has no rules to self-check yet',
    status: { selfReported: 'Sent, waiting for the neighbours\' review', peerReviewed: 'Reviewed by neighbours, waiting for the community', approved: 'Decided by the community', returned: 'Returned: please check again' },
    awarded: '{{count}} points this time', nothing: 'Tick at least one', peerNo: 'Neighbours: not agreed', approvedNo: 'Community: not approved',
  },
  rules: {
    title: 'Points rules', none: 'The community has not published its rules yet', publishedAt: '{{org}} · published {{date}}',
    kinds: { base: 'Basic', bonus: 'Bonus', minus: 'Deduction', veto: 'Veto' },
    plus: '+{{count}}', minus: '−{{count}}', cap: 'At most {{count}} a {{period}}', vetoMonths: 'No redemptions for {{months}} months',
    periods: { month: 'month', quarter: 'quarter', year: 'year' }, person: 'Per person', household: 'Per household',
    auto: { caseClosed: 'Awarded when a problem you reported is closed', volunteerHour: 'Awarded per volunteer hour', meetingAttended: 'Awarded for attending a meeting', helpDone: 'Awarded for helping a neighbour', ideaAccepted: 'Awarded when your idea is taken up' },
  },
  shop: {
    title: 'Points shop', balance: 'Points to spend', goods: 'Goods', none: 'Nothing in the shop right now', stock: '{{count}} left', soldOut: 'Out of stock',
    price: '{{count}} points', redeem: 'Redeem', qty: 'Quantity', confirmTitle: 'Redeem "{{name}}"', confirmBody: 'This uses {{points}} points; collect it at the community points shop with the pickup code within {{days}} days.',
    confirm: 'Redeem', done: 'Redeemed', code: 'Pickup code', codeHint: 'Give these 6 digits at the community points shop', expires: 'Collect by {{date}}',
    mine: 'My redemptions', noMine: 'No redemptions yet', short: 'Not enough points: {{count}} short', vetoed: 'Redemptions are paused',
    status: { reserved: 'Waiting for pickup', pickedUp: 'Collected', expired: 'Expired (points returned)', cancelled: 'Cancelled (points returned)' },
    cancel: 'Cancel', cancelled: 'Cancelled: points and goods returned', cancelAsk: 'Cancel this redemption? The points come back.',
    less: 'Fewer', moreQty: 'More',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', { ptm: ptmZh }, true, false);
i18n.addResourceBundle('en', 'translation', { ptm: ptmEn }, true, false);
