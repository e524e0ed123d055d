// Texts of the case loop's explanations, shared by the desktop and phone pages: who will handle a report and why
// (routing preview and the drawer's recommendation), who verifies a handled case, and how the timeline credits the
// actor and the reporter. Registered under the `caseLoop` key.
import { i18n } from '../../lib/i18n.ts';

export const caseLoopZh = {
  preview: {
    title: '将由谁办理',
    loading: '正在查询办理岗位…',
    headline: '将由 {{target}} 办理',
    headlineNobody: '由 {{town}} 调度员指派办理人',
    place: '{{grid}} · {{community}} · {{town}} · {{district}}',
    cooperating: '{{department}} 配合办理',
    gridWorker: '本网格网格员',
    outside: '该位置不在任何网格内，无法确定办理岗位',
    failed: '暂时无法查询办理岗位，不影响提交',
    pick: '选择类别并确定位置后，这里会显示将由谁办理',
  },
  reasons: {
    townPost: '{{matter}}属镇街层级事项，按事项清单由{{target}}办理',
    townDepartment: '{{matter}}属镇街层级事项，事项清单未设岗位，由{{target}}办理',
    withdrawn: '{{matter}}为收回区级部门的事项，由{{target}}办理',
    districtDepartment: '{{matter}}属区级事项，由{{target}}办理',
    gridTeam: '{{matter}}属网格层级事项（琐事马上办），由{{target}}就近处置',
    communityTriage: '{{matter}}属村(社区)层级事项，由社区工作人员分派',
    dispatcherChooses: '{{matter}}在此处没有对应的办理岗位，由调度员指派',
    escalated: '（已提级至{{tier}}层级）',
  },
  drawer: {
    why: '推荐理由',
    verifyBy: '核查人',
    verifiers: { communityStaff: '社区工作人员', townDispatcher: '镇街调度员', reportingGridWorker: '上报网格员' },
    notBy: '处置人 {{name}} 不能核查自己的工作',
    onSpot: '现场处置（马上办）的案卷由社区核查',
    separator: '、',
  },
  timeline: {
    enteredBy: '{{name}} 录入',
    reporter: '上报人：{{name}}',
    caller: '来电人：{{name}}',
    callerUnnamed: '来电人未留姓名',
    anonymous: '匿名群众',
    device: '感知设备自动上报',
    platform: '行业平台推送',
    reassigned: '改派：推荐 {{routed}}，实派 {{chosen}}',
    sentTo: '派至 {{name}}',
    system: '系统',
  },
  actions: { acceptDispatch: '受理并派遣', acceptDispatchHint: '按推荐受理并派遣至 {{target}}' },
  tiers: { grid: '网格', community: '村(社区)', town: '镇街', district: '区县' },
};

export const caseLoopEn: typeof caseLoopZh = {
  preview: {
    title: 'Who will handle it',
    loading: 'Finding who handles it…',
    headline: 'Handled by {{target}}',
    headlineNobody: 'A dispatcher of {{town}} will choose who handles it',
    place: '{{grid}} · {{community}} · {{town}} · {{district}}',
    cooperating: 'with {{department}}',
    gridWorker: 'the grid\'s grid worker',
    outside: 'This place lies in no grid, so nobody can be named',
    failed: 'Could not find who handles it; you can still send the report',
    pick: 'Choose a category and the place to see who will handle it',
  },
  reasons: {
    townPost: '{{matter}} is handled at town level: the duty catalog gives it to {{target}}',
    townDepartment: '{{matter}} is handled at town level; the catalog names no post, so {{target}} handles it',
    withdrawn: '{{matter}} was withdrawn to the district: {{target}} handles it',
    districtDepartment: '{{matter}} is handled at district level, by {{target}}',
    gridTeam: '{{matter}} is a small matter for the grid: {{target}} deals with it on the spot',
    communityTriage: '{{matter}} is handled at community level: the community staff assign it',
    dispatcherChooses: '{{matter}} has no handler here: a dispatcher chooses one',
    escalated: ' (escalated to {{tier}} level)',
  },
  drawer: {
    why: 'Why',
    verifyBy: 'Verified by',
    verifiers: { communityStaff: 'community staff', townDispatcher: 'town dispatchers', reportingGridWorker: 'the reporting grid worker' },
    notBy: '{{name}} handled it and may not verify it',
    onSpot: 'Resolved on the spot: the community verifies it',
    separator: ', ',
  },
  timeline: {
    enteredBy: 'entered by {{name}}',
    reporter: 'reported by {{name}}',
    caller: 'caller: {{name}}',
    callerUnnamed: 'the caller left no name',
    anonymous: 'anonymous resident',
    device: 'raised by a sensor',
    platform: 'sent by another platform',
    reassigned: 'Reassigned: routed to {{routed}}, sent to {{chosen}}',
    sentTo: 'to {{name}}',
    system: 'System',
  },
  actions: { acceptDispatch: 'Accept & dispatch', acceptDispatchHint: 'Accept and dispatch to {{target}}, as routed' },
  tiers: { grid: 'grid', community: 'community', town: 'town', district: 'district' },
};

i18n.addResourceBundle('zh-CN', 'translation', { caseLoop: caseLoopZh }, true, false);
i18n.addResourceBundle('en', 'translation', { caseLoop: caseLoopEn }, true, false);
