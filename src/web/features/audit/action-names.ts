// The names of the audit log's actions and target types, in both languages: every action the server writes
// (`action` of an audit entry) has one (test/unit/audit-action-names.test.ts reads the server for them). Kept apart
// from locales.ts so they can be read without i18next.

export const ACTION_NAMES_ZH: Record<string, string> = {
  login: '登录', logout: '退出', 'case.read_contact': '查看个人信息', 'org.read_team_contact': '查看网格员电话', 'matter.create': '新增事项', 'matter.update': '修改事项', 'matter.retire': '停用事项',
  'account.disable': '停用账号', 'account.enable': '启用账号', 'account.unlock': '解锁账号', 'account.password': '修改密码', 'org.import_grids': '网格导入',
  'audit.search': '查询审计日志', 'audit.verify': '校验审计日志', 'calendar.save': '保存工作日历', 'access.denied': '越权访问被拒',
  'account.create': '新建账号', 'account.update': '修改账号', 'account.resetPassword': '重置密码', 'account.import': '批量导入账号',
  'org.create_unit': '新建组织单元', 'org.rename_unit': '重命名组织单元', 'org.move_unit': '移动组织单元', 'org.retire_unit': '撤销组织单元', 'org.set_boundary': '调整网格边界', 'org.update_team': '调整网格团队',
  'post.create': '新增岗位', 'post.update': '修改岗位', 'post.set_holders': '设置岗位AB角', 'duty_roster.save': '保存值班表',
  'account.register': '居民注册', 'account.register_code': '发送注册验证码',
  'registry.import': '导入网格台账', 'registry.export': '导出网格台账', 'registry.resident.reveal': '查看居民完整信息', 'registry.place.reveal': '查看场所联系电话',
  'task.complete': '完成任务', 'task.create': '交办任务', 'campaign.create': '推送宣传任务', 'visit.create': '登记走访', 'visit.report_case': '走访发现转事件',
  'task.generate': '生成每日任务', 'absence.create': '登记请假', 'absence.delete': '撤销请假',
  'duty.admission.request': '申请清单准入', 'duty.admission.approve': '准入履职事项', 'duty.admission.refuse': '不予准入', 'duty.item.update': '修改履职事项', 'duty.item.retire': '履职事项退出清单', 'standing_duties.save': '保存常态化职责',
  'alarm.acknowledge': '响应告警', 'alarm.clear': '解除告警',
  'webhook.create': '新增合作方通知', 'webhook.update': '修改合作方通知', 'webhook.test': '发送测试通知',
  'platform.register': '接入告警平台', 'platform.update': '修改告警平台', 'platform.key': '更换平台接入密钥',
  'device.create': '登记设备', 'device.update': '修改设备', 'device.overrides': '调整个人告警阈值', 'device.retire': '停用设备', 'device.rotateToken': '更换设备令牌',
  'device_profile.save_rules': '保存告警规则',
  'plan.create': '新建预案', 'plan.update': '修改预案', 'plan.retire': '停用预案', 'plan.read_contacts': '查看预案联系电话', 'plan.suggestion.dismiss': '忽略预案建议',
  'incident.activate': '启动预案', 'incident.drill': '启动预案演练', 'incident.level': '调整响应级别', 'incident.standDown': '解除响应',
  'incident.check': '勾选处置步骤', 'incident.read_contacts': '查看事件联系电话',
  'enforcement.matter.save': '保存执法事项', 'enforcement.case.open': '执法立案', 'enforcement.subject.read': '查看执法当事人完整信息',
  'enforcement.case.update_facts': '修改执法案件事实', 'enforcement.case.add_evidence': '添加执法证据', 'enforcement.case.confirm_band': '确认裁量幅度',
  'enforcement.case.review': '法制审核', 'enforcement.case.decide': '作出行政处罚决定', 'enforcement.case.pay': '登记罚款缴纳',
  'enforcement.case.execute': '登记处罚执行', 'enforcement.case.close': '执法案件结案', 'enforcement.case.drop': '撤销执法立案',
  'inspection.plan': '安排联合检查', 'inspection.record': '登记联合检查结果', 'enforcement.decision.download': '下载行政处罚决定书',
  'dispute_class.create': '新增纠纷类别', 'dispute_class.update': '修改纠纷类别', 'dispute.register': '登记矛盾纠纷', 'dispute.parties.read': '查看纠纷当事人完整信息',
  'dispute.push': '推送协同化解', 'dispute.reply': '回复协同化解', 'dispute.litigate': '诉调对接', 'dispute.change_tier': '调整化解层级',
  'dispute.assess_risk': '重新评估纠纷风险', 'dispute.close': '办结纠纷', 'dispute.reopen': '纠纷再次发生',
  'dispute.mediate': '记录调解', 'dispute.agreement.download': '下载人民调解协议书', 'dispute.signed_scan.read': '查看签字协议书照片',
  'dispute.follow_up': '纠纷回访', 'dispute.attach_signed': '上传签字协议书', 'dispute.sweep.create': '发起矛盾纠纷大排查', 'dispute.sweep.report': '网格排查报告',
  'party.post.create': '新增党员微阵地', 'party.commitments.save': '保存党员承诺', 'party.stars.rate': '党员评星',
  'participation.meeting.create': '新建议事活动', 'participation.meeting.open': '开始议事活动', 'participation.meeting.close': '结束议事活动',
  'participation.meeting.cancel': '取消议事活动', 'participation.meeting.minutes': '保存会议纪要', 'participation.meeting.checkin_read': '查看签到二维码',
  'participation.meeting.attend': '议事活动签到', 'participation.meeting.comment': '议事活动留言', 'participation.motion.create': '发起表决',
  'participation.vote.loosen': '确认放宽投票资格', 'participation.vote.cast': '投票', 'participation.motion.close': '表决计票',
  'participation.idea.create': '提交金点子', 'participation.idea.support': '支持金点子', 'participation.idea.screen': '筛选金点子',
  'participation.idea.respond': '答复金点子', 'participation.idea.top.publish': '发布十佳金点子',
  'points.rules.save': '保存积分细则', 'points.rules.publish': '发布积分细则', 'points.award': '积分奖扣', 'points.reverse': '积分冲正',
  'points.award.auto': '系统自动积分', 'points.reconcile.mismatch': '积分对账不平', 'points.assessment.report': '户自查',
  'points.assessment.peerReview': '组互评', 'points.assessment.approve': '村评定', 'points.assessment.return': '退回积分评定',
  'points.goods.create': '积分超市上架商品', 'points.goods.update': '修改积分超市商品', 'points.redemption.reserve': '积分兑换',
  'points.redemption.pickup': '兑换取货', 'points.redemption.cancel': '取消积分兑换', 'points.redemption.expire': '积分兑换过期退回',
  'points.civility.derive': '评定红黑榜和文明户',
  'volunteer.team.create': '组建志愿服务队', 'volunteer.team.member_add': '添加志愿者', 'volunteer.team.member_remove': '移出志愿者',
  'volunteer.team.join': '加入志愿服务队', 'volunteer.team.leave': '退出志愿服务队',
  'volunteer.activity.create': '发布志愿活动', 'volunteer.activity.sign_up': '志愿活动报名', 'volunteer.activity.check_in': '志愿活动签到',
  'volunteer.activity.check_out': '志愿活动签退', 'volunteer.activity.done': '志愿活动完成', 'volunteer.activity.cancel': '取消志愿活动',
};

