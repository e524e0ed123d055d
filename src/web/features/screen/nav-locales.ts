// The side menu's words for 一屏统揽与赛马比拼 (issue 17); each feature's own words live in its locales.ts.
import { i18n } from '../../lib/i18n.ts';

i18n.addResourceBundle('zh-CN', 'translation', {
  nav: { commandScreen: '指挥大屏', indicators: '体征指标', ratings: '三级五星评价', departmentEvaluations: '部门反向评价', rankings: '赛马比拼', reports: '一表通', hotspots: '高频诉求', circleProjects: '十五分钟服务圈' },
  navGroup: { governance: '一屏统揽' },
}, true, false);
i18n.addResourceBundle('en', 'translation', {
  nav: { commandScreen: 'Command screen', indicators: 'Indicators', ratings: 'Star ratings', departmentEvaluations: 'Department reviews', rankings: 'Rankings', reports: 'Reports', hotspots: 'Frequent demands', circleProjects: '15-minute circle' },
  navGroup: { governance: 'Command and ratings' },
}, true, false);
