import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { MEASURE_CODES } from '../../shared/indicators.ts';
import { formRefusals, type FormInput } from '../../domain/reports/form.ts';
import { archiveForm, findFormByKey, insertForm, listForms, townOfPath, unitInScope, updateForm, type FormRow, type UnitRow } from './form-store.ts';
import { isEditor, mayEdit } from './presenters.ts';
import { catalogFor, MEASURE_PREFIX, reportFormInvalid } from './report-table.ts';
import type { FormChangeBody, NewFormBody } from './schemas.ts';

/*
 * Report forms made, changed and archived by editors (admin, leader): a town's own form belongs to a town of the
 * editor's territory and names indicators of that town's catalog (or measures); a standard form (no town) only an
 * administrator makes or changes. Each change is audited in its transaction; a change carries the version read.
 */

export interface Opts { now: Date; ip: string | null; key: string | null }

async function check(tx: Tx, input: FormInput, townId: string | null): Promise<void> {
  const catalog = await catalogFor(tx, townId);
  const known = new Set([...[...catalog.values()].filter((d) => !d.archived).map((d) => d.code), ...MEASURE_CODES.map((m) => `${MEASURE_PREFIX}${m}`)]);
  const reasons = formRefusals(input, known);
  if (reasons.length > 0) throw reportFormInvalid(reasons);
}

const clean = (b: FormInput) => ({
  name: b.name.trim(), description: (b.description ?? '').trim(), rowKind: b.rowKind, periodKind: b.periodKind,
  columns: b.columns.map((c) => (c.label?.trim() ? { indicatorCode: c.indicatorCode, label: c.label.trim() } : { indicatorCode: c.indicatorCode })),
});

export async function createForm(tx: Tx, p: Principal, b: NewFormBody, o: Opts): Promise<{ id: string; created: boolean }> {
  if (o.key) {
    const first = await findFormByKey(tx, o.key);
    if (first) return { id: first, created: false };
  }
  if (!isEditor(p)) throw forbidden();
  let town: UnitRow | null = null;
  if (b.orgUnitId) {
    const unit = p.scopePath === null ? null : await unitInScope(tx, b.orgUnitId, p.scopePath);
    if (!unit) throw notFound('organisation unit');
    if (unit.level !== 'town') throw reportFormInvalid(['本街道的报表须属于一个街道（乡镇）']);
    town = unit;
  } else if (p.scopePath !== null) {
    town = await townOfPath(tx, p.scopePath);
  }
  if (town === null && !p.roles.includes('admin')) throw reportFormInvalid(['请选择报表所属的街道（乡镇）']);
  if (town !== null && (p.scopePath === null || !town.path.startsWith(p.scopePath))) throw forbidden();
  await check(tx, b, town?.id ?? null);
  const f = clean(b);
  const id = await insertForm(tx, { code: null, orgUnitId: town?.id ?? null, orgPath: town?.path ?? null, ...f, sort: 1000, key: o.key, by: p.accountId, now: o.now });
  if (!id) return { id: (await findFormByKey(tx, o.key!))!, created: false };
  await appendAudit(tx, {
    at: o.now, actorId: p.accountId, actorName: p.name, ip: o.ip, action: 'report.form.create', targetType: 'report_form', targetId: id,
    success: true, detail: { name: f.name, town: town?.name ?? null, rowKind: f.rowKind, periodKind: f.periodKind, columns: f.columns.map((c) => c.indicatorCode) },
  });
  return { id, created: true };
}

async function editable(tx: Tx, p: Principal, id: string): Promise<FormRow> {
  const form = (await listForms(tx, p.scopePath, { id, archived: true, lock: true }))[0];
  if (!form) throw notFound('report form');
  if (!mayEdit(p, form)) throw forbidden();
  return form;
}

export async function changeForm(tx: Tx, p: Principal, id: string, b: FormChangeBody, o: Omit<Opts, 'key'>): Promise<void> {
  const form = await editable(tx, p, id);
  await check(tx, b, form.org_unit_id);
  const f = clean(b);
  const version = await updateForm(tx, id, { ...f, version: b.version, now: o.now });
  if (version === null) {
    throw new AppError('CONFLICT', 'Someone changed the form meanwhile; reload it and try again.', '报表已被他人修改，请刷新后重试。', { version: Number(form.version) });
  }
  await appendAudit(tx, {
    at: o.now, actorId: p.accountId, actorName: p.name, ip: o.ip, action: 'report.form.update', targetType: 'report_form', targetId: id,
    success: true, detail: { name: f.name, version, columns: f.columns.map((c) => c.indicatorCode) },
  });
}

export async function retireForm(tx: Tx, p: Principal, id: string, o: Omit<Opts, 'key'>): Promise<void> {
  const form = await editable(tx, p, id);
  if (!(await archiveForm(tx, id, o.now))) throw notFound('report form');
  await appendAudit(tx, {
    at: o.now, actorId: p.accountId, actorName: p.name, ip: o.ip, action: 'report.form.archive', targetType: 'report_form', targetId: id,
    success: true, detail: { name: form.name },
  });
}
