// The import template of each registry kind: the Chinese headers (required ones marked *), a sample row, lists to pick
// from for the columns with fixed choices (data validation), ID-number and phone columns formatted as text so a
// spreadsheet never turns them into numbers, and a notes sheet (填写说明) saying what each column takes.
import ExcelJS from 'exceljs';
import type { RegistryKind } from '../../shared/registry.ts';
import { IMPORT_COLUMNS, type ColumnDef } from '../../domain/registry/columns.ts';
import type { TagDefinition } from '../../domain/registry/tags.ts';

export const KIND_NAMES: Record<RegistryKind, { zh: string; en: string }> = {
  residents: { zh: '居民', en: 'residents' },
  households: { zh: '住户', en: 'households' },
  buildings: { zh: '楼栋', en: 'buildings' },
  places: { zh: '场所', en: 'places' },
  things: { zh: '部件设施', en: 'things' },
};

/** How many rows of the sheet carry the lists and the text format. */
const PREPARED_ROWS = 10_000;

const TEXT_KINDS = new Set(['idNumber', 'phone']);

const column = (n: number): string => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

function explain(c: ColumnDef, tags: readonly TagDefinition[]): string {
  const parts: string[] = [];
  if (c.hint) parts.push(c.hint);
  if (c.options) parts.push(`可选：${c.options.join('、')}`);
  if (c.kind === 'tags') parts.push(`标签目录：${tags.map((t) => t.name).join('、')}`);
  if (c.kind === 'date') parts.push('日期，如 1949-12-31');
  if (c.kind === 'integer') parts.push(`整数${c.min !== undefined ? `，${c.min}–${c.max}` : ''}`);
  if (c.kind === 'text' && c.maxLength) parts.push(`不超过 ${c.maxLength} 字`);
  if (c.kind === 'phone') parts.push('11 位手机号或带区号的固定电话；本列为文本格式');
  return parts.join('；');
}

export async function templateWorkbook(kind: RegistryKind, tags: readonly TagDefinition[]): Promise<Buffer> {
  const columns = IMPORT_COLUMNS[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhizhi 智治';
  const sheet = wb.addWorksheet(KIND_NAMES[kind].zh, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: `${c.header}${c.required ? '*' : ''}`, key: c.key,
    width: Math.max(10, Math.min(36, c.kind === 'idNumber' ? 22 : c.maxLength && c.maxLength > 60 ? 30 : [...c.header].length * 2 + 6)),
    ...(TEXT_KINDS.has(c.kind) ? { style: { numFmt: '@' } } : {}),
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    const note = explain(c, tags);
    if (note) cell.note = note;
  });
  // the sample row: every value as text, as a user would type it
  sheet.addRow(columns.map((c) => c.example));
  columns.forEach((c, i) => {
    const ref = `${column(i + 1)}2:${column(i + 1)}${PREPARED_ROWS + 1}`;
    if (c.options) {
      (sheet as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(ref, {
        type: 'list', allowBlank: !c.required, formulae: [`"${c.options.join(',')}"`], showErrorMessage: true,
        errorTitle: c.header, error: `请从列表中选择：${c.options.join('、')}`,
      });
    }
    if (TEXT_KINDS.has(c.kind)) sheet.getCell(`${column(i + 1)}2`).numFmt = '@';
  });

  const notes = wb.addWorksheet('填写说明');
  notes.columns = [{ header: '列', width: 18 }, { header: '必填', width: 8 }, { header: '说明', width: 90 }, { header: '示例', width: 26 }];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) notes.addRow([c.header, c.required ? '是' : '否', explain(c, tags), c.example]);
  notes.addRow([]);
  for (const line of [
    `每行一条${KIND_NAMES[kind].zh}记录，第一行为表头（列的顺序可以调整，表头文字须与模板一致）；带 * 的列必填。示例行导入前请删除或改为真实数据。`,
    '身份证号、手机号列已设为文本格式：请勿改为数字格式，否则表格软件会把身份证号显示成 5.00103E+17 并丢失末几位，这样的行会被拒绝。',
    '所在网格：填写楼栋时按楼栋确定；否则按经纬度（WGS-84）确定；只有住址时，网格员导入到本人网格。位置须在您的数据范围内。',
    '导入前可选择：只导入正确的行（错误行列在报告中），或全部正确才导入（有任一错误则一行也不写入）。',
    '导入完成后可下载错误报告：被拒绝的行按原样列出，旁边一列“错误原因”，出错的单元格标红。',
    'One record per row; the first row is the header (columns in any order, headers as in the template); * marks a required column.',
  ]) notes.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
