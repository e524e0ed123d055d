// Texts of org unit administration (create, rename, retire, boundary editing and history), registered into i18next
// at module load under `unitAdmin`.
import { i18n } from '../../lib/i18n.ts';

export const unitAdminZh = {
  actions: '管理', addChild: '新建下级', rename: '重命名', retire: '撤销', editBoundary: '编辑边界', history: '边界历史',
  createTitle: '在「{{name}}」下新建', level: '层级', code: '编码', codeHelp: '以上级编码开头：{{prefix}}', name: '名称', kind: '专属网格类型',
  required: '请填写', next: '下一步：在地图上绘制边界', create: '创建', cancel: '取消', save: '保存', ok: '确定',
  created: '已创建：{{name}}', renamed: '已重命名为：{{name}}', retired: '已撤销：{{name}}', boundarySaved: '已保存「{{name}}」的边界',
  renameTitle: '重命名 · {{name}}',
  retireTitle: '撤销「{{name}}」？', retireBody: '撤销后该单位不再出现在列表、地图和定位中；已办结的案卷仍保留。',
  retireRefused: '无法撤销「{{name}}」', openCases: '该单位内还有 {{count}} 件未办结案卷，请先办结或转移。',
  liveChildren: '其下还有 {{count}} 个在用单位，请先撤销它们。',
  editTitle: '编辑边界 · {{name}}', drawTitle: '绘制新网格 · {{name}}',
  editHint: '拖动顶点调整边界；拖动边中点可增加顶点；靠近相邻网格的顶点时自动吸附。',
  drawHint: '在社区范围内逐点单击绘制网格边界，双击或单击起点结束。',
  redraw: '重新绘制', reset: '还原', unchanged: '边界未修改', notDrawn: '请先绘制边界',
  multiPart: '该网格边界由多块或带洞多边形组成，请通过 GeoJSON 导入修改。',
  rejected: '边界未通过校验，未保存：',
  problems: {
    OVERLAPS_GRID: '与网格 {{other}} 重叠约 {{m2}} 平方米',
    OUTSIDE_COMMUNITY: '约 {{m2}} 平方米超出所属社区范围',
    SELF_INTERSECTING: '边界自相交',
    INVALID_GEOMETRY: '边界不是有效的多边形',
    UNKNOWN_COMMUNITY: '找不到所属社区',
    DUPLICATE_CODE: '编码已被其他单位使用',
  },
  move: '移动到…', moveTitle: '移动「{{name}}」', moveTo: '新的上级', movePick: '选择新的上级', moveNone: '本镇街内没有可移入的上级',
  moveHint: '现属「{{parent}}」。移动后编码随新上级变更，其下单位和所有案卷随之移动，边界须在新上级范围内。',
  moved: '「{{name}}」已移至「{{parent}}」', moveRefused: '未能移动', moveOutside: '边界不在其范围内',
  historyTitle: '边界历史 · {{name}}', historyEmpty: '边界未曾修改', until: '使用至 {{at}}', vertices: '{{count}} 个顶点', current: '当前边界',
  preview: {
    title: '保存前确认影响 · {{name}}', checking: '正在核对新边界内的台账记录…',
    intro: '按新边界，共 {{count}} 条网格台账记录将调整所属网格：', nothing: '没有台账记录需要调整所属网格。',
    kinds: { buildings: '楼栋', households: '住户', residents: '人口', places: '场所', things: '部件', hazards: '隐患' },
    kind: '类别', name: '名称', from: '原网格', to: '新网格', firstOnly: '每类仅列出前 {{count}} 条',
    refused: '以下 {{count}} 条记录将不属于任何网格，不能保存：', refusedHint: '请调整边界，使这些记录仍落在某个网格内。',
    openCases: '新边界涉及 {{count}} 件未办结案卷', openCasesHint: '案卷仍在原网格办结（其受理、派遣和时限均按原网格确定），如需调整请由调度员重新派遣。',
    noGrid: '不在任何网格', reason: '调整原因', reasonHint: '如：2026年勘界，春晖路以东划入本网格', reasonRequired: '有记录调整所属网格，请填写调整原因',
    confirm: '确认保存', saved: '已保存「{{name}}」的边界，{{count}} 条台账记录已调整所属网格',
  },
};