export const ACTION_NAMES_EN: typeof ACTION_NAMES_ZH = {
  login: 'Sign-in', logout: 'Sign-out', 'case.read_contact': 'Read personal data', 'org.read_team_contact': 'Read grid team phones', 'matter.create': 'Matter created', 'matter.update': 'Matter edited', 'matter.retire': 'Matter retired',
  'account.disable': 'Account disabled', 'account.enable': 'Account enabled', 'account.unlock': 'Account unlocked', 'account.password': 'Password changed', 'org.import_grids': 'Grid import',
  'audit.search': 'Audit log searched', 'audit.verify': 'Audit log verified', 'calendar.save': 'Working calendar saved', 'access.denied': 'Access denied',
  'account.create': 'Account created', 'account.update': 'Account edited', 'account.resetPassword': 'Password reset', 'account.import': 'Accounts imported',
  'org.create_unit': 'Unit created', 'org.rename_unit': 'Unit renamed', 'org.move_unit': 'Unit moved', 'org.retire_unit': 'Unit retired', 'org.set_boundary': 'Grid boundary changed', 'org.update_team': 'Grid team changed',
  'post.create': 'Post added', 'post.update': 'Post edited', 'post.set_holders': 'Post holders set', 'duty_roster.save': 'Duty roster saved',
  'account.register': 'Resident registered', 'account.register_code': 'Registration code sent',
  'registry.import': 'Registry imported', 'registry.export': 'Registry exported', 'registry.resident.reveal': 'Resident details read', 'registry.place.reveal': 'Place phone read',
  'task.complete': 'Task completed', 'task.create': 'Task assigned', 'campaign.create': 'Campaign pushed', 'visit.create': 'Visit recorded', 'visit.report_case': 'Visit finding reported as a case',
  'task.generate': 'Daily tasks generated', 'absence.create': 'Absence recorded', 'absence.delete': 'Absence withdrawn',
  'duty.admission.request': 'Duty admission requested', 'duty.admission.approve': 'Duty admitted', 'duty.admission.refuse': 'Duty admission refused', 'duty.item.update': 'Duty item edited', 'duty.item.retire': 'Duty item retired', 'standing_duties.save': 'Standing duties saved',
  'alarm.acknowledge': 'Alarm acknowledged', 'alarm.clear': 'Alarm cleared',
  'webhook.create': 'Partner webhook added', 'webhook.update': 'Partner webhook changed', 'webhook.test': 'Test notification sent',
  'platform.register': 'Alert platform registered', 'platform.update': 'Alert platform changed', 'platform.key': 'Alert platform key replaced',
  'device.create': 'Device registered', 'device.update': 'Device edited', 'device.overrides': 'Personal alarm limits changed', 'device.retire': 'Device retired', 'device.rotateToken': 'Device token replaced',
  'device_profile.save_rules': 'Alarm rules saved',
  'plan.create': 'Plan written', 'plan.update': 'Plan changed', 'plan.retire': 'Plan retired', 'plan.read_contacts': 'Plan contact phones read', 'plan.suggestion.dismiss': 'Plan suggestion dismissed',
  'incident.activate': 'Plan started', 'incident.drill': 'Plan drill started', 'incident.level': 'Response level changed', 'incident.standDown': 'Incident stood down',
  'incident.check': 'Step checklist ticked', 'incident.read_contacts': 'Incident contact phones read',
  'enforcement.matter.save': 'Enforcement matter saved', 'enforcement.case.open': 'Enforcement case opened', 'enforcement.subject.read': 'Enforcement subject read in full',
  'enforcement.case.update_facts': 'Enforcement facts corrected', 'enforcement.case.add_evidence': 'Enforcement evidence added', 'enforcement.case.confirm_band': 'Penalty band confirmed',
  'enforcement.case.review': 'Legal review', 'enforcement.case.decide': 'Penalty decided', 'enforcement.case.pay': 'Fine payment recorded',
  'enforcement.case.execute': 'Penalty execution recorded', 'enforcement.case.close': 'Enforcement case closed', 'enforcement.case.drop': 'Enforcement case dropped',
  'inspection.plan': 'Joint inspection planned', 'inspection.record': 'Joint inspection results recorded', 'enforcement.decision.download': 'Penalty decision downloaded',
  'dispute_class.create': 'Dispute class added', 'dispute_class.update': 'Dispute class edited', 'dispute.register': 'Dispute registered', 'dispute.parties.read': 'Dispute parties read in full',
  'dispute.push': 'Dispute pushed to a unit', 'dispute.reply': 'Referral replied', 'dispute.litigate': 'Dispute transferred to court', 'dispute.change_tier': 'Dispute tier changed',
  'dispute.assess_risk': 'Dispute risk re-assessed', 'dispute.close': 'Dispute closed', 'dispute.reopen': 'Dispute reopened',
  'dispute.mediate': 'Mediation recorded', 'dispute.agreement.download': 'Mediation agreement downloaded', 'dispute.signed_scan.read': 'Signed agreement photo viewed',
  'dispute.follow_up': 'Dispute followed up', 'dispute.attach_signed': 'Signed agreement attached', 'dispute.sweep.create': 'Dispute sweep started', 'dispute.sweep.report': 'Grid sweep report',
  'party.post.create': 'Party post added', 'party.commitments.save': 'Party commitments saved', 'party.stars.rate': 'Party member rated',
  'participation.meeting.create': 'Meeting created', 'participation.meeting.open': 'Meeting opened', 'participation.meeting.close': 'Meeting closed',
  'participation.meeting.cancel': 'Meeting cancelled', 'participation.meeting.minutes': 'Meeting minutes saved', 'participation.meeting.checkin_read': 'Sign-in QR code viewed',
  'participation.meeting.attend': 'Meeting sign-in', 'participation.meeting.comment': 'Meeting comment', 'participation.motion.create': 'Motion opened',
  'participation.vote.loosen': 'Vote electorate loosened', 'participation.vote.cast': 'Vote cast', 'participation.motion.close': 'Motion closed and counted',
  'participation.idea.create': 'Idea submitted', 'participation.idea.support': 'Idea supported', 'participation.idea.screen': 'Idea screened',
  'participation.idea.respond': 'Idea answered', 'participation.idea.top.publish': 'Top ten ideas published',
  'points.rules.save': 'Points rules saved', 'points.rules.publish': 'Points rules published', 'points.award': 'Points awarded or deducted', 'points.reverse': 'Points reversed',
  'points.award.auto': 'Points awarded by the system', 'points.reconcile.mismatch': 'Points books out of balance', 'points.assessment.report': 'Household self-assessment',
  'points.assessment.peerReview': 'Assessment peer-reviewed', 'points.assessment.approve': 'Assessment approved', 'points.assessment.return': 'Assessment returned',
  'points.goods.create': 'Supermarket goods added', 'points.goods.update': 'Supermarket goods edited', 'points.redemption.reserve': 'Points redeemed',
  'points.redemption.pickup': 'Redeemed goods handed over', 'points.redemption.cancel': 'Redemption cancelled', 'points.redemption.expire': 'Redemption expired',
  'points.civility.derive': 'Red and black lists derived',
  'volunteer.team.create': 'Volunteer team formed', 'volunteer.team.member_add': 'Volunteer added', 'volunteer.team.member_remove': 'Volunteer removed',
  'volunteer.team.join': 'Volunteer team joined', 'volunteer.team.leave': 'Volunteer team left',
  'volunteer.activity.create': 'Volunteer activity created', 'volunteer.activity.sign_up': 'Signed up for an activity', 'volunteer.activity.check_in': 'Checked in at an activity',
  'volunteer.activity.check_out': 'Checked out of an activity', 'volunteer.activity.done': 'Volunteer activity done', 'volunteer.activity.cancel': 'Volunteer activity cancelled',
};

