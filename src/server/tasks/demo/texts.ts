/**
 * What the demo's grid workers write on their phones: short findings of a visit (by whom they met), notes of a tick,
 * and the few findings that became cases. Written by hand, in the words a grid worker uses.
 */

export const ELDERLY_FINDINGS = [
  '一切正常', '老人身体状况良好，一切正常', '老人血压偏高，已提醒按时服药、及时复诊', '已检查燃气阀门和电源插座，无安全隐患',
  '老人反映腿脚不便，已联系社区养老服务站上门助餐', '已提醒老人防范电信诈骗，陌生来电不转账', '老人精神状态好，子女本周回家探望过',
  '老人感冒刚好，已嘱咐注意保暖', '帮老人更换了门口感应灯泡', '老人询问高龄津贴发放时间，已解答',
] as const;

export const CHILD_FINDINGS = [
  '孩子学习生活正常，与在外务工的父母每周视频', '已提醒监护人注意孩子上下学交通安全', '孩子期中考试成绩进步，祖辈照看良好',
  '一切正常', '监护人反映孩子课后无人辅导，已登记社区四点半课堂',
] as const;

export const SUPPORT_FINDINGS = [
  '已核实家庭收入情况，无变化', '低保金按时到账，生活基本正常', '反映轮椅老化，已登记申请残联辅具适配',
  '一切正常', '家属反映就医报销手续不清楚，已解答并留下社区电话', '已提醒办理年度残疾人证审验',
] as const;

export const GENERAL_FINDINGS = ['一切正常', '一切正常，无新情况', '楼道堆放杂物已劝离', '家中有人，情况正常', '电动车已劝导不要推入楼道充电'] as const;

export const INSPECTION_NOTES = ['外观完好，无异常', '巡查正常，周边无堆放物', '已清理周边杂物，正常', '设施完好，警示标识清晰'] as const;
export const SWEEP_NOTES = [
  '本周排查未发现矛盾纠纷', '排查发现邻里噪音纠纷1起，已现场调解', '排查发现楼上漏水引发邻里矛盾1起，已协调物业维修',
  '本周排查无新增矛盾纠纷，上周调解的停车纠纷已化解',
] as const;
export const CHECK_NOTES = ['已逐户核对人房信息，无变化', '核对完毕，新登记迁入1户', '核对完毕，登记迁出1人、出租屋1户', '已核对，更新了2户联系电话'] as const;
export const VERIFY_NOTES = ['现场核查，处置到位', '现场核查，问题已解决，群众满意', '已到现场核实，处置结果属实'] as const;
export const CAMPAIGN_NOTES = ['已在楼栋张贴宣传海报，入户发放宣传单', '已在小区门口设点宣传，发放资料80余份', '已入户宣传并在网格群转发'] as const;

/** Findings a grid worker reported as a case (through 上报为事件), with the case's category. */
export const CASE_FINDINGS = [
  { categoryCode: 'E0402', findings: '3单元楼道堆放大量纸箱和旧家具，堵塞消防通道，住户劝离后未清理' },
  { categoryCode: 'M0102', findings: '该户主要劳动力住院，家庭收入骤减，申请临时救助' },
  { categoryCode: 'E0404', findings: '发现住户从窗户拉线给电动自行车充电，劝导无效，需上报处理' },
] as const;

export const CAMPAIGN = {
  title: '防范电信诈骗宣传',
  content: '近期冒充客服退款、刷单返利、冒充公检法等电信诈骗高发。请各网格员入户发放宣传单、在楼栋张贴海报，重点提醒老年人"不轻信、不透露、不转账"，并协助居民安装国家反诈中心APP。',
} as const;

export const AD_HOC = {
  title: '协助核查出租屋人员信息',
  detail: '有群众反映春晖苑一处出租屋人员频繁更换，请核查登记在住人员信息，并提醒房东及时报备。',
} as const;
