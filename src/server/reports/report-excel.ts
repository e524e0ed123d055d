import ExcelJS from 'exceljs';
import { UNIT_HEADING } from '../../domain/reports/table.ts';
import { beijing } from '../plans/review-pdf.ts';
import type { ReportTableView } from './schemas.ts';

/*
 * A filled form as a workbook of one sheet named after the form: the title (unit, period, form) merged over the
 * table, the unit, period and time it was made, the header with each column's unit, a row per unit or month, and the
 * total in bold. Cells are numbers (percent as 83.33 under 「结案率（%）」), so the sheet adds up what it shows; an
 * empty cell is a value the data does not give (nothing fell due), not zero.
 */
export async function reportWorkbook(t: ReportTableView, byName: string, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = byName;
  wb.created = now;
  wb.title = t.title;
  const ws = wb.addWorksheet(t.formName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  const width = t.columns.length + 1;
  ws.columns = [{ width: 22 }, ...t.columns.map((c) => ({ width: Math.max(10, Math.min(18, c.label.length * 2 + 6)) }))];

  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = t.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = `填报单位：${t.unit.name}　统计周期：${t.periodLabel}　生成时间：${beijing(now.toISOString())}　填报人：${byName}`;
  ws.getCell(2, 1).font = { color: { argb: 'FF666666' } };

  const header = ws.getRow(4);
  header.values = [t.rowKind === 'children' ? '单位' : '月份', ...t.columns.map((c) => `${c.label}（${UNIT_HEADING[c.unit].zh}）`)];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 32;
  header.eachCell((cell) => { cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } }; });

  const numFmt = t.columns.map((c) => (c.unit === 'count' ? '0' : '0.00'));
  const put = (rowNumber: number, label: string, cells: (number | null)[], bold: boolean) => {
    const row = ws.getRow(rowNumber);
    row.values = [label, ...cells.map((v) => v ?? null)];
    cells.forEach((_, i) => { row.getCell(i + 2).numFmt = numFmt[i]!; });
    if (bold) row.font = { bold: true };
  };
  t.rows.forEach((r, i) => put(5 + i, r.label, r.cells, false));
  const totalRow = 5 + t.rows.length;
  put(totalRow, t.total.label, t.total.cells, true);
  for (let r = 4; r <= totalRow; r++) {
    for (let c = 1; c <= width; c++) {
      ws.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    }
  }
  ws.getCell(totalRow + 2, 1).value = '注：各单元格由系统按指标口径自动生成；合计行按下级（或各月）的分子、分母汇总后计算，比率不是各行之和或平均。空白表示该期无可计算的分母。';
  ws.views = [{ state: 'frozen', ySplit: 4, xSplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
