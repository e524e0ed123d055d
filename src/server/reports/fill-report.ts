import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { ReportFormat } from '../../shared/reports.ts';
import { insertFill, listFills, listForms, unitInScope, type FormRow, type UnitRow } from './form-store.ts';
import { reportTable } from './report-table.ts';
import type { ReportTableView } from './schemas.ts';

/*
 * A form filled for a unit and a period: the table made from the roll-ups, kept as it is written into the file
 * (report_fills.values), audited in the same transaction. A retry with the same Idempotency-Key answers the first
 * fill's table, so the file has the figures it had the first time.
 */

export interface FilledReport { fillId: string; table: ReportTableView; format: ReportFormat; byName: string; at: Date }

/** The form the caller reads and the unit of their scope a table is made for (default: the caller's scope). */
export async function formAndUnit(tx: Tx, p: Principal, formId: string, orgUnitId: string | undefined): Promise<{ form: FormRow; unit: UnitRow }> {
  const form = (await listForms(tx, p.scopePath, { id: formId }))[0];
  if (!form) throw notFound('report form');
  const unitId = orgUnitId ?? p.scopeOrgUnitId;
  const unit = p.scopePath === null || !unitId ? null : await unitInScope(tx, unitId, p.scopePath);
  if (!unit) throw notFound('organisation unit');
  return { form, unit };
}

export async function fillReport(
  tx: Tx, p: Principal, q: { formId: string; orgUnitId?: string; period: string; format: ReportFormat },
  o: { now: Date; ip: string | null; key: string | null },
): Promise<FilledReport> {
  if (o.key && p.scopePath !== null) {
    const first = (await listFills(tx, p.scopePath, { key: o.key, limit: 1 }))[0];
    if (first) return { fillId: first.id, table: first.values as ReportTableView, format: first.format, byName: first.by_name, at: new Date(first.at) };
  }
  const { form, unit } = await formAndUnit(tx, p, q.formId, q.orgUnitId);
  const table = await reportTable(tx, form, unit, q.period, o.now);
  const fillId = await insertFill(tx, {
    formId: form.id, formVersion: Number(form.version), formName: form.name, orgUnitId: unit.id, orgPath: unit.path, period: q.period,
    format: q.format, values: table, key: o.key, by: p.accountId, byName: p.name, now: o.now,
  });
  if (!fillId) return fillReport(tx, p, q, o); // the same key committed meanwhile: answer that one
  await appendAudit(tx, {
    at: o.now, actorId: p.accountId, actorName: p.name, ip: o.ip, action: 'report.fill', targetType: 'report_fill', targetId: fillId,
    success: true, detail: { form: form.name, formId: form.id, version: Number(form.version), unit: unit.name, period: q.period, format: q.format },
  });
  return { fillId, table, format: q.format, byName: p.name, at: o.now };
}
