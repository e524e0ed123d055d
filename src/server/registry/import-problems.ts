// The reasons an import gives for a row (besides the column checks of domain/registry/rows.ts) and for a whole file,
// each in Chinese and English: what is wrong and what to do about it.
import type { ColumnDef } from '../../domain/registry/columns.ts';
import type { RejectionRow } from './import-store.ts';

export type ImportRowProblem =
  | 'DUPLICATE_IN_FILE' | 'ID_NUMBER_TAKEN' | 'LOCATION_OUTSIDE_SCOPE' | 'LOCATION_OUTSIDE_GRIDS' | 'BUILDING_UNKNOWN'
  | 'BUILDING_AMBIGUOUS' | 'LOCATION_UNRESOLVED' | 'LOCATION_REQUIRED' | 'BUILDING_EXISTS' | 'HOUSEHOLD_EXISTS' | 'HEAD_UNKNOWN'
  | 'ROOM_CHANGED';

export function rowProblem(row: number, column: string | null, code: ImportRowProblem, detail: { first?: number; name?: string } = {}): RejectionRow {
  const m = ROW_MESSAGES[code](detail);
  return { row_number: row, column_name: column, code, message_zh: m.zh, message_en: m.en };
}

const ROW_MESSAGES: Record<ImportRowProblem, (d: { first?: number; name?: string }) => { zh: string; en: string }> = {
  DUPLICATE_IN_FILE: (d) => ({ zh: `与本文件第 ${d.first} 行重复，只导入第一行。`, en: `The same as row ${d.first} of this file; only the first is imported.` }),
  ID_NUMBER_TAKEN: () => ({ zh: '该身份证号已在人口库中登记，不能重复导入；如需修改请在人员档案中编辑。', en: 'This ID number is in the registry already: edit that person\'s record instead of importing it again.' }),
  LOCATION_OUTSIDE_SCOPE: () => ({ zh: '该行的位置所在网格不在您的数据范围内。', en: 'The row\'s place lies in a grid outside your scope.' }),
  LOCATION_OUTSIDE_GRIDS: () => ({ zh: '该行的经纬度不在任何网格内，请核对经纬度。', en: 'The row\'s coordinates lie in no grid: check them.' }),
  BUILDING_UNKNOWN: (d) => ({ zh: `您的数据范围内没有名为“${d.name}”的楼栋：请先导入或新增楼栋，或核对名称。`, en: `No building named "${d.name}" in your scope: import or add it first, or check the name.` }),
  BUILDING_AMBIGUOUS: (d) => ({ zh: `您的数据范围内有多个名为“${d.name}”的楼栋，请填写经纬度以区分。`, en: `Several buildings in your scope are named "${d.name}": give the coordinates to tell them apart.` }),
  LOCATION_UNRESOLVED: () => ({ zh: '无法仅凭住址确定所在网格：请填写楼栋或经纬度。', en: 'The address alone does not say which grid: give the building or the coordinates.' }),
  LOCATION_REQUIRED: () => ({ zh: '请填写经纬度（或楼栋），用于在地图上标注并确定所在网格。', en: 'Give the coordinates (or the building), to put the record on the map and in its grid.' }),
  BUILDING_EXISTS: (d) => ({ zh: `您的数据范围内已有名为“${d.name}”的楼栋。`, en: `A building named "${d.name}" is in your scope already.` }),
  HOUSEHOLD_EXISTS: () => ({ zh: '该楼栋的这个房号已登记了住户。', en: 'This room of the building has a household already.' }),
  ROOM_CHANGED: () => ({ zh: '导入期间该房号的住户发生了变化（有人同时登记又注销了该户），请核对后重新导入此行。', en: 'The room\'s household changed while the import ran (registered and removed meanwhile): check it and import this row again.' }),
  HEAD_UNKNOWN: () => ({ zh: '户主身份证号不在您数据范围内的人口库中：请先导入人员，或不填此列。', en: 'No resident with the head\'s ID number in your scope: import the people first, or leave the column empty.' }),
};

export type ImportFailure =
  | { code: 'HEADER_MISMATCH'; missing: readonly ColumnDef[]; repeated: readonly ColumnDef[] }
  | { code: 'FILE_UNREADABLE' | 'NO_ROWS' | 'FILE_MISSING' | 'IMPORTER_GONE' | 'INTERNAL' }
  | { code: 'TOO_MANY_ROWS'; max: number }
  | { code: 'TOO_MANY_ATTEMPTS'; attempts: number };

/** A failed import's reason, in both languages. */
export function failureMessage(f: ImportFailure): { code: string; zh: string; en: string } {
  switch (f.code) {
    case 'HEADER_MISMATCH': {
      const zh = [f.missing.length ? `缺少必填列：${f.missing.map((c) => c.header).join('、')}` : '', f.repeated.length ? `列重复：${f.repeated.map((c) => c.header).join('、')}` : ''].filter(Boolean).join('；');
      const en = [f.missing.length ? `required columns missing: ${f.missing.map((c) => c.headerEn).join(', ')}` : '', f.repeated.length ? `columns repeated: ${f.repeated.map((c) => c.headerEn).join(', ')}` : ''].filter(Boolean).join('; ');
      return { code: f.code, zh: `表头与模板不符（${zh}）：请使用下载的模板，第一行为表头。`, en: `The header row does not match the template (${en}): use the template, with the header in the first row.` };
    }
    case 'FILE_UNREADABLE': return { code: f.code, zh: '无法读取该文件：请上传 .xlsx 或 .csv 格式（可用模板另存）。', en: 'The file cannot be read: upload an .xlsx or .csv file (save it from the template).' };
    case 'NO_ROWS': return { code: f.code, zh: '文件中没有数据行。', en: 'The file holds no rows under its header.' };
    case 'FILE_MISSING': return { code: f.code, zh: '导入文件已不在服务器上，请重新上传。', en: 'The uploaded file is no longer on the server: upload it again.' };
    case 'IMPORTER_GONE': return { code: f.code, zh: '导入人的账号已停用或不再有导入权限，导入已停止。', en: 'The importer\'s account is disabled or may no longer import: the import stopped.' };
    case 'TOO_MANY_ROWS': return { code: f.code, zh: `文件超过 ${f.max} 行，请拆分后分别导入。`, en: `The file has more than ${f.max} rows: split it and import the parts.` };
    case 'TOO_MANY_ATTEMPTS': return { code: f.code, zh: `导入已尝试 ${f.attempts} 次均未完成（处理过程中服务中断），已停止，上传的文件已删除：请检查文件后重新上传，或将其拆分为较小的文件；如仍失败请联系管理员。`, en: `The import was tried ${f.attempts} times and never finished (its worker stopped while running it): it has stopped and the uploaded file is deleted. Check the file and upload it again, or split it into smaller files; if it fails again, tell the administrator.` };
    case 'INTERNAL': return { code: f.code, zh: '导入时发生内部错误，已停止；请稍后重试。', en: 'The import stopped on an internal error; retry later.' };
  }
}
