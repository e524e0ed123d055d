// Texts of 账号管理 and 修改密码, registered into i18next at module load under `accounts`, plus the menu label.
import { i18n } from '../../../lib/i18n.ts';

export const accountsZh = {
  title: '账号管理', subtitle: '本辖区内的工作人员与居民账号：新建账号发放一次性密码，首次登录须修改；停用后其登录令牌立即失效；连续 5 次密码错误将锁定 15 分钟',
  search: '搜索用户名或姓名', adminOnly: '仅安全管理员可管理账号（三员分立）',
  col: { username: '用户名', name: '姓名', kind: '类型', roles: '角色', status: '状态', actions: '操作' },
  kinds: { staff: '工作人员', resident: '居民' },
  status: { disabled: '已停用', locked: '已锁定', active: '正常' },
  disable: '停用', enable: '启用', unlock: '解锁',
  disableConfirm: '停用账号「{{name}}」？该账号将无法登录，已登录的会话立即失效。',
  done: { disable: '已停用 {{name}}', enable: '已启用 {{name}}', unlock: '已解锁 {{name}}' },
  col2: { scope: '数据范围', phone: '手机号', posts: '岗位' },
  status2: { mustChange: '待改密' },
  create: '新建账号', edit: '编辑', resetPassword: '重置密码', import: '批量导入', template: '下载模板', templateFile: '账号导入模板.xlsx',
  resetConfirm: '为「{{name}}」生成新的一次性密码？其已登录的会话将立即失效，下次登录须修改密码。',
  form: {
    createTitle: '新建账号', editTitle: '编辑账号 · {{name}}', username: '用户名', name: '姓名', phone: '手机号', roles: '角色',
    scope: '数据范围', posts: '岗位（A/B 岗）', save: '保存', cancel: '取消', usernameHint: '3–32 位字母、数字、点、横线或下划线',
    phoneHint: '不修改请留空；当前：{{masked}}', clearPhone: '清除手机号', scopePlaceholder: '从组织架构中选择', postsPlaceholder: '可选：账号占用空缺的 A 岗，否则 B 岗',
    required: '请填写{{field}}', duties: '三员分立：系统管理员、安全管理员、审计管理员只能任选其一', created: '已创建账号 {{name}}（<id>{{username}}</id>）', saved: '已保存 {{name}}（<id>{{username}}</id>）',
    postOption: '{{town}} · {{board}} · {{name}}（A：{{a}}，B：{{b}}）', vacant: '空缺',
  },
  otp: {
    title: '一次性密码', createdTitle: '账号已创建', resetTitle: '密码已重置',
    hint: '请将一次性密码告知「{{name}}」（<id>{{username}}</id>）。它只显示这一次；首次登录后须设置自己的密码。',
    copy: '复制', copied: '已复制', close: '我已记下',
  },
  importer: {
    title: '批量导入账号', hint: '下载模板，每行填写一个工作人员账号后上传（.xlsx，最多 200 行）。任何一行有误都不会创建账号，并列出出错的行、列和原因。',
    drop: '点击或拖入 .xlsx 文件', submit: '导入', cancel: '取消', rejected: '导入未执行：文件中有 {{count}} 处错误，未创建任何账号',
    row: '行', column: '列', problem: '问题', created: '已创建 {{count}} 个账号，一次性密码只显示这一次：', otp: '一次性密码', done: '完成',
  },
  forced: {
    title: '请设置您自己的密码', subtitle: '您使用的是管理员发放的一次性密码。设置新密码后才能继续使用。', current: '一次性密码',
    submit: '设置密码并继续', logout: '退出登录', done: '密码已设置',
  },
  password: {
    menu: '修改密码', title: '修改密码', current: '当前密码', next: '新密码', confirm: '确认新密码',
    hint: '至少 8 位，包含字母、数字、符号中的至少两种', currentRequired: '请输入当前密码', nextRequired: '请输入新密码', confirmRequired: '请再次输入新密码',
    TOO_SHORT: '新密码至少 8 位', TOO_LONG: '新密码不能超过 128 位', TOO_SIMPLE: '新密码须包含字母、数字、符号中的至少两种',
    same: '新密码不能与当前密码相同', mismatch: '两次输入的新密码不一致', submit: '确定修改', cancel: '取消',
    done: '密码已修改，其他设备上的登录已退出',
  },
};