export const unitAdminEn: typeof unitAdminZh = {
  actions: 'Manage', addChild: 'New unit under it', rename: 'Rename', retire: 'Retire', editBoundary: 'Edit boundary', history: 'Boundary history',
  createTitle: 'New unit under "{{name}}"', level: 'Level', code: 'Code', codeHelp: 'Starts with the parent\'s code: {{prefix}}', name: 'Name', kind: 'Dedicated grid kind',
  required: 'Required', next: 'Next: draw its boundary on the map', create: 'Create', cancel: 'Cancel', save: 'Save', ok: 'OK',
  created: 'Created: {{name}}', renamed: 'Renamed to: {{name}}', retired: 'Retired: {{name}}', boundarySaved: 'Boundary of "{{name}}" saved',
  renameTitle: 'Rename · {{name}}',
  retireTitle: 'Retire "{{name}}"?', retireBody: 'It leaves the lists, the map and the locator; closed cases keep it.',
  retireRefused: '"{{name}}" cannot be retired', openCases: '{{count}} open case(s) lie in this unit: close or move them first.',
  liveChildren: '{{count}} unit(s) under it are still in use: retire them first.',
  editTitle: 'Edit boundary · {{name}}', drawTitle: 'Draw a new grid · {{name}}',
  editHint: 'Drag a vertex to move it; drag an edge\'s midpoint to add one; vertices snap to the neighbouring grids\'.',
  drawHint: 'Click point by point inside the community; double-click or click the first point to finish.',
  redraw: 'Draw again', reset: 'Undo changes', unchanged: 'The boundary is unchanged', notDrawn: 'Draw the boundary first',
  multiPart: 'This grid is made of several parts or has holes: change it through a GeoJSON import.',
  rejected: 'The boundary failed the checks and was not saved:',
  problems: {
    OVERLAPS_GRID: 'overlaps grid {{other}} by about {{m2}} m²',
    OUTSIDE_COMMUNITY: 'about {{m2}} m² lie outside its community',
    SELF_INTERSECTING: 'the boundary crosses itself',
    INVALID_GEOMETRY: 'not a valid polygon',
    UNKNOWN_COMMUNITY: 'its community was not found',
    DUPLICATE_CODE: 'the code belongs to another unit',
  },
  move: 'Move to…', moveTitle: 'Move "{{name}}"', moveTo: 'New parent', movePick: 'Pick the new parent', moveNone: 'No unit of the town can take it',
  moveHint: 'Now under "{{parent}}". Its code takes the new parent\'s; the units under it and all its cases move along; its boundary must lie inside the new parent.',
  moved: '"{{name}}" moved to "{{parent}}"', moveRefused: 'Not moved', moveOutside: 'its boundary lies outside',
  historyTitle: 'Boundary history · {{name}}', historyEmpty: 'The boundary was never changed', until: 'In use until {{at}}', vertices: '{{count}} vertices', current: 'Current boundary',
  preview: {
    title: 'What the change does · {{name}}', checking: 'Checking the registry records under the new boundary…',
    intro: 'With the new boundary, {{count}} registry record(s) change grid:', nothing: 'No registry record changes grid.',
    kinds: { buildings: 'Buildings', households: 'Households', residents: 'Residents', places: 'Places', things: 'Things', hazards: 'Hazards' },
    kind: 'Kind', name: 'Name', from: 'From grid', to: 'To grid', firstOnly: 'The first {{count}} of each kind are listed',
    refused: 'These {{count}} record(s) would lie in no grid, so it cannot be saved:', refusedHint: 'Draw the boundary so that a grid still holds them.',
    openCases: '{{count}} open case(s) lie on the changed ground', openCasesHint: 'They are finished in the grid they were routed in (their acceptance, dispatch and deadlines were set for it); a dispatcher re-dispatches one if needed.',
    noGrid: 'in no grid', reason: 'Reason for the change', reasonHint: 'e.g. the 2026 survey puts the east side of 春晖路 in this grid', reasonRequired: 'Records change grid: give the reason',
    confirm: 'Save', saved: 'Boundary of "{{name}}" saved; {{count}} registry record(s) changed grid',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', { unitAdmin: unitAdminZh }, true, false);
i18n.addResourceBundle('en', 'translation', { unitAdmin: unitAdminEn }, true, false);
