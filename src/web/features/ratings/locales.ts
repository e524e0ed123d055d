// Texts of the ratings pages (三级五星评价: /ratings, 反向评价 /ratings/departments, the grid worker's 本月星级 on the phone),
// registered into i18next at module load under `ratings`.
import { i18n } from '../../lib/i18n.ts';

export const ratingsZh = {
  title: '三级五星评价', subtitle: '网格、社区、街道按评分细则逐月评定星级；公布后被评单位可查看得分明细并申诉',
  levels: { grid: '网格', community: '社区', town: '街道' },
  status: { computed: '待公布', published: '已公布' },
  appealStatus: { open: '待答复', upheld: '申诉成立', rejected: '维持原评' },
  period: '评定周期', periodKinds: { month: '月度', quarter: '季度', year: '年度' },
  compute: '计算本期', computeOk: '已计算 {{count}} 个单位', publish: '公布结果', publishOk: '已公布 {{count}} 个单位',
  publishConfirm: '公布后被评单位及同街道单位均可查看，被评单位可申诉。确定公布吗？',
  counts: '待公布 {{computed}} · 已公布 {{published}}', empty: '本期还没有评定结果。', emptyJudge: '本期还没有评定结果，可点击「计算本期」。',
  col: { rank: '名次', unit: '单位', parent: '上级', score: '得分', stars: '星级', status: '状态', appeal: '申诉', actions: '操作' },
  detail: '得分明细', open: '查看', score: '{{score}} 分', starsText: '{{count}} 星', noStar: '无星',
  breakdown: { indicator: '指标', value: '本期值', target: '目标', weight: '分值', marks: '满分线 / 零分线', points: '得分' },
  vetoes: '否决项', noVeto: '未触发否决项', vetoCount: '本期 {{count}} 次', adjusted: '经申诉调整',
  appeal: '申诉', appealTitle: '对本期评定提出申诉', reason: '申诉理由', reasonPh: '请写明申诉的事实和理由', reasonRequired: '请填写申诉理由', appealOk: '申诉已提交',
  appealBy: '{{name}} 于 {{at}} 申诉', answerBy: '{{name}} 于 {{at}} 答复', before: '原评定：{{score}} 分 {{stars}} 星', after: '答复后：{{score}} 分 {{stars}} 星',
  answer: '答复申诉', answerTitle: '答复申诉', decision: '答复结论', upheld: '申诉成立', rejected: '维持原评', answerText: '答复意见', answerPh: '请写明核实情况和理由',
  answerRequired: '请填写答复意见', setStars: '调整为', recompute: '按最新数据重新计算', answerOk: '已答复',
  appeals: '申诉', appealsOpen: '待答复申诉 {{count}} 件',
  rules: '评分细则', rulesTitle: '{{level}}评分细则', cityDefault: '沿用全市默认细则', ownRule: '本街道细则（第 {{version}} 版）',
  thresholds: '星级分数线', thresholdText: '五星 ≥ {{t0}}，四星 ≥ {{t1}}，三星 ≥ {{t2}}，二星 ≥ {{t3}}，一星 ≥ {{t4}}',
  close: '关闭', cancel: '取消', ok: '确定', unitNames: { percent: '%', count: '', score: '分', perTenThousand: '/万人', minutes: '分钟' },
  departments: {
    title: '反向评价', subtitle: '街道对承办本街道派遣案件的区级部门逐月评价：响应及时、办理质量、沟通配合（1–5 分）',
    mineTitle: '收到的评价', mineSubtitle: '各街道对本部门办理派遣案件的评价（不显示评价人）',
    col: { department: '部门', town: '街道', cases: '派遣案件', timeliness: '响应及时', quality: '办理质量', cooperation: '沟通配合', mean: '平均', comment: '意见', by: '评价人', actions: '操作' },
    evaluate: '评价', reevaluate: '修改评价', notYet: '未评价', empty: '本月没有向区级部门派遣案件。', emptyMine: '本月还没有收到评价。',
    formTitle: '评价 {{name}}', comment: '意见建议', commentPh: '例如：响应快，个别案件需返工', saved: '评价已保存', summary: '本月共 {{count}} 条评价，平均 {{mean}} 分',
  },
  mobile: {
    tile: '本月星级', tileSub: '本网格上月评定 {{stars}} 星 · {{score}} 分', tileNone: '暂无已公布的评定', title: '我的星级', back: '返回',
    latest: '{{period}} 评定', history: '历次评定', noRating: '本网格还没有已公布的星级评定。',
  },
};