export const accountsEn: typeof accountsZh = {
  title: 'Accounts', subtitle: 'Staff and resident accounts in your scope: a new account gets a one-time password to change at the first sign-in; disabling one stops its tokens at once; 5 wrong passwords lock it for 15 minutes',
  search: 'Search username or name', adminOnly: 'Security administrators only (separation of duties)',
  col: { username: 'Username', name: 'Name', kind: 'Kind', roles: 'Roles', status: 'Status', actions: 'Actions' },
  kinds: { staff: 'Staff', resident: 'Resident' },
  status: { disabled: 'Disabled', locked: 'Locked', active: 'Active' },
  disable: 'Disable', enable: 'Enable', unlock: 'Unlock',
  disableConfirm: 'Disable “{{name}}”? The account can no longer sign in and its sessions end at once.',
  done: { disable: 'Disabled {{name}}', enable: 'Enabled {{name}}', unlock: 'Unlocked {{name}}' },
  col2: { scope: 'Scope', phone: 'Phone', posts: 'Posts' },
  status2: { mustChange: 'Must change password' },
  create: 'New account', edit: 'Edit', resetPassword: 'Reset password', import: 'Import', template: 'Template', templateFile: 'accounts-template.xlsx',
  resetConfirm: 'Give “{{name}}” a new one-time password? Their sessions end at once and they must change it at the next sign-in.',
  form: {
    createTitle: 'New account', editTitle: 'Edit account · {{name}}', username: 'Username', name: 'Name', phone: 'Phone', roles: 'Roles',
    scope: 'Scope', posts: 'Posts (A/B holder)', save: 'Save', cancel: 'Cancel', usernameHint: '3–32 letters, digits, dots, dashes or underscores',
    phoneHint: 'Leave empty to keep it; now: {{masked}}', clearPhone: 'Clear the phone', scopePlaceholder: 'Pick from the org tree', postsPlaceholder: 'Optional: takes a free A place, else B',
    required: 'Enter the {{field}}', duties: 'Separation of duties: only one of system, security and audit administrator', created: 'Created {{name}} (<id>{{username}}</id>)', saved: 'Saved {{name}} (<id>{{username}}</id>)',
    postOption: '{{town}} · {{board}} · {{name}} (A: {{a}}, B: {{b}})', vacant: 'vacant',
  },
  otp: {
    title: 'One-time password', createdTitle: 'Account created', resetTitle: 'Password reset',
    hint: 'Give this one-time password to “{{name}}” (<id>{{username}}</id>). It is shown only now; they set their own at the first sign-in.',
    copy: 'Copy', copied: 'Copied', close: 'I have noted it',
  },
  importer: {
    title: 'Import accounts', hint: 'Download the template, fill in one staff account a row and upload it (.xlsx, at most 200 rows). If any row is wrong, no account is created and every problem is listed by row and column.',
    drop: 'Click or drop an .xlsx file', submit: 'Import', cancel: 'Cancel', rejected: 'Not imported: {{count}} problem(s) in the file, no account was created',
    row: 'Row', column: 'Column', problem: 'Problem', created: 'Created {{count}} accounts; their one-time passwords are shown only now:', otp: 'One-time password', done: 'Done',
  },
  forced: {
    title: 'Set your own password', subtitle: 'You signed in with a one-time password from an administrator. Set a new password to go on.', current: 'One-time password',
    submit: 'Set password and continue', logout: 'Sign out', done: 'Password set',
  },
  password: {
    menu: 'Change password', title: 'Change password', current: 'Current password', next: 'New password', confirm: 'Confirm new password',
    hint: 'At least 8 characters, two of letters, digits and other characters', currentRequired: 'Enter your current password', nextRequired: 'Enter a new password', confirmRequired: 'Repeat the new password',
    TOO_SHORT: 'At least 8 characters', TOO_LONG: 'At most 128 characters', TOO_SIMPLE: 'Mix at least two of letters, digits and other characters',
    same: 'The new password must differ from the current one', mismatch: 'The two new passwords differ', submit: 'Change', cancel: 'Cancel',
    done: 'Password changed; sessions on other devices were signed out',
  },
};

const navZh = { accounts: '账号管理' };
const navEn: typeof navZh = { accounts: 'Accounts' };

i18n.addResourceBundle('zh-CN', 'translation', { accounts: accountsZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { accounts: accountsEn, nav: navEn }, true, false);
