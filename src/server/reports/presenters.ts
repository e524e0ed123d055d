import type { Principal } from '../platform/auth.ts';
import { REPORT_EDITORS } from '../../shared/reports.ts';
import { MEASURES, type MeasureCode } from '../../shared/indicators.ts';
import { periodLabel } from '../../domain/reports/form.ts';
import type { IndicatorDefinition } from '../indicators/values.ts';
import type { FillRow, FormRow } from './form-store.ts';
import { MEASURE_PREFIX } from './report-table.ts';
import type { FillView, FormView } from './schemas.ts';

/*
 * The JSON of forms and fills, with what the caller may do: every reader fills a form; an editor (admin, leader) edits
 * and archives a town's form whose town lies in their territory, and only an administrator the standard ones.
 */

const iso = (t: Date | string) => new Date(t).toISOString();

export const isEditor = (p: Principal) => p.roles.some((r) => (REPORT_EDITORS as readonly string[]).includes(r));

export function mayEdit(p: Principal, f: Pick<FormRow, 'org_path' | 'archived_at'>): boolean {
  if (!isEditor(p) || f.archived_at !== null) return false;
  if (f.org_path === null) return p.roles.includes('admin');
  return p.scopePath !== null && f.org_path.startsWith(p.scopePath);
}

export function presentForm(f: FormRow, p: Principal, catalog: Map<string, IndicatorDefinition>): FormView {
  const edit = mayEdit(p, f);
  return {
    id: f.id, code: f.code, standard: f.standard, orgUnitId: f.org_unit_id, orgUnitName: f.org_unit_name, name: f.name,
    description: f.description, rowKind: f.row_kind, periodKind: f.period_kind,
    columns: f.columns.map((c) => {
      const measure = c.indicatorCode.startsWith(MEASURE_PREFIX) ? MEASURES[c.indicatorCode.slice(MEASURE_PREFIX.length) as MeasureCode] : undefined;
      const d = catalog.get(c.indicatorCode);
      const nameZh = measure?.zh ?? d?.nameZh ?? c.indicatorCode;
      return { indicatorCode: c.indicatorCode, label: c.label ?? null, name: c.label?.trim() || nameZh, nameEn: measure?.en ?? d?.nameEn ?? c.indicatorCode };
    }),
    version: Number(f.version), archived: f.archived_at !== null, updatedAt: iso(f.updated_at),
    policies: [...(edit ? ['edit' as const, 'archive' as const] : []), ...(f.archived_at === null ? ['fill' as const] : [])],
  };
}

export function presentFill(r: FillRow): FillView {
  return {
    id: r.id, formId: r.form_id, formName: r.form_name, formVersion: Number(r.form_version), orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name, period: r.period, periodLabel: periodLabel(r.period), format: r.format, byName: r.by_name,
    at: iso(r.at), policies: ['download'],
  };
}
