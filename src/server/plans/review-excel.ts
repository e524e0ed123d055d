import ExcelJS from 'exceljs';
import { ACTION_ZH, HAZARD_ZH, LEVEL_ZH, STEP_STATE_ZH, type IncidentReview } from './review-report.ts';
import { beijing } from './review-pdf.ts';

/*
 * The after-action review as a workbook: 步骤 (planned against actual, one row a step, late ones in red), 处置记录 (the
 * log), and 概况 (the incident and its totals). Times in Beijing time as text, so a spreadsheet shows what the page shows.
 */
export async function reviewWorkbook(r: IncidentReview, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = r.townName;
  wb.created = now;
  const header = (ws: ExcelJS.Worksheet) => {
    const row = ws.getRow(1);
    row.font = { bold: true };
    row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };

  const summary = wb.addWorksheet('概况');
  summary.columns = [{ header: '项目', key: 'k', width: 16 }, { header: '内容', key: 'v', width: 60 }];
  const t = r.totals;
  for (const [k, v] of [
    ['事件编号', r.number], ['事件', r.title], ['预案', `${r.planName}（第 ${r.planVersion} 版）`], ['灾种', HAZARD_ZH[r.hazard]],
    ['性质', r.drill ? '演练' : '实战'], ['最终级别', LEVEL_ZH[r.level]], ['启动时间', beijing(r.activatedAt)], ['启动人', r.activatedByName ?? '系统自动启动'],
    ['启动原因', r.reason], ['解除时间', beijing(r.stoodDownAt)], ['解除人', r.stoodDownByName ?? ''], ['解除原因', r.standDownReason ?? ''],
    ['响应时长（分钟）', t.durationMinutes], ['步骤数', t.steps], ['按时完成', t.doneOnTime], ['超时完成', t.doneLate], ['未完成', t.left],
    ['首个步骤完成用时（分钟）', t.minutesToFirstStepDone ?? ''], ['最长超时（分钟）', t.longestDelayMinutes ?? ''],
  ] as [string, string | number][]) summary.addRow({ k, v });
  header(summary);

  const steps = wb.addWorksheet('步骤');
  steps.columns = [
    { header: '序号', key: 'n', width: 6 }, { header: '步骤', key: 'title', width: 30 }, { header: '责任角色', key: 'role', width: 14 },
    { header: '启动级别', key: 'from', width: 14 }, { header: '工单编号', key: 'case', width: 24 }, { header: '承办', key: 'assignee', width: 18 },
    { header: '开始时间', key: 'created', width: 17 }, { header: '计划完成', key: 'due', width: 17 }, { header: '实际完成', key: 'done', width: 17 },
    { header: '计划用时（分钟）', key: 'planned', width: 10 }, { header: '实际用时（分钟）', key: 'actual', width: 10 },
    { header: '超时（分钟）', key: 'late', width: 10 }, { header: '状态', key: 'state', width: 10 }, { header: '检查项', key: 'checks', width: 50 },
  ];
  r.steps.forEach((s, n) => {
    const row = steps.addRow({
      n: n + 1, title: s.title, role: s.roleName, from: LEVEL_ZH[s.fromLevel], case: s.caseNumber, assignee: s.assigneeName ?? '',
      created: beijing(s.createdAt), due: beijing(s.dueAt), done: s.completedAt ? beijing(s.completedAt) : '', planned: s.plannedMinutes,
      actual: s.minutesToDone ?? '', late: s.lateByMinutes ?? '', state: STEP_STATE_ZH[s.state],
      checks: s.checklist.map((c) => `${c.checkedAt ? '☑' : '☐'} ${c.text}`).join('\n'),
    });
    row.alignment = { vertical: 'top', wrapText: true };
    if ((s.lateByMinutes ?? 0) > 0 || s.state === 'left') row.font = { color: { argb: 'FFC0392B' } };
  });
  header(steps);

  const log = wb.addWorksheet('处置记录');
  log.columns = [
    { header: '时间', key: 'at', width: 17 }, { header: '事项', key: 'action', width: 16 }, { header: '操作人', key: 'actor', width: 14 },
    { header: '内容', key: 'detail', width: 50 }, { header: '原因', key: 'reason', width: 40 },
  ];
  for (const e of r.log) log.addRow({ at: beijing(e.at), action: ACTION_ZH[e.action], actor: e.actorName ?? '系统', detail: e.detail, reason: e.reason ?? '' });
  header(log);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