export const TARGET_TYPES_ZH: Record<string, string> = {
  account: '账号', case: '案卷', matter: '事项', org_unit: '组织单元', post: '岗位', route: '接口', working_calendar: '工作日历',
  registry: '网格台账', registry_import: '台账导入', registry_resident: '居民', registry_place: '场所',
  registry_building: '楼栋', registry_household: '住户', registry_thing: '部件', registry_hazard: '隐患',
  task: '任务', visit: '走访', task_campaign: '宣传任务',
  duty_item: '履职事项', duty_admission: '准入申请',
  alarm: '告警',
  webhook: '合作方通知', alert_platform: '告警平台',
  device: '设备', device_profile: '设备规则方案',
  plan: '预案', incident: '应急事件',
  joint_inspection: '联合检查', enforcement_case: '执法案件', enforcement_matter: '执法事项',
  dispute: '矛盾纠纷', dispute_class: '纠纷类别', dispute_sweep: '矛盾纠纷大排查',
  party_post: '党员微阵地', party_commitment: '党员承诺',
  meeting: '议事活动', motion: '表决', idea: '金点子',
  point_transaction: '积分记录', point_assessment: '积分评定', point_reconciliation: '积分对账',
  point_goods: '积分超市商品', point_redemption: '积分兑换', volunteer_team: '志愿服务队', volunteer_activity: '志愿活动',
};

