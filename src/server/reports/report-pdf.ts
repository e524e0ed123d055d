import PDFDocument from 'pdfkit';
import { loadChineseFonts } from '../platform/documents/pdf.ts';
import { cellText, UNIT_HEADING } from '../../domain/reports/table.ts';
import { beijing } from '../plans/review-pdf.ts';
import type { ReportTableView } from './schemas.ts';

/*
 * A filled form as a landscape A4 PDF in Chinese (Noto Sans SC, embedded as a subset): the title, the unit, period,
 * maker and time, the ruled table — the first column the unit or month, the header repeated on each page, the total
 * row in bold — the note on how totals are made, and page numbers.
 */

const GREY = '#555555';
const LINE = '#999999';

export async function reportPdf(t: ReportTableView, byName: string, now: Date): Promise<Buffer> {
  const { regular, bold } = await loadChineseFonts();
  const doc = new PDFDocument({
    size: 'A4', layout: 'landscape', margin: 40, bufferPages: true,
    info: { Title: t.title, Author: byName, Subject: t.formName, CreationDate: now, ModDate: now },
  });
  doc.registerFont('zh', regular);
  doc.registerFont('zh-bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => { doc.on('end', () => resolve()); doc.on('error', reject); });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  doc.font('zh-bold').fontSize(17).fillColor('black').text(t.title, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.4);
  doc.font('zh').fontSize(9.5).fillColor(GREY)
    .text(`填报单位：${t.unit.name}　　统计周期：${t.periodLabel}　　填报人：${byName}　　生成时间：${beijing(now.toISOString())}`, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.8);

  const size = t.columns.length > 10 ? 7.5 : t.columns.length > 6 ? 8.5 : 10;
  const first = Math.min(0.2, Math.max(0.12, 1 / (t.columns.length + 1)));
  const widths = [first * width, ...t.columns.map(() => ((1 - first) * width) / Math.max(1, t.columns.length))];
  const pad = 4;
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: string, fill?: string) => {
    const h = heightOf(cells, font);
    if (doc.y + h > bottom()) { doc.addPage(); drawHeader(); }
    const y = doc.y;
    if (fill) doc.rect(left, y, width, h).fill(fill);
    let x = left;
    cells.forEach((c, i) => {
      doc.font(font).fontSize(size).fillColor('black').text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: i === 0 ? 'left' : 'right' });
      doc.rect(x, y, widths[i]!, h).lineWidth(0.5).strokeColor(LINE).stroke();
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + h;
  };
  const headerCells = [t.rowKind === 'children' ? '单位' : '月份', ...t.columns.map((c) => `${c.label}（${UNIT_HEADING[c.unit].zh}）`)];
  const drawHeader = () => drawRow(headerCells, 'zh-bold', '#eef2f7');
  drawHeader();
  const texts = (cells: (number | null)[]) => cells.map((v, i) => cellText(v, t.columns[i]!.unit));
  for (const r of t.rows) drawRow([r.label, ...texts(r.cells)], 'zh');
  drawRow([t.total.label, ...texts(t.total.cells)], 'zh-bold', '#f7f7f7');

  doc.moveDown(0.8);
  doc.font('zh').fontSize(8.5).fillColor(GREY).text('注：各单元格由系统按指标口径自动生成；合计行按下级（或各月）的分子、分母汇总后计算，比率不是各行之和或平均；“—”表示该期无可计算的分母。', left, doc.y, { width });

  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const margin = doc.page.margins.bottom;
    const y = doc.page.height - margin + 14;
    doc.page.margins.bottom = 0;
    doc.font('zh').fontSize(8).fillColor(GREY).text(`${t.title}　第 ${p + 1} 页 / 共 ${range.count} 页`, left, y, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
