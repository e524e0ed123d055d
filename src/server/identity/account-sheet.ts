// The spreadsheet side of the account import: the template written, an uploaded .xlsx read into raw rows. ExcelJS does
// the format; the zip is first inflated here under a size cap, so a small upload cannot unpack into gigabytes.
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError } from '../platform/errors.ts';
import { IMPORT_COLUMNS, ROLE_NAMES_ZH, type RawRow } from '../../domain/identity/account-import.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_MAX_BYTES = 1024 * 1024;
/** what the parts of an upload may unpack to, together */
const MAX_UNPACKED = 32 * 1024 * 1024;

const unreadable = () => new AppError('IMPORT_REJECTED', 'The file is not an .xlsx workbook that can be read: save it from the template as .xlsx.',
  '无法读取该文件：请使用模板另存为 .xlsx 格式后再上传。', { errors: [] });

/**
 * Inflates every part of the zip (central directory, no zip64) with a cap on the total, and throws when the file is
 * not such a zip or unpacks to more. What the parser then reads is what was measured here: the same entries.
 */
export function checkZipSize(buf: Buffer, max = MAX_UNPACKED): void {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) throw unreadable();
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw unreadable();
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const local = buf.readUInt32LE(at + 42);
    if (compressed === 0xffffffff || local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw unreadable();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    if (method === 0) total += data.length;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, max - total) }).length;
      } catch {
        throw unreadable();
      }
    } else throw unreadable();
    if (total >= max) throw unreadable();
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
};

/** The rows under the header of the first sheet, by the template's columns; row numbers as the spreadsheet shows them. */
export async function readAccountSheet(buf: Buffer): Promise<RawRow[]> {
  checkZipSize(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw unreadable();
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const raw: RawRow = { row: n };
    IMPORT_COLUMNS.forEach((c, i) => { raw[c.key] = text(row.getCell(i + 1).value).trim(); });
    rows.push(raw);
  });
  return rows;
}

/** The template: the header, the roles offered as a list, and a sheet of notes with an example. */
export async function accountTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('账号');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: `${c.zh}${c.required ? '*' : ''} (${c.key})`, key: c.key, width: c.key === 'roles' || c.key === 'posts' ? 26 : 20 }));
  sheet.getRow(1).font = { bold: true };
  const roleNames = Object.values(ROLE_NAMES_ZH);
  for (let r = 2; r <= 201; r++) {
    sheet.getCell(`D${r}`).dataValidation = { type: 'list', allowBlank: false, formulae: [`"${roleNames.join(',')}"`], showErrorMessage: false };
    sheet.getCell(`A${r}`).numFmt = '@';
    sheet.getCell(`C${r}`).numFmt = '@';
    sheet.getCell(`E${r}`).numFmt = '@';
  }
  const notes = wb.addWorksheet('说明');
  notes.columns = [{ width: 110 }];
  for (const line of [
    '每行一个工作人员账号；* 为必填。导入时全部检查，任何一行有误则一个账号也不创建，并列出出错的行、列和原因。',
    'One staff account per row; * is required. The whole file is checked: if any row is wrong, no account is created and every problem is listed by row and column.',
    `角色 (roles)：${roleNames.join('、')}；多个角色用逗号分隔。三员分立：系统管理员、安全管理员、审计管理员不能兼任。`,
    '数据范围编码 (scope)：组织单位编码（统计用区划代码 + 网格号），须在您的数据范围内。',
    '岗位编码 (posts)：所在镇街的岗位编码（如 JJ-CSGX），可填多个，用逗号分隔；账号占用空缺的 A 岗，否则 B 岗。',
    '导入成功后每个账号会得到一次性密码，只显示一次；账号首次登录须修改密码。',
    '示例 (example)：wang.wei | 王伟 | 13800001234 | 网格员 | 500199001001001 |',
  ]) notes.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
