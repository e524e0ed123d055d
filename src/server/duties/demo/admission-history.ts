import type { AdmissionDecision } from '../../../domain/duties/admission.ts';
import type { AdmissionBodyT } from '../schemas.ts';

/**
 * Ten weeks of the demo town's admission requests (清单准入): who asked (a demo account), when, for what, and how the
 * town's office decided — most approved, some refused because they push enforcement or reports down to the grid, two
 * still pending. Written by hand; the demo step files and decides them through the commands.
 */
export interface PlannedAdmission {
  by: 'department' | 'community' | 'dispatcher';
  daysAgo: number;
  level: AdmissionBodyT['level'];
  item: AdmissionBodyT['item'];
  reason: string;
  burden: number;
  decision?: { verdict: AdmissionDecision; afterDays: number; note?: string };
}

export const ADMISSION_HISTORY: readonly PlannedAdmission[] = [
  {
    by: 'department', daysAgo: 68, level: 'grid', burden: 4,
    item: { name: '共享单车乱停放巡查', listType: 'assisting', basis: '《重庆市互联网租赁自行车管理办法》第十六条', department: '区城市管理局', dutyCode: 'D6', minutesPerVisit: 15 },
    reason: '主干道共享单车堆积问题突出，需网格员巡查时发现上报，由企业清运', decision: { verdict: 'approve', afterDays: 3, note: '同意，发现上报即可，不承担清运' },
  },
  {
    by: 'community', daysAgo: 63, level: 'community', burden: 4,
    item: { name: '社区养老服务站运营监督', listType: 'basic', basis: '《重庆市养老服务条例》第二十二条', minutesPerVisit: 60 },
    reason: '春晖社区养老服务站已投入运营，需社区每周检查服务质量', decision: { verdict: 'approve', afterDays: 2 },
  },
  {
    by: 'dispatcher', daysAgo: 56, level: 'grid', burden: 2,
    item: { name: '电动自行车违规充电入户排查', listType: 'basic', basis: '《中华人民共和国消防法》第十六条；渝安委〔2024〕3号', dutyCode: 'D3', minutesPerVisit: 20 },
    reason: '冬季电动自行车火灾多发，老旧小区需逐户排查', decision: { verdict: 'approve', afterDays: 1, note: '并入隐患排查职责，按楼栋排查' },
  },
  {
    by: 'department', daysAgo: 49, level: 'grid', burden: 8,
    item: { name: '"门前三包"违规行为处罚', listType: 'basic', basis: '《重庆市市容环境卫生管理条例》第十二条', minutesPerVisit: 30 },
    reason: '沿街商户"门前三包"落实不到位', decision: { verdict: 'refuse', afterDays: 2, note: '属于行政处罚事项，已列入部门收回清单，网格只发现上报' },
  },
  {
    by: 'dispatcher', daysAgo: 45, level: 'grid', burden: 22,
    item: { name: '每日填报重点场所巡查报表', listType: 'basic', basis: '区安委办通知', minutesPerVisit: 20 },
    reason: '区安委办要求每日报送', decision: { verdict: 'refuse', afterDays: 1, note: '报表事项不得下沉网格，由镇街从巡查记录生成' },
  },
  {
    by: 'department', daysAgo: 38, level: 'community', burden: 2,
    item: { name: '配合开展燃气用户安全检查', listType: 'assisting', basis: '《城镇燃气管理条例》第十七条', department: '区城市管理局', minutesPerVisit: 60 },
    reason: '燃气企业入户安检需社区协助通知、组织', decision: { verdict: 'approve', afterDays: 4 },
  },
  {
    by: 'dispatcher', daysAgo: 30, level: 'town', burden: 4,
    item: { name: '城市更新项目群众工作专班', listType: 'basic', basis: '《重庆市城市更新管理办法》第十九条', minutesPerVisit: 120 },
    reason: '钢花新村片区城市更新启动，需镇街成立专班', decision: { verdict: 'approve', afterDays: 2 },
  },
  {
    by: 'community', daysAgo: 24, level: 'grid', burden: 1,
    item: { name: '高龄老人生日慰问', listType: 'basic', basis: '《重庆市养老服务条例》第二十条', dutyCode: 'D2', minutesPerVisit: 30 },
    reason: '八十岁以上老人生日当月上门慰问', decision: { verdict: 'approve', afterDays: 3, note: '与独居老人走访同行完成' },
  },
  {
    by: 'dispatcher', daysAgo: 17, level: 'grid', burden: 12,
    item: { name: '防溺水入户宣传', listType: 'basic', basis: '《中华人民共和国未成年人保护法》第五十五条', dutyCode: 'D5', minutesPerVisit: 20 },
    reason: '暑期防溺水，要求每周入户宣传三次', decision: { verdict: 'refuse', afterDays: 1, note: '频次过高；并入政策宣传职责，由镇街按季度推送' },
  },
  {
    by: 'department', daysAgo: 9, level: 'grid', burden: 2,
    item: { name: '配合违规户外广告牌排查', listType: 'assisting', basis: '《重庆市户外广告管理条例》第二十五条', department: '区城市管理局', dutyCode: 'D3', minutesPerVisit: 15 },
    reason: '台风季前排查松动、破损广告牌',
  },
  {
    by: 'community', daysAgo: 4, level: 'grid', burden: 1,
    item: { name: '独居老人智能门磁设备巡检', listType: 'basic', basis: '《重庆市养老服务条例》第二十四条', dutyCode: 'D2', minutesPerVisit: 15 },
    reason: '社区为独居老人安装门磁，需走访时顺带检查设备',
  },
];
