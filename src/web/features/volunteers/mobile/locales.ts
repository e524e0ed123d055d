// Texts of the resident's phone page of 志愿服务 (the five-colour teams, activities and 微讲堂, sign-up, my hours),
// registered into i18next at module load under `vm`.
import { i18n } from '../../../lib/i18n.ts';

export const vmZh = {
  title: '志愿服务', intro: '五色志愿服务队：民聚红、民兴金、民和橙、民康绿、民安蓝。报名参加活动，服务时长可以换积分。',
  hours: '今年服务时长', hoursValue: '{{count}} 小时', activitiesCount: '参加活动 {{count}} 次', myTeams: '我加入的队伍：{{names}}', noTeams: '还没有加入志愿队',
  notInRegistry: '您还没有登记在社区的人口台账里，可以看，但还不能报名。请联系网格员登记。',
  tabs: { activity: '志愿活动', lecture: '微讲堂', teams: '志愿队伍', mine: '我的报名' },
  empty: '最近没有活动', emptyMine: '您还没有报名', emptyTeams: '社区还没有志愿队',
  when: '时间', place: '地点', speaker: '主讲：{{name}}', team: '{{name}}', signups: '已报名 {{count}} 人', capacity: '限 {{count}} 人', full: '名额已满',
  signUp: '我要报名', signedUp: '已报名', signedUpOk: '报名成功，请按时参加', checkedIn: '已签到', served: '服务 {{hours}} 小时',
  join: '加入', joined: '已加入', joinOk: '已加入{{name}}', members: '{{count}} 名队员', leader: '队长：{{name}}',
  status: { open: '报名中', done: '已结束', cancelled: '已取消' },
};

export const vmEn: typeof vmZh = {
  title: 'Volunteering', intro: 'The five-colour volunteer teams: red, gold, orange, green and blue. Sign up for activities; volunteer hours earn points.',
  hours: 'Hours this year', hoursValue: '{{count}} h', activitiesCount: '{{count}} activities', myTeams: 'My teams: {{names}}', noTeams: 'Not in a team yet',
  notInRegistry: 'You are not yet in the community\'s register: you can read, but not sign up. Ask your grid worker to register you.',
  tabs: { activity: 'Activities', lecture: 'Talks', teams: 'Teams', mine: 'My sign-ups' },
  empty: 'No activities lately', emptyMine: 'You have not signed up', emptyTeams: 'No teams yet',
  when: 'When', place: 'Where', speaker: 'Speaker: {{name}}', team: '{{name}}', signups: '{{count}} signed up', capacity: '{{count}} places', full: 'Full',
  signUp: 'Sign up', signedUp: 'Signed up', signedUpOk: 'Signed up: see you there', checkedIn: 'Checked in', served: '{{hours}} h served',
  join: 'Join', joined: 'Member', joinOk: 'You joined {{name}}', members: '{{count}} members', leader: 'Leader: {{name}}',
  status: { open: 'Open', done: 'Ended', cancelled: 'Cancelled' },
};

i18n.addResourceBundle('zh-CN', 'translation', { vm: vmZh }, true, false);
i18n.addResourceBundle('en', 'translation', { vm: vmEn }, true, false);
