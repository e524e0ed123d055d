// Texts of the phone registry look-up (台账查询) of grid workers: search, household file (一户一档), building view
// (楼栋图), the resident sheet and the one-tap call. Registered into i18next at module load under `mreg`.
import { i18n } from '../../../lib/i18n.ts';

export const mregZh = {
  title: { search: '台账查询', household: '一户一档', building: '楼栋图', resident: '居民信息' },
  home: { tile: '台账查询', tileSub: '查人 · 查户 · 查楼栋，一键拨号' },
  search: {
    placeholder: '姓名、拼音首字母、身份证号、电话、地址',
    residents: '居民', buildings: '楼栋', all: '全部',
    count: '共 {{count}} 人', countMore: '已显示 {{count}} 人，继续下滑加载',
    buildingCount: '共 {{count}} 栋',
    empty: '没有找到符合条件的居民', emptyHint: '换个关键词，或取消标签筛选再试',
    emptyGrid: '本网格还没有登记居民', emptyBuildings: '本网格还没有登记楼栋',
    noMore: '没有更多了', idNumberHint: '按身份证号精确查找',
  },
  resident: {
    age: '{{age}} 岁', male: '男', female: '女', noHousehold: '未关联住户', household: '所在住户', openHousehold: '查看一户一档',
    idNumber: '身份证号', phone: '联系电话', noPhone: '未登记电话', birthDate: '出生日期', tags: '重点人群标签', noTags: '无标签',
    party: '党员', note: '备注', grid: '所属网格', relation: '与户主关系', left: '已迁出',
  },
  call: {
    call: '拨打', calling: '正在获取号码…', dialing: '正在拨打 {{name}}', dialHint: '如果没有自动拨号，请点击号码拨打',
    failed: '无法获取电话号码', noPhone: '未登记电话', notAllowed: '无权查看完整号码', audited: '查看完整号码会记入审计日志',
  },
  household: {
    address: '住址', grid: '所属网格', building: '所在楼栋', room: '{{unit}} 单元 {{room}} 室', residenceKind: '居住类型',
    members: '家庭成员（{{count}} 人）', noMembers: '该户暂无登记成员', head: '户主', openBuilding: '查看楼栋图',
    hazards: '隐患及整改', noHazards: '暂无隐患记录', foundOn: '发现于 {{date}}', actionTaken: '整改措施', nextCheck: '下次检查 {{date}}',
    cases: '本户相关事件', noCases: '暂无在此上报的事件', devices: '关爱设备', noDevices: '暂无关爱设备',
    device: {
      types: { doorMagnet: '门磁', smokeDetector: '烟感', wristband: '智能手环', gasSensor: '燃气报警器', waterLeakSensor: '水浸传感器', waterLevelGauge: '水位计', camera: 'AI 摄像头', gateway: '平台网关' },
      states: { online: '在线', offline: '离线', never: '未上线' }, wornBy: '{{name}}佩戴', battery: '电量 {{n}}%', alarms: '{{n}} 条告警未消除',
    },
    history: '变更记录', noHistory: '暂无变更记录', historyCount: '{{count}} 条', by: '{{name}} 操作', before: '变更前', after: '变更后',
    note: '备注', notFound: '住户不存在或不在您的网格内',
  },
  hazardStatus: { open: '待整改', resolved: '已整改' },
  caseStatus: {
    reported: '待受理', accepted: '已受理', dispatched: '已派遣', in_progress: '处置中', handled: '待核查', closed: '已办结', rejected: '不予受理',
  },
  building: {
    unit: '{{unit}} 单元', floor: '{{floor}} 层', floors: '{{floors}} 层', address: '地址', size: '{{units}} 个单元 · {{floors}} 层 · 每层 {{rooms}} 户',
    households: '已登记 {{count}} 户', vacant: '未登记', legend: '图例', tapHint: '点击房间查看一户一档', notFound: '楼栋不存在或不在您的网格内',
    marked: '有重点人群的房间', noUnits: '该楼栋没有单元信息', unplaced: '未排入楼栋图的住户（{{count}} 户）',
  },
  relations: { head: '户主', spouse: '配偶', child: '子女', parent: '父母', grandchild: '孙辈', sibling: '兄弟姐妹', other: '其他' },
  residenceKinds: { registered: '户籍', resident: '常住', floating: '流动', absent: '空挂' },
  history: {
    create: '新增', update: '修改', move: '迁移', leave: '迁出', retire: '注销', import: '导入', reveal: '查看', changed: '已变更',
    moveOut: '迁出本户', name: '登记隐患', inspect: '巡查', boundary: '勘界调整',
    kinds: { household: '住户', resident: '居民', building: '楼栋', hazard: '隐患', place: '场所', thing: '部件' },
  },
  fields: {
    name: '姓名', phone: '电话', idNumber: '身份证号', tags: '标签', address: '住址', relation: '与户主关系', householdId: '住户',
    note: '备注', gender: '性别', birthDate: '出生日期', roomNo: '房间号', unitNo: '单元', floorNo: '楼层', residenceKind: '居住类型',
    headResidentId: '户主', gridId: '网格', gridName: '所属网格', description: '隐患描述', foundOn: '发现日期', buildingId: '楼栋', status: '状态', actionTaken: '整改措施', nextCheckOn: '下次检查',
  },
  common: { retry: '重试', loading: '加载中…', none: '无', unknown: '未知', close: '关闭', labelled: '{{label}}：{{text}}' },
};

type Tree<T> = { [K in keyof T]: T[K] extends string ? string : Tree<T[K]> };

