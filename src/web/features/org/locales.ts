// Texts of the org administration (posts and their holders, the duty roster, grid team editing), registered into
// i18next at module load under `orgAdmin`.
import { i18n } from '../../lib/i18n.ts';

export const orgAdminZh = {
  posts: {
    add: '添加岗位', edit: '编辑', setHolders: '设置人员', retire: '撤销', restore: '恢复', showRetired: '显示已撤销岗位',
    retireConfirm: '撤销「{{name}}」？撤销后不再接收新案件，其编码不再使用。', retired: '已撤销',
    code: '岗位编码', codeHelp: '板块字母-岗位字母，如 JJ-CSGX；保存后不可修改', name: '岗位名称', board: '所属板块',
    special: '特设岗', fixed: '固定岗', holderA: 'A 岗', holderB: 'B 岗', backup: '备岗', backupHelp: 'A、B 岗都不在岗时顶岗',
    pickStaff: '选择办理本镇街案件的工作人员', vacant: '无 A/B 岗人员', partial: '缺一名', openCases: '{{count}} 件未办结',
    created: '已添加岗位：{{name}}', saved: '已保存：{{name}}', retiredDone: '已撤销：{{name}}', restored: '已恢复：{{name}}',
    cases: '涉及案件：{{cases}}', required: '请填写', save: '保存', cancel: '取消',
    editTitle: '编辑岗位 · {{name}}', addTitle: '添加岗位', holdersTitle: '设置人员 · {{name}}',
  },
  roster: {
    title: '值班表', subtitle: '指挥中心 24 小时值班：带班领导、白班、夜班',
    thisWeek: '本周', prevWeek: '上一周', nextWeek: '下一周', range: '{{from}} 至 {{to}}',
    shifts: { leader: '带班领导', day: '白班', night: '夜班' }, hours: '{{from}}–{{to}}',
    onDuty: '正在值班', nobody: '未排班', edit: '编辑', save: '保存', discard: '放弃修改', saved: '已保存 {{week}} 值班表',
    updated: '{{at}} 由 {{by}} 保存', notSaved: '本周尚未排班', pick: '选择人员', chooseTown: '选择镇街', pickTown: '请选择镇街',
    weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  },
  team: {
    edit: '编辑团队', add: '添加成员', remove: '移除', role: '角色', name: '姓名', phone: '电话', phoneKeep: '不修改',
    account: '关联账号', accountNone: '无账号（以姓名加入）', save: '保存', cancel: '取消', saved: '已保存网格团队',
    title: '编辑网格团队 · {{name}}', nameRequired: '请填写姓名', phoneInvalid: '请填写手机号或带区号的固定电话',
    handoverTitle: '离开团队成员的案件', handoverHint: '{{names}} 还有本网格 {{count}} 件未办结案件。',
    successor: '交给接任网格员（专职网格员优先）', keep: '由其继续办理（须说明理由）', reason: '理由', reasonRequired: '请填写理由',
    handedOver: '{{count}} 件案件已移交给 {{name}}', kept: '{{count}} 件案件由原网格员继续办理', openCases: '{{count}} 件未办结',
  },
};

export const orgAdminEn: typeof orgAdminZh = {
  posts: {
    add: 'Add post', edit: 'Edit', setHolders: 'Holders', retire: 'Retire', restore: 'Restore', showRetired: 'Show retired posts',
    retireConfirm: 'Retire "{{name}}"? It takes no new cases and its code is not used again.', retired: 'Retired',
    code: 'Code', codeHelp: 'Board letters, a dash, post letters, e.g. JJ-CSGX; fixed once saved', name: 'Name', board: 'Board',
    special: 'Special post', fixed: 'Fixed post', holderA: 'A holder', holderB: 'B holder', backup: 'Back-up', backupHelp: 'Stands in when A and B are both away',
    pickStaff: 'Pick staff who handle this town\'s cases', vacant: 'No A/B holder', partial: 'One holder missing', openCases: '{{count}} open',
    created: 'Post added: {{name}}', saved: 'Saved: {{name}}', retiredDone: 'Retired: {{name}}', restored: 'Restored: {{name}}',
    cases: 'Cases: {{cases}}', required: 'Required', save: 'Save', cancel: 'Cancel',
    editTitle: 'Edit post · {{name}}', addTitle: 'Add post', holdersTitle: 'Holders · {{name}}',
  },
  roster: {
    title: 'Duty roster', subtitle: 'The command center\'s 24-hour watch: leader on duty, day and night shifts',
    thisWeek: 'This week', prevWeek: 'Previous week', nextWeek: 'Next week', range: '{{from}} to {{to}}',
    shifts: { leader: 'Leader on duty', day: 'Day shift', night: 'Night shift' }, hours: '{{from}}–{{to}}',
    onDuty: 'On duty now', nobody: 'Nobody', edit: 'Edit', save: 'Save', discard: 'Discard changes', saved: 'Roster {{week}} saved',
    updated: 'Saved {{at}} by {{by}}', notSaved: 'No roster for this week yet', pick: 'Pick people', chooseTown: 'Choose a town', pickTown: 'Choose a town',
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  },
  team: {
    edit: 'Edit team', add: 'Add member', remove: 'Remove', role: 'Role', name: 'Name', phone: 'Phone', phoneKeep: 'unchanged',
    account: 'Account', accountNone: 'No account (on the team by name)', save: 'Save', cancel: 'Cancel', saved: 'Grid team saved',
    title: 'Edit grid team · {{name}}', nameRequired: 'Enter a name', phoneInvalid: 'Enter a mobile number or a landline with area code',
    handoverTitle: 'Cases of members leaving the team', handoverHint: '{{names}} still hold {{count}} open case(s) of this grid.',
    successor: 'Hand them to the grid\'s new worker (full-time first)', keep: 'They keep them (give a reason)', reason: 'Reason', reasonRequired: 'Give a reason',
    handedOver: '{{count}} case(s) handed to {{name}}', kept: '{{count}} case(s) stay with the leaving member', openCases: '{{count}} open',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', { orgAdmin: orgAdminZh }, true, false);
i18n.addResourceBundle('en', 'translation', { orgAdmin: orgAdminEn }, true, false);
