// Texts of the step holder's phone page (/m/incidents: my steps of the active incidents, checklists to tick),
// registered into i18next at module load under `mincident`.
import { i18n } from '../../../lib/i18n.ts';

export const mincidentZh = {
  title: '应急处置任务',
  levels: { IV: 'Ⅳ级', III: 'Ⅲ级', II: 'Ⅱ级', I: 'Ⅰ级' },
  drill: '演练',
  mine: '我的步骤', others: '其他步骤 {{count}} 个',
  state: { open: '进行中', done: '已完成', left: '未完成' },
  late: '超时', due: '时限 {{time}}', doneAt: '完成于 {{time}}', order: '打开工单 {{number}}',
  completed: '步骤已完成，工单已提交办结', completedOnly: '步骤已完成', failed: '加载失败', empty: '当前没有需要您处置的应急步骤', emptyHint: '预案启动后，分派给您岗位的步骤会出现在这里',
  progress: '完成 {{done}}/{{total}}', noChecklist: '无检查项，工单办结即完成',
  banner: '应急处置：{{count}} 个步骤待完成', bannerTap: '点击查看',
};

export const mincidentEn: typeof mincidentZh = {
  title: 'Emergency steps',
  levels: { IV: 'Level IV', III: 'Level III', II: 'Level II', I: 'Level I' },
  drill: 'Drill',
  mine: 'My steps', others: '{{count}} other steps',
  state: { open: 'Open', done: 'Done', left: 'Left' },
  late: 'Late', due: 'Due {{time}}', doneAt: 'Done {{time}}', order: 'Open work order {{number}}',
  completed: 'Step done; its work order handed in', completedOnly: 'Step done', failed: 'Could not load', empty: 'No emergency step for you now', emptyHint: 'When a plan starts, the steps given to your post show here',
  progress: '{{done}}/{{total}} done', noChecklist: 'No checklist: done when its work order is handled',
  banner: 'Emergency: {{count}} steps to do', bannerTap: 'Tap to open',
};

i18n.addResourceBundle('zh-CN', 'translation', { mincident: mincidentZh }, true, false);
i18n.addResourceBundle('en', 'translation', { mincident: mincidentEn }, true, false);