export const mregEn: Tree<typeof mregZh> = {
  title: { search: 'Registry', household: 'Household file', building: 'Building', resident: 'Resident' },
  home: { tile: 'Registry', tileSub: 'People, households, buildings; call in one tap' },
  search: {
    placeholder: 'Name, pinyin initials, ID number, phone, address',
    residents: 'Residents', buildings: 'Buildings', all: 'All',
    count: 'Found: {{count}}', countMore: '{{count}} shown, scroll for more',
    buildingCount: 'Buildings: {{count}}',
    empty: 'No resident matches', emptyHint: 'Try other words, or clear the tag filter',
    emptyGrid: 'No residents registered in this grid yet', emptyBuildings: 'No buildings registered in this grid yet',
    noMore: 'No more', idNumberHint: 'Exact match on the ID number',
  },
  resident: {
    age: '{{age}} yrs', male: 'Male', female: 'Female', noHousehold: 'No household', household: 'Household', openHousehold: 'Open household file',
    idNumber: 'ID number', phone: 'Phone', noPhone: 'No phone on record', birthDate: 'Born', tags: 'Key-population tags', noTags: 'No tags',
    party: 'Party member', note: 'Note', grid: 'Grid', relation: 'Relation to head', left: 'Moved away',
  },
  call: {
    call: 'Call', calling: 'Getting the number…', dialing: 'Calling {{name}}', dialHint: 'If the phone does not dial, tap the number',
    failed: 'Could not get the phone number', noPhone: 'No phone on record', notAllowed: 'You may not see the whole number', audited: 'Seeing the whole number is recorded in the audit log',
  },
  household: {
    address: 'Address', grid: 'Grid', building: 'Building', room: 'Unit {{unit}}, room {{room}}', residenceKind: 'Residence',
    members: 'Members ({{count}})', noMembers: 'No members registered', head: 'Head', openBuilding: 'Open building view',
    hazards: 'Hazards and follow-ups', noHazards: 'No hazards recorded', foundOn: 'Found {{date}}', actionTaken: 'Action taken', nextCheck: 'Next check {{date}}',
    cases: 'Cases reported here', noCases: 'No cases reported here', devices: 'Care devices', noDevices: 'No care devices',
    device: {
      types: { doorMagnet: 'Door magnet', smokeDetector: 'Smoke detector', wristband: 'Wristband', gasSensor: 'Gas sensor', waterLeakSensor: 'Water-leak sensor', waterLevelGauge: 'Water-level gauge', camera: 'AI camera', gateway: 'Platform gateway' },
      states: { online: 'Online', offline: 'Offline', never: 'Never heard' }, wornBy: 'worn by {{name}}', battery: 'battery {{n}}%', alarms: '{{n}} alarm(s) standing',
    },
    history: 'Change history', noHistory: 'No changes recorded', historyCount: '({{count}})', by: 'by {{name}}', before: 'Before', after: 'After',
    note: 'Note', notFound: 'This household does not exist or is outside your grid',
  },
  hazardStatus: { open: 'Open', resolved: 'Resolved' },
  caseStatus: {
    reported: 'To accept', accepted: 'Accepted', dispatched: 'Dispatched', in_progress: 'In progress', handled: 'To verify', closed: 'Closed', rejected: 'Rejected',
  },
  building: {
    unit: 'Unit {{unit}}', floor: 'Floor {{floor}}', floors: '{{floors}} floors', address: 'Address', size: '{{units}} units · {{floors}} floors · {{rooms}} flats a floor',
    households: 'Registered households: {{count}}', vacant: 'Not registered', legend: 'Legend', tapHint: 'Tap a flat to open its household file', notFound: 'This building does not exist or is outside your grid',
    marked: 'Flats with key populations', noUnits: 'This building has no units', unplaced: 'Households outside the drawing ({{count}})',
  },
  relations: { head: 'Head', spouse: 'Spouse', child: 'Child', parent: 'Parent', grandchild: 'Grandchild', sibling: 'Sibling', other: 'Other' },
  residenceKinds: { registered: 'Registered', resident: 'Resident', floating: 'Floating', absent: 'Registered, away' },
  history: {
    create: 'Added', update: 'Changed', move: 'Moved', leave: 'Moved away', retire: 'Retired', import: 'Imported', reveal: 'Viewed', changed: 'changed',
    moveOut: 'Moved out of the household', name: 'Hazard noted', inspect: 'Inspected', boundary: 'Boundary change',
    kinds: { household: 'household', resident: 'resident', building: 'building', hazard: 'hazard', place: 'place', thing: 'thing' },
  },
  fields: {
    name: 'Name', phone: 'Phone', idNumber: 'ID number', tags: 'Tags', address: 'Address', relation: 'Relation', householdId: 'Household',
    note: 'Note', gender: 'Gender', birthDate: 'Born', roomNo: 'Room', unitNo: 'Unit', floorNo: 'Floor', residenceKind: 'Residence',
    headResidentId: 'Head', gridId: 'Grid', gridName: 'Grid', description: 'Hazard', foundOn: 'Found on', buildingId: 'Building', status: 'Status', actionTaken: 'Action taken', nextCheckOn: 'Next check',
  },
  common: { retry: 'Retry', loading: 'Loading…', none: 'None', unknown: 'Unknown', close: 'Close', labelled: '{{label}}: {{text}}' },
};

i18n.addResourceBundle('zh-CN', 'translation', { mreg: mregZh }, true, false);
i18n.addResourceBundle('en', 'translation', { mreg: mregEn }, true, false);
