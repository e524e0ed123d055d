// 一表通 forms: what a form may hold, and which periods and rows a fill has.
//   - A form has a name, its rows (the unit's children, or the months of the period), the kind of period it is filled
//     for (months rows: a quarter or a year), and 1–16 columns, each an indicator of the form's catalog, named once.
//   - A fill's period must be of the form's kind; months rows are the months of the period that have begun by today
//     (a year filled in March has three rows), never a month still to come.
import { REPORT_LIMITS, REPORT_PERIOD_KINDS, REPORT_ROW_KINDS, type ReportPeriodKind, type ReportRowKind } from '../../shared/reports.ts';

export interface FormInput {
  name: string;
  description?: string;
  rowKind: ReportRowKind;
  periodKind: ReportPeriodKind;
  columns: { indicatorCode: string; label?: string | null }[];
}

/** Why a form cannot be kept (Chinese, shown to the editor); empty when it is fine. `known`: the catalog's codes. */
export function formRefusals(f: FormInput, known: ReadonlySet<string>): string[] {
  const reasons: string[] = [];
  const name = f.name?.trim() ?? '';
  if (!name) reasons.push('报表名称不能为空');
  else if (name.length > REPORT_LIMITS.name) reasons.push(`报表名称最多 ${REPORT_LIMITS.name} 个字`);
  if ((f.description ?? '').length > REPORT_LIMITS.description) reasons.push(`说明最多 ${REPORT_LIMITS.description} 个字`);
  if (!REPORT_ROW_KINDS.includes(f.rowKind)) reasons.push('行须为下级单位或月份');
  if (!REPORT_PERIOD_KINDS.includes(f.periodKind)) reasons.push('报送周期须为月、季或年');
  else if (f.rowKind === 'months' && f.periodKind === 'month') reasons.push('按月份分行的报表须按季或按年报送');
  const columns = Array.isArray(f.columns) ? f.columns : [];
  if (columns.length === 0) reasons.push('至少选择一个指标作为列');
  if (columns.length > REPORT_LIMITS.columns) reasons.push(`最多 ${REPORT_LIMITS.columns} 列`);
  const seen = new Set<string>();
  for (const c of columns) {
    if (!known.has(c.indicatorCode)) reasons.push(`指标不在本街道的指标目录中：${c.indicatorCode}`);
    else if (seen.has(c.indicatorCode)) reasons.push(`指标重复：${c.indicatorCode}`);
    seen.add(c.indicatorCode);
    if ((c.label ?? '').trim().length > REPORT_LIMITS.label) reasons.push(`列名最多 ${REPORT_LIMITS.label} 个字：${c.label}`);
  }
  return reasons;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The months of a quarter ('2026Q4') or a year ('2026') that have begun by `today` (YYYY-MM-DD), in order; empty for a
 * period still to come or a key of another kind.
 */
export function monthsOf(period: string, today: string): string[] {
  let first: number, last: number, year: string;
  const q = /^(\d{4})Q([1-4])$/.exec(period);
  const y = /^(\d{4})$/.exec(period);
  if (q) { year = q[1]!; first = (Number(q[2]) - 1) * 3 + 1; last = first + 2; }
  else if (y) { year = y[1]!; first = 1; last = 12; }
  else return [];
  const thisMonth = today.slice(0, 7);
  const months: string[] = [];
  for (let m = first; m <= last; m++) {
    const key = `${year}-${pad(m)}`;
    if (key <= thisMonth) months.push(key);
  }
  return months;
}

/** The kind of a period key among those forms are filled for; null for a day or a key that is not a period. */
export function reportPeriodKind(period: string): ReportPeriodKind | null {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'month';
  if (/^\d{4}Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}$/.test(period)) return 'year';
  return null;
}

/** A period in words: 2026年12月, 2026年第四季度, 2026年 (zh); Dec 2026, 2026 Q4, 2026 (en). */
export function periodLabel(period: string, lang: 'zh' | 'en' = 'zh'): string {
  const QZ = ['一', '二', '三', '四'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return lang === 'zh' ? `${m[1]}年${Number(m[2])}月` : `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})Q([1-4])$/.exec(period);
  if (m) return lang === 'zh' ? `${m[1]}年第${QZ[Number(m[2]) - 1]}季度` : `${m[1]} Q${m[2]}`;
  m = /^(\d{4})$/.exec(period);
  if (m) return lang === 'zh' ? `${m[1]}年` : m[1]!;
  return period;
}
