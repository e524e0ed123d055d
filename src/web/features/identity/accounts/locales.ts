// Texts of 账号管理 and 修改密码, registered into i18next at module load under `accounts`, plus the menu label.
import { i18n } from '../../../lib/i18n.ts';

export const accountsZh = {
  title: '账号管理', subtitle: '本辖区内的工作人员与居民账号：停用后其登录令牌立即失效；连续 5 次密码错误将锁定 15 分钟',
  search: '搜索用户名或姓名', adminOnly: '仅安全管理员可管理账号（三员分立）',
  col: { username: '用户名', name: '姓名', kind: '类型', roles: '角色', status: '状态', actions: '操作' },
  kinds: { staff: '工作人员', resident: '居民' },
  status: { disabled: '已停用', locked: '已锁定', active: '正常' },
  disable: '停用', enable: '启用', unlock: '解锁', self: '不能停用自己的账号',
  disableConfirm: '停用账号「{{name}}」？该账号将无法登录，已登录的会话立即失效。',
  done: { disable: '已停用 {{name}}', enable: '已启用 {{name}}', unlock: '已解锁 {{name}}' },
  password: {
    menu: '修改密码', title: '修改密码', current: '当前密码', next: '新密码', confirm: '确认新密码',
    hint: '至少 8 位，包含字母、数字、符号中的至少两种', currentRequired: '请输入当前密码', nextRequired: '请输入新密码', confirmRequired: '请再次输入新密码',
    TOO_SHORT: '新密码至少 8 位', TOO_LONG: '新密码不能超过 128 位', TOO_SIMPLE: '新密码须包含字母、数字、符号中的至少两种',
    same: '新密码不能与当前密码相同', mismatch: '两次输入的新密码不一致', submit: '确定修改', cancel: '取消',
    done: '密码已修改，其他设备上的登录已退出',
  },
};

export const accountsEn: typeof accountsZh = {
  title: 'Accounts', subtitle: 'Staff and resident accounts in your scope: disabling one stops its tokens at once; 5 wrong passwords lock it for 15 minutes',
  search: 'Search username or name', adminOnly: 'Security administrators only (separation of duties)',
  col: { username: 'Username', name: 'Name', kind: 'Kind', roles: 'Roles', status: 'Status', actions: 'Actions' },
  kinds: { staff: 'Staff', resident: 'Resident' },
  status: { disabled: 'Disabled', locked: 'Locked', active: 'Active' },
  disable: 'Disable', enable: 'Enable', unlock: 'Unlock', self: 'You cannot disable your own account',
  disableConfirm: 'Disable “{{name}}”? The account can no longer sign in and its sessions end at once.',
  done: { disable: 'Disabled {{name}}', enable: 'Enabled {{name}}', unlock: 'Unlocked {{name}}' },
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
