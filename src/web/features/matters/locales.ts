// Texts of the duty catalog pages (事项清单), registered into i18next at module load under `matter`.
import { i18n } from '../../lib/i18n.ts';

export const matterZh = {
  title: '事项清单', subtitle: '镇街 / 村(社区) / 网格三级事项：谁来办、在哪级办、多久办结', town: '镇街', chooseTown: '请选择镇街',
  search: '搜索名称、编码或大类', all: '全部', showRetired: '显示已停用', create: '新增事项', edit: '编辑', retire: '停用', versions: '版本',
  retireConfirm: '停用事项「{{name}}」？停用后不能再以该类别上报，已有案卷不受影响。', retired: '已停用', saved: '已保存事项 {{code}}（第 {{version}} 版）',
  retiredDone: '已停用事项 {{code}}', readOnly: '仅系统管理员和领导可编辑事项清单',
  lists: { basic: '基本职责', cooperative: '配合履职', withdrawn: '收回事项' },
  tiers: { grid: '网格', community: '村(社区)', town: '镇街', district: '区县部门' },
  clocks: { accept: '受理', dispatch: '派遣', arrive: '到场', handle: '处置', verify: '核查' },
  units: { Min: '分钟', H: '小时', Wd: '工作日' },
  col: { code: '编码', name: '事项名称', class: '大类', list: '清单', tier: '处置层级', owner: '承办岗位 / 部门', sla: '办理时限', flags: '标记', version: '版本', actions: '操作' },
  flags: { onSpot: '可现场处置', urgent: '紧急' },
  form: {
    titleNew: '新增事项', titleEdit: '编辑事项 {{code}}（保存为新版本）', code: '编码', codeHint: '大类字母 + 4 位数字，如 C0105', codeRequired: '请输入编码',
    codePattern: '格式应为大写字母加 4 位数字', name: '事项名称', nameRequired: '请输入事项名称', class: '大类', classRequired: '请输入大类',
    list: '所属清单', tier: '处置层级', postCode: '承办岗位', departmentName: '责任部门', sla: '办理时限', slaRequired: '至少设置一项时限',
    escalateAfterH: '超时提级（小时）', duplicateRadiusM: '重复判定半径（米）', onSpot: '可现场处置（琐事马上办）', urgent: '紧急事项', save: '保存', cancel: '取消',
  },
  history: { title: '版本历史 · {{code}}', current: '当前', createdAt: '生效时间' },
  problems: { INVALID: '不存在：请检查岗位编码或部门名称', REQUIRED: '镇街或区县事项须指定承办岗位或责任部门', NOT_POSITIVE: '须为正数' },
};

export const matterEn: typeof matterZh = {
  title: 'Duty catalog', subtitle: 'Town, community and grid matters: who handles what, at which tier, by when', town: 'Town', chooseTown: 'Choose a town',
  search: 'Search name, code or class', all: 'All', showRetired: 'Show retired', create: 'New matter', edit: 'Edit', retire: 'Retire', versions: 'Versions',
  retireConfirm: 'Retire “{{name}}”? It can no longer be reported; existing cases are not affected.', retired: 'Retired', saved: 'Saved {{code}} (version {{version}})',
  retiredDone: 'Retired {{code}}', readOnly: 'Only administrators and leaders may edit the catalog',
  lists: { basic: 'Basic duties', cooperative: 'Cooperative', withdrawn: 'Withdrawn' },
  tiers: { grid: 'Grid', community: 'Community', town: 'Town', district: 'District dept.' },
  clocks: { accept: 'Accept', dispatch: 'Dispatch', arrive: 'Arrive', handle: 'Handle', verify: 'Verify' },
  units: { Min: 'min', H: 'h', Wd: 'working days' },
  col: { code: 'Code', name: 'Name', class: 'Class', list: 'List', tier: 'Tier', owner: 'Post / department', sla: 'Time limits', flags: 'Flags', version: 'Version', actions: 'Actions' },
  flags: { onSpot: 'On the spot', urgent: 'Urgent' },
  form: {
    titleNew: 'New matter', titleEdit: 'Edit {{code}} (saved as a new version)', code: 'Code', codeHint: 'Class letter + 4 digits, e.g. C0105', codeRequired: 'Enter a code',
    codePattern: 'A capital letter and 4 digits', name: 'Name', nameRequired: 'Enter a name', class: 'Class', classRequired: 'Enter a class',
    list: 'List', tier: 'Tier', postCode: 'Post', departmentName: 'Department', sla: 'Time limits', slaRequired: 'Set at least one limit',
    escalateAfterH: 'Escalate after (h)', duplicateRadiusM: 'Duplicate radius (m)', onSpot: 'May be resolved on the spot', urgent: 'Urgent', save: 'Save', cancel: 'Cancel',
  },
  history: { title: 'Versions · {{code}}', current: 'Current', createdAt: 'In force from' },
  problems: { INVALID: 'Unknown: check the post code or department name', REQUIRED: 'A town or district matter names a post or a department', NOT_POSITIVE: 'Must be positive' },
};

i18n.addResourceBundle('zh-CN', 'translation', { matter: matterZh }, true, false);
i18n.addResourceBundle('en', 'translation', { matter: matterEn }, true, false);