export const ratingsEn: typeof ratingsZh = {
  title: 'Five-star ratings', subtitle: 'Grids, communities and towns are rated each month by the rules; once published the rated see why and may appeal',
  levels: { grid: 'Grids', community: 'Communities', town: 'Towns' },
  status: { computed: 'Not published', published: 'Published' },
  appealStatus: { open: 'Awaiting answer', upheld: 'Upheld', rejected: 'Rejected' },
  period: 'Period', periodKinds: { month: 'Month', quarter: 'Quarter', year: 'Year' },
  compute: 'Compute', computeOk: '{{count}} units computed', publish: 'Publish', publishOk: '{{count}} units published',
  publishConfirm: 'Once published, the rated units and their peers in the town see the results and the rated may appeal. Publish?',
  counts: '{{computed}} not published · {{published}} published', empty: 'No ratings for this period yet.', emptyJudge: 'No ratings for this period yet: compute them.',
  col: { rank: 'Rank', unit: 'Unit', parent: 'Above', score: 'Score', stars: 'Stars', status: 'Status', appeal: 'Appeal', actions: 'Actions' },
  detail: 'Breakdown', open: 'Open', score: '{{score}} points', starsText: '{{count}} stars', noStar: 'No star',
  breakdown: { indicator: 'Indicator', value: 'Value', target: 'Target', weight: 'Weight', marks: 'Full / zero mark', points: 'Points' },
  vetoes: 'Vetoes', noVeto: 'No veto hit', vetoCount: '{{count}} this period', adjusted: 'Changed on appeal',
  appeal: 'Appeal', appealTitle: 'Appeal this rating', reason: 'Reason', reasonPh: 'The facts and why the rating is wrong', reasonRequired: 'Write the reason', appealOk: 'Appeal sent',
  appealBy: 'Appealed by {{name}} on {{at}}', answerBy: 'Answered by {{name}} on {{at}}', before: 'Before: {{score}} points, {{stars}} stars', after: 'After: {{score}} points, {{stars}} stars',
  answer: 'Answer', answerTitle: 'Answer the appeal', decision: 'Decision', upheld: 'Uphold', rejected: 'Reject', answerText: 'Answer', answerPh: 'What was checked and why',
  answerRequired: 'Write the answer', setStars: 'Set to', recompute: 'Recompute from the current figures', answerOk: 'Answered',
  appeals: 'Appeals', appealsOpen: '{{count}} appeals awaiting an answer',
  rules: 'Rules', rulesTitle: 'Rating rule of {{level}}', cityDefault: 'The city\'s default rule', ownRule: 'The town\'s own rule (version {{version}})',
  thresholds: 'Star thresholds', thresholdText: '5 stars ≥ {{t0}}, 4 ≥ {{t1}}, 3 ≥ {{t2}}, 2 ≥ {{t3}}, 1 ≥ {{t4}}',
  close: 'Close', cancel: 'Cancel', ok: 'OK', unitNames: { percent: '%', count: '', score: ' pts', perTenThousand: ' per 10k', minutes: ' min' },
  departments: {
    title: 'Department reviews', subtitle: 'Each month the town rates the district departments it sent cases to: timeliness, quality, cooperation (1–5)',
    mineTitle: 'Reviews received', mineSubtitle: 'The towns\' reviews of your department on the cases they sent (reviewers not shown)',
    col: { department: 'Department', town: 'Town', cases: 'Cases sent', timeliness: 'Timeliness', quality: 'Quality', cooperation: 'Cooperation', mean: 'Mean', comment: 'Comment', by: 'By', actions: 'Actions' },
    evaluate: 'Review', reevaluate: 'Change review', notYet: 'Not reviewed', empty: 'No case was sent to a district department this month.', emptyMine: 'No reviews this month yet.',
    formTitle: 'Review {{name}}', comment: 'Comment', commentPh: 'e.g. quick to respond, a few cases sent back', saved: 'Review saved', summary: '{{count}} reviews this month, mean {{mean}}',
  },
  mobile: {
    tile: 'This month\'s stars', tileSub: 'Last rating of your grid: {{stars}} stars · {{score}} points', tileNone: 'No published rating yet', title: 'My stars', back: 'Back',
    latest: 'Rating of {{period}}', history: 'History', noRating: 'Your grid has no published rating yet.',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', { ratings: ratingsZh }, true, false);
i18n.addResourceBundle('en', 'translation', { ratings: ratingsEn }, true, false);
