import ExcelJS from 'exceljs';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An account import workbook with the template's header and these rows, made here so tests carry no binary fixtures. */
export async function accountWorkbook(rows: readonly (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('账号');
  sheet.addRow(['用户名*', '姓名*', '手机号', '角色*', '数据范围编码*', '岗位编码']);
  for (const r of rows) sheet.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A registry import workbook: this header row (the template's Chinese headers, or others) and these rows. */
export async function registryWorkbook(header: readonly string[], rows: readonly (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('导入');
  sheet.addRow([...header]);
  for (const r of rows) sheet.addRow([...r]);
  wb.addWorksheet('填写说明').addRow(['说明']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let gbTable: Map<string, number[]> | null = null;

/**
 * Text in GB18030 as Excel on a Chinese Windows saves a CSV (two bytes a Chinese character, ASCII as is). Node has no
 * encoder for it, only the decoder: the table is made by decoding every two-byte code once.
 */
export function gb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(hi, lo));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [hi, lo]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const gb = gbTable.get(ch);
      if (!gb) throw new Error(`no two-byte GB18030 code for ${ch}`);
      bytes.push(...gb);
    }
  }
  return Buffer.from(bytes);
}