export const TARGET_TYPES_EN: typeof TARGET_TYPES_ZH = {
  account: 'Account', case: 'Case', matter: 'Matter', org_unit: 'Org unit', post: 'Post', route: 'API route', working_calendar: 'Working calendar',
  registry: 'Registry', registry_import: 'Registry import', registry_resident: 'Resident', registry_place: 'Place',
  registry_building: 'Building', registry_household: 'Household', registry_thing: 'Thing', registry_hazard: 'Hazard',
  task: 'Task', visit: 'Visit', task_campaign: 'Campaign',
  duty_item: 'Duty item', duty_admission: 'Duty admission',
  alarm: 'Alarm',
  webhook: 'Partner webhook', alert_platform: 'Alert platform',
  device: 'Device', device_profile: 'Device profile',
  plan: 'Plan', incident: 'Incident',
  joint_inspection: 'Joint inspection', enforcement_case: 'Enforcement case', enforcement_matter: 'Enforcement matter',
  dispute: 'Dispute', dispute_class: 'Dispute class', dispute_sweep: 'Dispute sweep',
  party_post: 'Party post', party_commitment: 'Party commitments',
  meeting: 'Meeting', motion: 'Motion', idea: 'Idea',
  point_transaction: 'Points transaction', point_assessment: 'Points assessment', point_reconciliation: 'Points reconciliation',
  point_goods: 'Supermarket goods', point_redemption: 'Redemption', volunteer_team: 'Volunteer team', volunteer_activity: 'Volunteer activity',
};

