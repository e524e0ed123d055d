// Chinese (default) texts of the web app, grouped by capability.
export const zhCN = {
  app: { name: '智治', fullName: '基层智治平台', slogan: '一中心四板块一网格 · 网格吹哨、部门报到' },
  common: { pageFailed: '页面出错了', pageFailedHint: '请重新加载页面；如果仍然出错，请联系系统管理员。', reload: '重新加载', loading: '加载中…', retry: '重试', empty: '暂无数据', close: '关闭', people: '人', households: '户', language: '语言' },
  login: {
    title: '登录', subtitle: '基层治理工作人员与居民统一登录', username: '用户名', password: '密码', submit: '登录',
    usernameRequired: '请输入用户名', passwordRequired: '请输入密码', publicReport: '随手拍（免登录）', track: '案卷查询',
    demoTitle: '演示账号', demoHint: '演示环境账号（密码均为 <id>{{password}}</id>），点击填入：',
  },
  shell: { logout: '退出登录', scope: '数据范围', noScope: '无数据范围', collapse: '收起菜单' },
  nav: { orgMap: '网格地图', boards: '指挥中心与四板块', dutyRoster: '值班表', mobileHome: '我的网格' },
  roles: {
    admin: '系统管理员', leader: '领导', dispatcher: '调度员', handler: '岗位处置人', department: '区县部门',
    communityStaff: '社区工作人员', gridWorker: '网格员', auditor: '审计管理员', securityAdmin: '安全管理员', resident: '居民',
  },
  levels: { city: '市', district: '区县', town: '镇街', community: '村(社区)', grid: '网格', microGrid: '微网格', dedicatedGrid: '专属网格' },
  kinds: { school: '学校', park: '园区', hospital: '医院', market: '市场', enterprise: '企业', community: '社区', village: '村' },
  teamRoles: { gridLeader: '网格长', fullTime: '专职网格员', partTime: '兼职网格员', instructor: '网格指导员', volunteer: '志愿者' },
  org: {
    treeTitle: '组织架构', searchTree: '搜索网格或社区', mapTitle: '网格地图', legend: '图例', communityBorder: '村(社区)边界',
    dedicated: '专属网格', selectedGrid: '选中网格', noFeatures: '该范围内暂无网格边界数据', fit: '全览',
    gridCount: '{{count}} 个网格', code: '编码', level: '层级', population: '常住人口', households: '户数', parent: '所属',
    team: '网格力量（1+3+N）', noTeam: '该网格尚未配置网格力量', microGrids: '{{count}} 个微网格', children: '{{count}} 个下级',
    tabMap: '网格地图', tabBoards: '{{name}} · 指挥中心与四板块', callPhone: '拨打',
    noScope: '您的账号未配置数据范围，无法查看组织架构。',
  },
  boards: {
    title: '指挥中心与四板块', subtitle: '一中心四板块：岗位与 A/B 岗责任人', commandCenter: '指挥中心', board: '板块',
    post: '岗位', holderA: 'A 岗', holderB: 'B 岗', holderBackup: '备岗', special: '特设岗', vacant: '空缺', chooseTown: '选择镇街',
    posts: '{{count}} 个岗位', noBoards: '该镇街尚未配置板块与岗位', pickTown: '请选择一个镇街查看其指挥中心与四板块',
    mine: '我的岗位',
  },
  mobile: {
    hello: '您好，{{name}}', profile: '我的信息', myGrid: '我的网格', homeGrid: '居住网格', homeGridRegistered: '已登记',
team: '网格力量', noGrid: '您的账号尚未关联网格，请联系社区工作人员。',
    role: '网格角色', desktopOnly: '更多功能请在电脑端使用。',
  },
};
export type Messages = typeof zhCN;
