// Texts of the staff's volunteer pages (志愿队伍, 志愿活动与微讲堂, 党员亮身份), registered into i18next at module load
// under `volunteers`, plus their menu labels.
import { i18n } from '../../lib/i18n.ts';

export const volunteersZh = {
  ok: '确定', cancel: '取消', none: '无', more: '加载更多', required: '请填写{{field}}', done: '已完成',
  colours: { red: '民聚红', gold: '民兴金', orange: '民和橙', green: '民康绿', blue: '民安蓝' },
  teams: {
    title: '志愿队伍', subtitle: '本社区的五色志愿服务队：民聚红 · 民兴金 · 民和橙 · 民康绿 · 民安蓝',
    create: '组建队伍', empty: '本社区还没有志愿队伍。', members: '{{count}} 名队员', leader: '队长：{{name}}', noLeader: '未设队长', focus: '服务方向',
    open: '队员', memberList: '队员名单', addMember: '添加队员', addOk: '已加入队伍', remove: '移出', removeConfirm: '将 {{name}} 移出队伍吗？', removeOk: '已移出',
    mcol: { name: '姓名', grid: '网格', joinedAt: '加入时间', hours: '今年服务时长', actions: '操作' },
    hours: '{{count}} 小时', noMembers: '还没有队员。', person: '居民', personPh: '输入姓名或身份证号搜索人口台账',
    form: { title: '组建志愿队伍', colour: '队伍', name: '队名', focus: '服务方向', leader: '队长姓名', missing: '本社区五支队伍都已组建。' },
  },
  activities: {
    title: '志愿活动与微讲堂', subtitle: '志愿服务活动与微讲堂：发布、报名、签到签退、服务时长与积分',
    create: '发布活动', empty: '没有符合条件的活动。',
    kinds: { activity: '志愿活动', lecture: '微讲堂' },
    statuses: { open: '报名中', done: '已结束', cancelled: '已取消' },
    filter: { kind: '全部类型', status: '全部状态', upcoming: '只看未结束' },
    col: { title: '活动', kind: '类型', team: '队伍', time: '时间', place: '地点', signups: '报名', checkedIn: '签到', hours: '时长', status: '状态' },
    capacity: '{{signups}} / {{capacity}}', noTeam: '不限队伍', speaker: '主讲：{{name}}', back: '返回活动列表',
    detail: {
      time: '时间', place: '地点', team: '队伍', speaker: '主讲人', capacity: '名额', unlimited: '不限', body: '活动内容', org: '社区',
      signups: '报名名单', signUp: '代为报名', signUpOk: '已报名', checkIn: '签到', checkInOk: '已签到', checkOut: '签退', checkOutOk: '已签退，服务 {{hours}} 小时{{points}}',
      pointsPart: '，记 {{points}} 分', qr: '签到二维码', qrHint: '请参加者用手机扫码签到', markDone: '结束活动', doneOk: '活动已结束', cancelAct: '取消活动',
      cancelConfirm: '取消后报名的居民将看到活动已取消。确定取消吗？', cancelledOk: '活动已取消', noSignups: '还没有人报名。', full: '名额已满',
      totals: '报名 {{signups}} 人，签到 {{checkedIn}} 人，共 {{hours}} 小时',
    },
    scol: { name: '姓名', signedUpAt: '报名时间', checkedInAt: '签到', checkedOutAt: '签退', hours: '时长（小时）', points: '积分', actions: '操作' },
    form: {
      title: '发布活动', kind: '类型', name: '活动名称', namePh: '例如：春晖苑楼道清理', body: '活动内容', speaker: '主讲人', speakerPh: '微讲堂须填写主讲人',
      place: '地点', placePh: '例如：春晖社区党群服务中心', time: '时间', capacity: '名额', capacityPh: '不填为不限', team: '队伍',
      speakerNeeded: '微讲堂须填写主讲人', timeNeeded: '请选择开始和结束时间',
    },
  },
  party: {
    title: '党员亮身份', subtitle: '党员亮身份、践承诺、评星级，以及服务的微阵地',
    year: '年度', badge: '党员', empty: '本辖区人口台账中没有党员。', posts: '微阵地', addPost: '新增微阵地', noPosts: '还没有微阵地。',
    col: { name: '姓名', grid: '网格', post: '微阵地', commitments: '承诺事项', stars: '星级', actions: '操作' },
    noCommitments: '未填写', editCommitments: '承诺', rate: '评星',
    commitTitle: '{{name}} 的 {{year}} 年承诺', commitment: '承诺事项', commitmentPh: '例如：每月走访独居老人两次', addCommitment: '添加一项', post: '服务的微阵地', noPost: '未选择',
    commitOk: '承诺已保存', rateTitle: '为 {{name}} 评定 {{year}} 年星级', starsNote: '评定说明', rateOk: '星级已评定', starsNeeded: '请选择星级',
    pcol: { name: '名称', address: '地址' },
    postForm: { title: '新增微阵地', name: '名称', namePh: '例如：春晖苑党员先锋岗', address: '地址' }, postOk: '微阵地已新增',
  },
};

