// Texts of the 体征指标 pages, registered into i18next at module load under `ind`.
import { i18n } from '../../lib/i18n.ts';

export const indZh = {
  title: '体征指标', subtitle: '按板块查看各项指标的数值、目标与红黄绿灯，点开看定义和下级数值；街道可自定义指标、设定目标',
  unit: '单位', period: '统计期', up: '返回上级', retry: '重试', ok: '确定', cancel: '取消', save: '保存', none: '—',
  boards: { party: '党建引领', economy: '经济发展', livelihood: '民生服务', safety: '平安法治', center: '指挥中心' },
  units: { percent: '百分比', count: '个数', score: '分值', perTenThousand: '每万人', minutes: '分钟' },
  directions: { higher: '越高越好', lower: '越低越好' },
  lights: { green: '达标', yellow: '预警', red: '未达标', none: '无目标或无数据' },
  kinds: { count: '计数', ratio: '比率', average: '平均值', perCapita: '人均' },
  col: { name: '指标', value: '数值', target: '目标', light: '状态', previous: '上期', trend: '近六个月', actions: '操作' },
  own: '本街道自定义', standard: '标准指标', detail: '详情', setTarget: '设目标', edit: '编辑', create: '自定义指标',
  targetOwn: '本街道目标', targetCatalog: '默认目标',
  drawer: {
    definition: '定义', formula: '计算公式', direction: '方向', target: '目标', warnBand: '预警范围', board: '板块', unitLabel: '计量单位',
    children: '下级数值', trend: '近六个月趋势', drill: '查看', noChildren: '没有下级单位。', numerator: '分子', denominator: '分母',
    trendCaption: '{{name}}近六个月的数值', month: '月份',
  },
  form: {
    titleNew: '自定义指标', titleEdit: '编辑指标', code: '指标编号', codePh: '例如：greenRepairRate', codeHint: '英文字母开头，可含数字、- 和 _',
    nameZh: '指标名称', nameEn: '英文名称', description: '说明', board: '板块', unit: '计量单位', direction: '方向', kind: '计算方式',
    measures: '统计项', numerator: '分子（相加）', denominator: '分母（相加）', scale: '倍数', scaleHint: '百分比填 100，每万人填 10000',
    target: '目标值', warnBand: '预警范围', warnHint: '未达目标但差距在此范围内亮黄灯', required: '请填写{{field}}',
    created: '指标已创建', saved: '已保存', refused: '指标未通过校验：',
  },
  targetForm: { title: '设定本街道目标：{{name}}', target: '目标值', warnBand: '预警范围', clear: '恢复默认目标', saved: '目标已保存' },
  empty: '本板块暂无指标。', noUnit: '请选择单位。',
  sparkline: '{{name}}近六个月',
};

export const indEn: typeof indZh = {
  title: 'Indicators', subtitle: 'Each board\'s indicators with value, target and light; open one for its definition and the units below; a town defines its own and sets targets',
  unit: 'Unit', period: 'Period', up: 'Up one level', retry: 'Retry', ok: 'OK', cancel: 'Cancel', save: 'Save', none: '—',
  boards: { party: 'Party building', economy: 'Economy', livelihood: 'Livelihood', safety: 'Safety and law', center: 'Command center' },
  units: { percent: 'Percent', count: 'Count', score: 'Score', perTenThousand: 'Per 10,000', minutes: 'Minutes' },
  directions: { higher: 'Higher is better', lower: 'Lower is better' },
  lights: { green: 'Met', yellow: 'Warning', red: 'Missed', none: 'No target or no value' },
  kinds: { count: 'Count', ratio: 'Ratio', average: 'Average', perCapita: 'Per capita' },
  col: { name: 'Indicator', value: 'Value', target: 'Target', light: 'Status', previous: 'Previous', trend: 'Six months', actions: 'Actions' },
  own: 'Town\'s own', standard: 'Standard', detail: 'Details', setTarget: 'Set target', edit: 'Edit', create: 'New indicator',
  targetOwn: 'Town target', targetCatalog: 'Default target',
  drawer: {
    definition: 'Definition', formula: 'Formula', direction: 'Direction', target: 'Target', warnBand: 'Warning band', board: 'Board', unitLabel: 'Unit',
    children: 'Units below', trend: 'Six-month trend', drill: 'Open', noChildren: 'No units below.', numerator: 'Numerator', denominator: 'Denominator',
    trendCaption: '{{name}} over six months', month: 'Month',
  },
  form: {
    titleNew: 'New indicator', titleEdit: 'Edit indicator', code: 'Code', codePh: 'e.g. greenRepairRate', codeHint: 'Starts with a letter; digits, - and _',
    nameZh: 'Name (Chinese)', nameEn: 'Name (English)', description: 'Description', board: 'Board', unit: 'Unit', direction: 'Direction', kind: 'Formula',
    measures: 'Measures', numerator: 'Numerator (summed)', denominator: 'Denominator (summed)', scale: 'Scale', scaleHint: '100 for a percentage, 10000 per 10,000 people',
    target: 'Target', warnBand: 'Warning band', warnHint: 'Yellow while short of the target by less than this', required: 'Enter {{field}}',
    created: 'Indicator created', saved: 'Saved', refused: 'The indicator was refused:',
  },
  targetForm: { title: 'Town target: {{name}}', target: 'Target', warnBand: 'Warning band', clear: 'Back to the default', saved: 'Target saved' },
  empty: 'No indicators on this board.', noUnit: 'Choose a unit.',
  sparkline: '{{name}} over six months',
};

i18n.addResourceBundle('zh-CN', 'translation', { ind: indZh }, true, false);
i18n.addResourceBundle('en', 'translation', { ind: indEn }, true, false);
