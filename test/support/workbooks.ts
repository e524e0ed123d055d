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
