// Texts of the working calendar page (工作日历), registered into i18next at module load under `calendar`, plus its menu label.
import { i18n } from '../../lib/i18n.ts';

export const calendarZh = {
  title: '工作日历', subtitle: '法定节假日与调休上班日，工作日时限按此计算',
  prevYear: '上一年', nextYear: '下一年', year: '{{year}} 年', enterYear: '录入 {{year}} 年',
  missing: '{{year}} 年节假日安排尚未录入：跨年的工作日时限将只按周末计算，法定节假日和调休上班日都不会被考虑。国务院办公厅通知发布后请尽快录入。',
  source: '通知标题', sourcePlaceholder: '国务院办公厅关于{{year}}年部分节假日安排的通知', sourceRequired: '请填写通知标题',
  holidays: '{{count}} 天假日', workdays: '{{count}} 天调休上班',
  save: '保存', discard: '放弃修改', saved: '已保存 {{year}} 年工作日历', unsaved: '有未保存的修改',
  switchTitle: '放弃未保存的修改？', switchBody: '{{year}} 年的修改尚未保存，切换年份将放弃这些修改。', switchOk: '放弃并切换', cancel: '取消',
  leaveBody: '{{year}} 年的修改尚未保存，离开本页将放弃这些修改。', leaveOk: '放弃并离开',
  hint: '点击工作日标记为“休”，点击周六、周日标记为“班”（调休上班）；再次点击取消。',
  readOnly: '仅系统管理员可以修改工作日历',
  updated: '{{at}} 由 {{by}} 录入', updatedNoBy: '{{at}} 录入', notEntered: '尚未录入',
  problemsTitle: '保存未成功，请修改以下日期：',
  legend: { holiday: '法定节假日', workday: '调休上班', weekend: '周末', normal: '工作日' },
  tag: { holiday: '休', workday: '班' },
  months: Array.from({ length: 12 }, (_, i) => `${i + 1}月`), weekdays: ['一', '二', '三', '四', '五', '六', '日'],
  shellMissing: '{{years}} 年节假日未录入', shellMissingTip: '点击录入工作日历',
};

export const calendarEn: typeof calendarZh = {
  title: 'Working calendar', subtitle: 'Public holidays and swapped working days; working-day deadlines count on this calendar',
  prevYear: 'Previous year', nextYear: 'Next year', year: '{{year}}', enterYear: 'Enter {{year}}',
  missing: 'The {{year}} holiday schedule has not been entered: working-day deadlines reaching into it count weekends only, ignoring public holidays and swapped working days. Enter it once the State Council publishes its notice.',
  source: 'Notice title', sourcePlaceholder: 'State Council notice on the {{year}} public holidays', sourceRequired: 'Enter the title of the notice',
  holidays: 'Holidays: {{count}}', workdays: 'Swapped working days: {{count}}',
  save: 'Save', discard: 'Discard changes', saved: 'Working calendar {{year}} saved', unsaved: 'Unsaved changes',
  switchTitle: 'Discard unsaved changes?', switchBody: 'The changes to {{year}} are not saved; switching year discards them.', switchOk: 'Discard and switch', cancel: 'Cancel',
  leaveBody: 'The changes to {{year}} are not saved; leaving this page discards them.', leaveOk: 'Discard and leave',
  hint: 'Click a weekday to mark it a holiday, a Saturday or Sunday to mark it a working day; click again to undo.',
  readOnly: 'Only administrators can change the working calendar',
  updated: 'Entered {{at}} by {{by}}', updatedNoBy: 'Entered {{at}}', notEntered: 'Not entered',
  problemsTitle: 'Not saved; correct these dates:',
  legend: { holiday: 'Public holiday', workday: 'Swapped working day', weekend: 'Weekend', normal: 'Working day' },
  tag: { holiday: 'H', workday: 'W' },
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'], weekdays: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
  shellMissing: '{{years}} holidays not entered', shellMissingTip: 'Open the working calendar',
};

const navZh = { calendar: '工作日历' };
const navEn: typeof navZh = { calendar: 'Working calendar' };

i18n.addResourceBundle('zh-CN', 'translation', { calendar: calendarZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { calendar: calendarEn, nav: navEn }, true, false);
