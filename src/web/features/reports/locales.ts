// Texts of 一表通 (report forms, their preview, Excel and PDF, the form editor and the fills kept), registered into
// i18next at module load under `reports`.
import { i18n } from '../../lib/i18n.ts';

export const reportsZh = {
  title: '一表通', subtitle: '报表由系统按指标口径自动生成，下级数据自动汇总，无需手工填报',
  forms: '报表', standard: '标准报表', own: '{{town}}自定义', newForm: '新建报表', edit: '编辑', empty: '还没有报表。',
  rowKinds: { children: '按下级单位分行', months: '按月份分行' },
  periodKinds: { month: '月报', quarter: '季报', year: '年报' },
  columns: '{{count}} 项指标',
  unit: '填报单位', period: '统计周期', pickForm: '请在左侧选择一张报表。',
  excel: '导出 Excel', pdf: '导出 PDF', saved: '已生成并保存：{{name}}',
  rowHead: { children: '单位', months: '月份' },
  unitHeading: { percent: '%', count: '个', score: '分', perTenThousand: '每万人', minutes: '分钟' },
  totalNote: '合计行按下级（或各月）的分子、分母汇总后计算，比率不是各行之和或平均；“—”表示该期没有可计算的分母。',
  fills: '填报记录', noFills: '还没有填报记录。', download: '重新下载',
  fcol: { form: '报表', unit: '单位', period: '周期', format: '格式', by: '填报人', at: '时间', actions: '操作' },
  editor: {
    newTitle: '新建报表', editTitle: '编辑报表', name: '报表名称', namePh: '例如：社区网格化服务管理季报', description: '说明',
    rowKind: '行', periodKind: '报送周期', columns: '列（按选择顺序排列）', columnsPh: '选择指标或指标项',
    indicators: '指标', measures: '指标项（计数）', required: '请填写{{field}}', save: '保存', saved: '报表已保存', archive: '停用报表',
    archiveConfirm: '停用后该报表不再列出，已有的填报记录保留。确定停用吗？', archived: '报表已停用',
    monthsNeedQuarter: '按月份分行的报表须按季或按年报送',
  },
};

export const reportsEn: typeof reportsZh = {
  title: 'Reports', subtitle: 'Report forms filled from the indicators, lower levels rolled up — nobody types a figure the system has',
  forms: 'Forms', standard: 'Standard form', own: '{{town}}\'s own', newForm: 'New form', edit: 'Edit', empty: 'No form yet.',
  rowKinds: { children: 'A row per sub-unit', months: 'A row per month' },
  periodKinds: { month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' },
  columns: '{{count}} indicators',
  unit: 'Unit', period: 'Period', pickForm: 'Choose a form on the left.',
  excel: 'Export Excel', pdf: 'Export PDF', saved: 'Made and kept: {{name}}',
  rowHead: { children: 'Unit', months: 'Month' },
  unitHeading: { percent: '%', count: 'no.', score: 'pts', perTenThousand: 'per 10k', minutes: 'min' },
  totalNote: 'The total adds up the rows\' numerators and denominators before dividing: a rate is not the sum or mean of the rows; "—" means no denominator in the period.',
  fills: 'Fills kept', noFills: 'No fill yet.', download: 'Download again',
  fcol: { form: 'Form', unit: 'Unit', period: 'Period', format: 'Format', by: 'By', at: 'At', actions: 'Actions' },
  editor: {
    newTitle: 'New report form', editTitle: 'Edit report form', name: 'Name', namePh: 'e.g. Community grid service quarterly', description: 'Description',
    rowKind: 'Rows', periodKind: 'Filled per', columns: 'Columns (in the order chosen)', columnsPh: 'Choose indicators or measures',
    indicators: 'Indicators', measures: 'Measures (counts)', required: '{{field}} is required', save: 'Save', saved: 'Form saved', archive: 'Archive form',
    archiveConfirm: 'The form leaves the list; its fills stay. Archive it?', archived: 'Form archived',
    monthsNeedQuarter: 'A form with a row per month is filled per quarter or year',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', { reports: reportsZh }, true, false);
i18n.addResourceBundle('en', 'translation', { reports: reportsEn }, true, false);
