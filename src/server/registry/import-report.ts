// The report of an import: the rejected rows as they were uploaded (read again from the kept file, in step with the
// rejections ordered by row, so neither is held whole in memory), with a column 错误原因 beside each row and the cell
// of each column at fault filled red. Written as a stream (ExcelJS's streaming WorkbookWriter).
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../platform/db/db.ts';
import { IMPORT_COLUMNS, matchHeaders } from '../../domain/registry/columns.ts';
import type { Cell } from '../../domain/registry/rows.ts';
import type { ImportFiles } from './import-file.ts';
import { readRows, readSharedStrings } from './import-reader.ts';
import { listRejections, type ImportRow, type RejectionRow } from './import-store.ts';

const FAULT = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;

const shown = (c: Cell): string | number | boolean | Date | null => (c === undefined ? null : c);

/** The report as an .xlsx stream. */
export function importReport(db: Db, files: ImportFiles, imp: ImportRow): Readable {
  const out = new PassThrough();
  void write(db, files, imp, out).catch((err: Error) => out.destroy(err));
  return out;
}

async function write(db: Db, files: ImportFiles, imp: ImportRow, out: PassThrough): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = wb.addWorksheet('错误报告');
  const strings = imp.format === 'xlsx' ? await readSharedStrings(await files.open(imp.id)) : null;
  const columns = IMPORT_COLUMNS[imp.kind];
  let positionOf = new Map<string, number>();
  let width = 0;
  let pending: RejectionRow[] = [];
  let after = 0;
  let exhausted = false;
  const next = async () => {
    if (pending.length === 0 && !exhausted) {
      pending = await listRejections(db, imp.id, 1000, after);
      if (pending.length < 1000) exhausted = true;
      if (pending.length) after = pending[pending.length - 1]!.row_number;
    }
    return pending[0];
  };
  let first = true;
  for await (const r of readRows(await files.open(imp.id), imp.format, strings)) {
    if (first) {
      first = false;
      width = r.cells.length;
      const match = matchHeaders(imp.kind, r.cells.map((c) => (c === null || c === undefined ? null : String(c))));
      const keys = match.ok ? match.keys : [];
      positionOf = new Map(keys.flatMap((k, i) => {
        const c = k ? columns.find((x) => x.key === k) : undefined;
        return c ? [[c.header, i] as [string, number]] : [];
      }));
      sheet.columns = [{ width: 8 }, ...r.cells.map(() => ({ width: 16 })), { width: 60 }];
      const head = sheet.addRow(['原行号', ...r.cells.map(shown), '错误原因']);
      head.font = { bold: true };
      head.commit();
      continue;
    }
    let rej = await next();
    while (rej && rej.row_number < r.row) { pending.shift(); rej = await next(); }
    if (!rej) break;
    if (rej.row_number > r.row) continue;
    const reasons: RejectionRow[] = [];
    while (rej && rej.row_number === r.row) {
      reasons.push(pending.shift()!);
      rej = await next();
    }
    if (reasons.length === 0) continue;
    const cells = Array.from({ length: Math.max(width, r.cells.length) }, (_, i) => shown(r.cells[i]));
    const row = sheet.addRow([r.row, ...cells, reasons.map((x) => (x.column_name ? `${x.column_name}：${x.message_zh}` : x.message_zh)).join('\n')]);
    for (const x of reasons) {
      const at = x.column_name ? positionOf.get(x.column_name) : undefined;
      if (at !== undefined) row.getCell(at + 2).fill = FAULT;
    }
    row.getCell(cells.length + 2).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  sheet.commit();
  await wb.commit();
}