export const volunteersEn: typeof volunteersZh = {
  ok: 'OK', cancel: 'Cancel', none: 'None', more: 'Load more', required: '{{field}} is required', done: 'Done',
  colours: { red: 'Red team', gold: 'Gold team', orange: 'Orange team', green: 'Green team', blue: 'Blue team' },
  teams: {
    title: 'Volunteer teams', subtitle: 'The community\'s five-colour volunteer teams',
    create: 'Form a team', empty: 'The community has no volunteer team yet.', members: '{{count}} members', leader: 'Leader: {{name}}', noLeader: 'No leader', focus: 'Focus',
    open: 'Members', memberList: 'Members', addMember: 'Add member', addOk: 'Added to the team', remove: 'Remove', removeConfirm: 'Remove {{name}} from the team?', removeOk: 'Removed',
    mcol: { name: 'Name', grid: 'Grid', joinedAt: 'Joined', hours: 'Hours this year', actions: 'Actions' },
    hours: '{{count}} h', noMembers: 'No members yet.', person: 'Resident', personPh: 'Search the registry by name or ID number',
    form: { title: 'Form a volunteer team', colour: 'Team', name: 'Name', focus: 'Focus', leader: 'Leader\'s name', missing: 'All five teams of the community exist.' },
  },
  activities: {
    title: 'Activities and talks', subtitle: 'Volunteer activities and 微讲堂 talks: publish, sign-up, check-in and out, hours and points',
    create: 'Publish', empty: 'No activity matches.',
    kinds: { activity: 'Activity', lecture: 'Talk' },
    statuses: { open: 'Open', done: 'Done', cancelled: 'Cancelled' },
    filter: { kind: 'All kinds', status: 'All statuses', upcoming: 'Upcoming only' },
    col: { title: 'Activity', kind: 'Kind', team: 'Team', time: 'Time', place: 'Place', signups: 'Signed up', checkedIn: 'Checked in', hours: 'Hours', status: 'Status' },
    capacity: '{{signups}} / {{capacity}}', noTeam: 'Any team', speaker: 'Speaker: {{name}}', back: 'Back to activities',
    detail: {
      time: 'Time', place: 'Place', team: 'Team', speaker: 'Speaker', capacity: 'Places', unlimited: 'Unlimited', body: 'What it is', org: 'Community',
      signups: 'Sign-ups', signUp: 'Sign someone up', signUpOk: 'Signed up', checkIn: 'Check in', checkInOk: 'Checked in', checkOut: 'Check out', checkOutOk: 'Checked out: {{hours}} h{{points}}',
      pointsPart: ', {{points}} points', qr: 'Check-in QR code', qrHint: 'Participants scan it with their phone', markDone: 'Mark done', doneOk: 'Activity done', cancelAct: 'Cancel activity',
      cancelConfirm: 'Those signed up will see it cancelled. Cancel it?', cancelledOk: 'Activity cancelled', noSignups: 'Nobody signed up yet.', full: 'Full',
      totals: '{{signups}} signed up, {{checkedIn}} checked in, {{hours}} h in all',
    },
    scol: { name: 'Name', signedUpAt: 'Signed up', checkedInAt: 'In', checkedOutAt: 'Out', hours: 'Hours', points: 'Points', actions: 'Actions' },
    form: {
      title: 'Publish an activity', kind: 'Kind', name: 'Title', namePh: 'e.g. Stairwell clean-up', body: 'What it is', speaker: 'Speaker', speakerPh: 'Required for a talk',
      place: 'Place', placePh: 'e.g. Community service centre', time: 'Time', capacity: 'Places', capacityPh: 'Empty: unlimited', team: 'Team',
      speakerNeeded: 'A talk needs its speaker', timeNeeded: 'Choose the start and the end',
    },
  },
  party: {
    title: 'Party members', subtitle: 'Party members show who they are, make commitments and are rated with stars; the posts where they serve',
    year: 'Year', badge: 'Party', empty: 'No party member in the registry of your area.', posts: 'Service posts', addPost: 'Add post', noPosts: 'No post yet.',
    col: { name: 'Name', grid: 'Grid', post: 'Post', commitments: 'Commitments', stars: 'Stars', actions: 'Actions' },
    noCommitments: 'None yet', editCommitments: 'Commitments', rate: 'Rate',
    commitTitle: 'Commitments of {{name}} for {{year}}', commitment: 'Commitment', commitmentPh: 'e.g. visit lone elderly twice a month', addCommitment: 'Add one', post: 'Service post', noPost: 'None',
    commitOk: 'Commitments saved', rateTitle: 'Stars of {{name}} for {{year}}', starsNote: 'Note', rateOk: 'Stars given', starsNeeded: 'Choose the stars',
    pcol: { name: 'Name', address: 'Address' },
    postForm: { title: 'Add a service post', name: 'Name', namePh: 'e.g. Party pioneer post', address: 'Address' }, postOk: 'Post added',
  },
};

const navZh = { volunteerTeams: '志愿队伍', volunteerActivities: '志愿活动', partyMembers: '党员亮身份' };
const navEn: typeof navZh = { volunteerTeams: 'Volunteer teams', volunteerActivities: 'Activities and talks', partyMembers: 'Party members' };

i18n.addResourceBundle('zh-CN', 'translation', { volunteers: volunteersZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { volunteers: volunteersEn, nav: navEn }, true, false);
