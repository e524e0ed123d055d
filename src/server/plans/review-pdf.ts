import PDFDocument from 'pdfkit';
import { loadChineseFonts } from '../platform/documents/pdf.ts';
import { ACTION_ZH, HAZARD_ZH, LEVEL_ZH, MSG_TYPE_ZH, STEP_STATE_ZH, type IncidentReview } from './review-report.ts';

/*
 * The after-action review as an A4 PDF in Chinese (Noto Sans SC from @embedpdf/fonts-sc, embedded as a subset): title,
 * plan and version, the level history, the steps planned against actual with the late ones marked, the steps left at
 * stand-down, the CAP alerts sent, and the log.
 */

/** Beijing time, to the minute. */
export const beijing = (t: string | null): string => {
  if (!t) return '—';
  return new Date(new Date(t).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
};
/** Beijing time without the year, for table cells. */
const short = (t: string | null): string => (t ? beijing(t).slice(5) : '—');
const minutes = (m: number | null) => (m === null ? '—' : m >= 120 ? `${Math.floor(m / 60)} 小时 ${m % 60} 分` : `${m} 分钟`);

const RED = '#c0392b';
const GREY = '#666666';
const LINE = '#cccccc';

export async function reviewPdf(r: IncidentReview, now: Date): Promise<Buffer> {
  const { regular, bold } = await loadChineseFonts();
  const doc = new PDFDocument({
    size: 'A4', margin: 48, bufferPages: true,
    info: { Title: `${r.number} 复盘报告`, Author: r.townName, Subject: r.title, CreationDate: now, ModDate: now },
  });
  doc.registerFont('zh', regular);
  doc.registerFont('zh-bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => { doc.on('end', () => resolve()); doc.on('error', reject); });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const heading = (text: string) => {
    if (doc.y > bottom() - 60) doc.addPage();
    doc.moveDown(0.8).font('zh-bold').fontSize(13).fillColor('black').text(text, left, doc.y, { width });
    doc.moveDown(0.3);
  };
  const para = (text: string, color = 'black') => doc.font('zh').fontSize(10).fillColor(color).text(text, left, doc.y, { width });

  /** A table: fixed column widths (fractions of the page), a header row repeated on each new page. */
  const table = (cols: { header: string; w: number }[], rows: { cells: string[]; color?: string }[]) => {
    const widths = cols.map((c) => c.w * width);
    const pad = 3;
    const rowHeight = (cells: string[], font: string) => {
      doc.font(font).fontSize(9);
      return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
    };
    const drawRow = (cells: string[], font: string, color: string, fill?: string) => {
      const h = rowHeight(cells, font);
      if (doc.y + h > bottom()) { doc.addPage(); drawHeader(); }
      const y = doc.y;
      if (fill) doc.rect(left, y, width, h).fill(fill);
      let x = left;
      cells.forEach((c, i) => {
        doc.font(font).fontSize(9).fillColor(color).text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad });
        x += widths[i]!;
      });
      doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.5).strokeColor(LINE).stroke();
      doc.x = left;
      doc.y = y + h;
    };
    const drawHeader = () => drawRow(cols.map((c) => c.header), 'zh-bold', 'black', '#eef2f7');
    drawHeader();
    for (const row of rows) drawRow(row.cells, 'zh', row.color ?? 'black');
  };

  // title
  doc.font('zh-bold').fontSize(18).fillColor('black').text(`${r.drill && !r.title.startsWith('【演练】') ? '【演练】' : ''}${r.title}`, { width, align: 'center' });
  doc.font('zh').fontSize(11).fillColor(GREY).text('事件处置复盘报告', { width, align: 'center' });
  doc.moveDown(0.8);
  const facts: [string, string][] = [
    ['事件编号', r.number],
    ['预案', `${r.planName}（第 ${r.planVersion} 版）`],
    ['灾种', HAZARD_ZH[r.hazard]],
    ['性质', r.drill ? '演练' : '实战'],
    ['所属街道', r.townName],
    ['地点', r.address ?? '—'],
    ['启动', `${beijing(r.activatedAt)}　${r.activatedByName ?? '系统自动启动'}　${r.reason}`],
    ['解除', `${beijing(r.stoodDownAt)}　${r.stoodDownByName ?? '—'}　${r.standDownReason ?? ''}`],
    ['响应时长', minutes(r.totals.durationMinutes)],
    ['最终级别', LEVEL_ZH[r.level]],
  ];
  for (const [k, v] of facts) {
    const y = doc.y;
    doc.font('zh-bold').fontSize(10).fillColor('black').text(k, left, y, { width: 70 });
    doc.font('zh').fontSize(10).text(v, left + 76, y, { width: width - 76 });
    doc.moveDown(0.15);
  }

  heading('一、总体情况');
  const t = r.totals;
  para(`共 ${t.steps} 个步骤：按时完成 ${t.doneOnTime} 个，超时完成 ${t.doneLate} 个，未完成 ${t.left} 个。`
    + `首个步骤完成用时 ${minutes(t.minutesToFirstStepDone)}。`
    + (t.longestDelayMinutes && t.longestDelayStep
      ? `最长超时：${r.steps.find((s) => s.key === t.longestDelayStep)?.title ?? t.longestDelayStep}，超时 ${minutes(t.longestDelayMinutes)}。`
      : '无超时步骤。'));

  heading('二、级别变化');
  table([{ header: '时间', w: 0.2 }, { header: '级别', w: 0.34 }, { header: '原因', w: 0.31 }, { header: '操作人', w: 0.15 }], [
    { cells: [beijing(r.activatedAt), `启动 ${LEVEL_ZH[r.levels[0]?.from ?? r.level]}`, r.reason, r.activatedByName ?? '系统自动启动'] },
    ...r.levels.map((l) => ({ cells: [beijing(l.at), `${LEVEL_ZH[l.from]} → ${LEVEL_ZH[l.to]}`, l.reason ?? '', l.byName ?? ''] })),
  ]);

  heading('三、步骤执行（计划与实际）');
  table([
    { header: '序号', w: 0.05 }, { header: '步骤', w: 0.31 }, { header: '责任角色', w: 0.12 }, { header: '计划完成', w: 0.12 },
    { header: '实际完成', w: 0.12 }, { header: '计划/实际用时', w: 0.15 }, { header: '结果', w: 0.13 },
  ], r.steps.map((s, n) => {
    const late = (s.lateByMinutes ?? 0) > 0;
    const result = s.state === 'left' ? '未完成' : s.state === 'open' ? STEP_STATE_ZH.open : late ? `超时 ${minutes(s.lateByMinutes)}` : '按时';
    return {
      cells: [String(n + 1), `${s.title}\n工单 ${s.caseNumber}`, s.roleName, short(s.dueAt), short(s.completedAt),
        `${minutes(s.plannedMinutes)} / ${minutes(s.minutesToDone)}`, result],
      color: late || s.state === 'left' ? RED : 'black',
    };
  }));

  const leftSteps = r.steps.filter((s) => s.state === 'left');
  heading('四、解除响应时未完成的步骤');
  if (leftSteps.length === 0) para('无。');
  else {
    para('以下步骤的工单仍在办理中，由承办人按工单流程办结：', GREY);
    doc.moveDown(0.3);
    table([{ header: '步骤', w: 0.32 }, { header: '工单', w: 0.24 }, { header: '承办', w: 0.24 }, { header: '检查项完成', w: 0.2 }],
      leftSteps.map((s) => ({
        cells: [s.title, s.caseNumber, s.assigneeName ?? s.roleName, `${s.checklist.filter((c) => c.checkedAt).length} / ${s.checklist.length}`],
      })));
  }

  heading('五、预警信息（CAP 1.2）');
  if (r.capAlerts.length === 0) para('无。');
  else {
    table([{ header: '发布时间', w: 0.2 }, { header: '类型', w: 0.1 }, { header: '状态', w: 0.1 }, { header: '标题', w: 0.6 }],
      r.capAlerts.map((a) => ({ cells: [beijing(a.sent), MSG_TYPE_ZH[a.msgType], a.status === 'Exercise' ? '演练' : '实发', a.headline] })));
  }

  heading('六、处置记录');
  table([{ header: '时间', w: 0.14 }, { header: '事项', w: 0.14 }, { header: '操作人', w: 0.12 }, { header: '内容', w: 0.6 }],
    r.log.map((e) => ({ cells: [short(e.at), ACTION_ZH[e.action], e.actorName ?? '系统', [e.detail, e.reason].filter(Boolean).join('\n')] })));

  // page numbers
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const margin = doc.page.margins.bottom;
    const y = doc.page.height - margin + 16;
    // below the bottom margin: lifted for the footer, else pdfkit would start a page for it
    doc.page.margins.bottom = 0;
    doc.font('zh').fontSize(8).fillColor(GREY)
      .text(`${r.number}　复盘报告　第 ${p + 1} 页 / 共 ${range.count} 页　生成于 ${beijing(now.toISOString())}`, left, y, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
