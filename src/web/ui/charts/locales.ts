// Texts of the chart family (the data-table toggle and captions), registered into i18next at module load under `chart`.
import { i18n } from '../../lib/i18n.ts';

export const chartZh = {
  dataTable: '数据表',
  chart: '图表',
  showTable: '以数据表查看',
  showChart: '以图表查看',
  empty: '暂无数据',
  noValue: '—',
};

export const chartEn: typeof chartZh = {
  dataTable: 'Data table',
  chart: 'Chart',
  showTable: 'Show as a data table',
  showChart: 'Show as a chart',
  empty: 'No data',
  noValue: '—',
};

i18n.addResourceBundle('zh-CN', 'translation', { chart: chartZh }, true, false);
i18n.addResourceBundle('en', 'translation', { chart: chartEn }, true, false);
