import { reportPdf } from './report-pdf.ts';
import { reportWorkbook } from './report-excel.ts';
import type { FilledReport } from './fill-report.ts';

/** The file of a fill, from its kept table: the maker's name and the fill's time are those of the fill. */
export function reportFile(r: FilledReport): Promise<Buffer> {
  return r.format === 'pdf' ? reportPdf(r.table, r.byName, r.at) : reportWorkbook(r.table, r.byName, r.at);
}