/**
 * Every change to a registry record is audited as `registry.<kind>.<change>` (src/server/registry/change-log.ts):
 * its name is the record's kind and the change, e.g. 住户 · 新增.
 */
export const REGISTRY_CHANGE_NAMES = {
  zh: { create: '新增', update: '修改', leave: '迁出注销', moveOut: '迁出本户', name: '登记', inspect: '巡查', boundary: '勘界调整', import: '导入' },
  en: { create: 'added', update: 'edited', leave: 'left', moveOut: 'moved out of the household', name: 'recorded', inspect: 'inspected', boundary: 'moved by a boundary change', import: 'imported' },
} as const satisfies Record<'zh' | 'en', Record<string, string>>;

/** The name of an audit action in a language; the code itself only when nothing names it. */
export function actionName(action: string, lang: 'zh' | 'en'): string {
  const named = (lang === 'zh' ? ACTION_NAMES_ZH : ACTION_NAMES_EN)[action];
  if (named) return named;
  const m = /^registry\.([a-z]+)\.([a-zA-Z]+)$/.exec(action);
  const kind = m && (lang === 'zh' ? TARGET_TYPES_ZH : TARGET_TYPES_EN)[`registry_${m[1]}`];
  const change = m && (REGISTRY_CHANGE_NAMES[lang] as Record<string, string>)[m[2]!];
  return kind && change ? (lang === 'zh' ? `${kind} · ${change}` : `${kind} ${change}`) : action;
}
