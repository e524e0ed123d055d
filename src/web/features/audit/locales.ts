// Texts of the audit log page (审计日志), registered into i18next at module load under `audit`, plus its menu label.
import { i18n } from '../../lib/i18n.ts';
import { ACTION_NAMES_EN, ACTION_NAMES_ZH, TARGET_TYPES_EN, TARGET_TYPES_ZH } from './action-names.ts';

export const auditZh = {
  title: '审计日志', subtitle: '登录、查看个人信息、事项与账号变更、网格导入、查阅审计日志等操作的留痕',
  retention: '审计日志只追加、不可修改或删除，每条记录以带密钥的哈希链相连，链头定期锚定到数据库之外；日志保存不少于 6 个月。',
  rangeFrom: '开始时间', rangeTo: '结束时间', action: '操作类型', actor: '操作人', result: '结果', all: '全部', success: '成功', failure: '失败',
  search: '查询', reset: '重置', loadMore: '加载更多', noMore: '已显示全部 {{count}} 条', shown: '已加载 {{count}} 条',
  verify: '校验完整性', verifyOk: '日志链完整（已校验 {{count}} 条）',
  verifyBroken: '日志链在第 {{id}} 条记录处断开：{{reason}}（此前已校验 {{count}} 条）。该记录或其前一条可能被修改或删除。',
  verifyAnchorBroken: '日志链本身完整（已校验 {{count}} 条），但与数据库之外的锚点不符：日志被截断或改写过。',
  reasons: { hash: '记录内容与其哈希不符', link: '记录未链接到前一条记录的哈希', unkeyed: '带密钥的记录之后出现了不带密钥的记录（哈希被不知密钥者重算）' },
  anchorsOk: '外部锚点：已核对 {{count}} 个，最近一次 {{at}}；此后写入的记录尚未锚定。',
  anchorsNone: '外部锚点：暂无（锚点每 10 分钟写一次，服务启动时也写一次），截断日志末尾的行为暂无法发现。',
  anchorsPruned: '其中 {{count}} 个锚点所指记录已超过保存期限并按规定清理。',
  unkeyed: '另有 {{count}} 条升级前的记录只有不带密钥的 SHA-256 哈希，其完整性仅由其后的带密钥记录和锚点佐证。',
  anchorBroken: '外部锚点文件第 {{line}} 行不符：{{reason}}',
  anchorReasons: {
    unreadable: '该行不是有效的锚点', signature: '锚点签名不符（锚点文件被改动，或密钥已更换）',
    rewritten: '锚定的第 {{id}} 条记录已被改写', truncated: '锚定的第 {{id}} 条记录及其后的记录已被删除（日志被截断）',
    deleted: '锚定的第 {{id}} 条记录未到保存期限却已被删除',
  },
  actions: {
    login: '登录', logout: '退出', readContact: '查看个人信息', readTeamContact: '查看网格员电话', matter: '事项变更', account: '账号管理', importGrids: '网格导入', setBoundary: '调整网格边界', calendar: '工作日历', audit: '查阅审计日志', denied: '越权访问被拒',
  },
  actionNames: ACTION_NAMES_ZH,
  targetTypes: TARGET_TYPES_ZH,
  col: { at: '时间', actor: '操作人', ip: 'IP', action: '操作', target: '对象', result: '结果' },
  today: '今天', last7: '近 7 天', last30: '近 30 天', adminOnly: '仅审计管理员和系统管理员可查看',
  detail: '详情', hash: '哈希', noDetail: '无附加信息', anonymous: '（未识别）', targetId: '对象编号', unnamedTarget: '（无名称）',
};

export const auditEn: typeof auditZh = {
  title: 'Audit log', subtitle: 'Trail of sign-ins, reads of personal data, catalog and account changes, grid imports, reads of this log',
  retention: 'The audit log is append-only: entries cannot be edited or deleted, are linked by a keyed hash chain, and its head is anchored outside the database at regular intervals; it is kept for at least 6 months.',
  rangeFrom: 'From', rangeTo: 'To', action: 'Action', actor: 'Actor', result: 'Result', all: 'All', success: 'Success', failure: 'Failure',
  search: 'Search', reset: 'Reset', loadMore: 'Load more', noMore: 'All {{count}} entries shown', shown: '{{count}} entries loaded',
  verify: 'Verify integrity', verifyOk: 'The log chain is intact ({{count}} entries checked)',
  verifyBroken: 'The log chain breaks at entry {{id}}: {{reason}} ({{count}} entries checked before it). That entry or the one before may have been edited or removed.',
  verifyAnchorBroken: 'The chain itself holds ({{count}} entries checked), but it does not match its anchors outside the database: the log was cut short or rewritten.',
  reasons: { hash: 'its content does not match its hash', link: 'it does not link to the previous entry\'s hash', unkeyed: 'an entry without the key follows a keyed one (its hash was recomputed by someone without the key)' },
  anchorsOk: 'Anchors outside the database: {{count}} checked, the latest taken {{at}}; entries written since are not anchored yet.',
  anchorsNone: 'Anchors outside the database: none yet (one is written every 10 minutes and when the server starts), so entries cut off the end of the log would go unnoticed.',
  anchorsPruned: '{{count}} of them point to entries past the retention period, deleted as the rules allow.',
  unkeyed: '{{count}} entries from before the upgrade carry a plain SHA-256 hash without the key; only the keyed entries after them and the anchors vouch for them.',
  anchorBroken: 'Line {{line}} of the anchor file does not hold: {{reason}}',
  anchorReasons: {
    unreadable: 'it is not a valid anchor', signature: 'its signature does not match (the anchor file was edited, or the key was replaced)',
    rewritten: 'anchored entry {{id}} was rewritten', truncated: 'anchored entry {{id}} and every entry after it were removed (the log was cut short)',
    deleted: 'anchored entry {{id}} was removed before its retention period ended',
  },
  actions: {
    login: 'Sign-in', logout: 'Sign-out', readContact: 'Personal data read', readTeamContact: 'Grid team phones read', matter: 'Catalog change', account: 'Account admin', importGrids: 'Grid import', setBoundary: 'Grid boundary changes', calendar: 'Working calendar', audit: 'Audit log reads', denied: 'Access denied',
  },
  actionNames: ACTION_NAMES_EN,
  targetTypes: TARGET_TYPES_EN,
  col: { at: 'Time', actor: 'Actor', ip: 'IP', action: 'Action', target: 'Target', result: 'Result' },
  today: 'Today', last7: 'Last 7 days', last30: 'Last 30 days', adminOnly: 'Auditors and administrators only',
  detail: 'Detail', hash: 'Hash', noDetail: 'No detail', anonymous: '(unknown)', targetId: 'Target ID', unnamedTarget: '(no name)',
};

const navZh = { audit: '审计日志' };
const navEn: typeof navZh = { audit: 'Audit log' };

i18n.addResourceBundle('zh-CN', 'translation', { audit: auditZh, nav: navZh }, true, false);
i18n.addResourceBundle('en', 'translation', { audit: auditEn, nav: navEn }, true, false);
