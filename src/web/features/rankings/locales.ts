// Texts of the 赛马比拼 pages (desktop board and bulletins, the leaders' phone board), registered under `rank`.
import { i18n } from '../../lib/i18n.ts';

export const rankZh = {
  title: '赛马比拼', subtitle: '各网格、社区、街道按指标或星级排名，与上期相比的名次变化；生成并下载线上通报',
  level: '层级', indicator: '指标', period: '统计期', unit: '范围', stars: '星级',
  levels: { grid: '网格', community: '社区', town: '街道' },
  col: { rank: '名次', name: '单位', value: '数值', stars: '星级', movement: '较上期', previousRank: '上期名次' },
  up: '上升{{n}}位', down: '下降{{n}}位', same: '持平', newcomer: '无上期名次', unranked: '无数据',
  chartCaption: '{{indicator}}排名前十', chartUnit: '单位',
  bulletins: '线上通报', generate: '生成本期通报', generated: '通报已生成', download: '下载', view: '查看',
  bulletinCol: { title: '标题', period: '统计期', by: '生成人', at: '生成时间', actions: '操作' },
  noBulletins: '还没有通报。', empty: '该范围内没有可排名的单位。',
  snapshot: { top: '排名靠前', bottom: '排名靠后', risers: '进步较大', fallers: '退步较大', reds: '亮红灯指标', noReds: '本期无亮红灯指标。', units: '参与排名 {{n}} 个', none: '无' },
  mobile: { title: '赛马比拼', unranked: '另有 {{count}} 个单位本期暂无数据', failed: '加载失败', retry: '重试', indicators: { stars: '星级', closeRate: '结案率', onTimeCloseRate: '按期结案率', satisfiedRate: '满意率', taskCompletionRate: '任务完成率' } },
};

export const rankEn: typeof rankZh = {
  title: 'Rankings', subtitle: 'Grids, communities and towns ranked by an indicator or by stars, with the movement since the period before; generate and download the bulletin',
  level: 'Level', indicator: 'Indicator', period: 'Period', unit: 'Under', stars: 'Stars',
  levels: { grid: 'Grids', community: 'Communities', town: 'Towns' },
  col: { rank: 'Rank', name: 'Unit', value: 'Value', stars: 'Stars', movement: 'Movement', previousRank: 'Previous rank' },
  up: 'Up {{n}}', down: 'Down {{n}}', same: 'Same', newcomer: 'No previous rank', unranked: 'No value',
  chartCaption: 'Top ten by {{indicator}}', chartUnit: 'Unit',
  bulletins: 'Bulletins', generate: 'Generate this period\'s bulletin', generated: 'Bulletin generated', download: 'Download', view: 'View',
  bulletinCol: { title: 'Title', period: 'Period', by: 'By', at: 'Generated', actions: 'Actions' },
  noBulletins: 'No bulletins yet.', empty: 'No units to rank here.',
  snapshot: { top: 'Top', bottom: 'Bottom', risers: 'Rose most', fallers: 'Fell most', reds: 'Red indicators', noReds: 'No red indicators this period.', units: '{{n}} ranked', none: 'None' },
  mobile: { title: 'Rankings', unranked: '{{count}} more units have no value this period', failed: 'Failed to load', retry: 'Retry', indicators: { stars: 'Stars', closeRate: 'Closing', onTimeCloseRate: 'On time', satisfiedRate: 'Satisfied', taskCompletionRate: 'Tasks' } },
};

i18n.addResourceBundle('zh-CN', 'translation', { rank: rankZh }, true, false);
i18n.addResourceBundle('en', 'translation', { rank: rankEn }, true, false);
