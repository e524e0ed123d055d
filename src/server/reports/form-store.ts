import type { Tx } from '../platform/db/db.ts';
import { inOrHoldingScope, likePrefix } from '../platform/db/sql.ts';
import type { ReportFormat, ReportPeriodKind, ReportRowKind } from '../../shared/reports.ts';

/*
 * 一表通's SQL: the forms a caller reads (the standard ones, and a town's own to those inside the town or above it),
 * the fills kept (under the caller's scope), and the units a table is made of. No rules here.
 */

export interface FormColumnRow { indicatorCode: string; label?: string | null }
export interface FormRow {
  id: string; code: string | null; org_unit_id: string | null; org_path: string | null; org_unit_name: string | null;
  name: string; description: string; row_kind: ReportRowKind; period_kind: ReportPeriodKind; columns: FormColumnRow[];
  standard: boolean; sort: number; version: number; archived_at: Date | string | null; updated_at: Date | string;
}

const FORM_SELECT = `select f.id, f.code, f.org_unit_id, f.org_path, u.name as org_unit_name, f.name, f.description, f.row_kind,
  f.period_kind, f.columns, f.standard, f.sort, f.version, f.archived_at, f.updated_at
  from report_forms f left join org_units u on u.id = f.org_unit_id`;

const parse = (r: FormRow): FormRow => ({ ...r, columns: typeof r.columns === 'string' ? JSON.parse(r.columns) : r.columns });

/** The forms a caller with this scope reads (null scope: the standard ones only). */
export async function listForms(tx: Tx, scopePath: string | null, o: { id?: string; archived?: boolean; lock?: boolean } = {}): Promise<FormRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (scopePath === null) where.push('f.org_path is null');
  else {
    params.push(scopePath, likePrefix(scopePath));
    where.push(`(f.org_path is null or ${inOrHoldingScope('f.org_path', '$1', '$2')})`);
  }
  if (o.id) { params.push(o.id); where.push(`f.id = $${params.length}`); }
  if (!o.archived) where.push('f.archived_at is null');
  const { rows } = await tx.query<FormRow>(
    `${FORM_SELECT} where ${where.join(' and ')} order by f.standard desc, f.sort, f.name, f.id${o.lock ? ' for update of f' : ''}`, params);
  return rows.map(parse);
}

export async function findFormByKey(tx: Tx, key: string): Promise<string | null> {
  return (await tx.query<{ id: string }>('select id from report_forms where idempotency_key = $1', [key])).rows[0]?.id ?? null;
}

export async function insertForm(tx: Tx, f: {
  code: string | null; orgUnitId: string | null; orgPath: string | null; name: string; description: string; rowKind: ReportRowKind;
  periodKind: ReportPeriodKind; columns: FormColumnRow[]; sort: number; key: string | null; by: string | null; now: Date;
}): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into report_forms (code, org_unit_id, org_path, name, description, row_kind, period_kind, columns, standard, sort,
       idempotency_key, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $13)
     on conflict do nothing returning id`,
    [f.code, f.orgUnitId, f.orgPath, f.name, f.description, f.rowKind, f.periodKind, JSON.stringify(f.columns), f.orgUnitId === null,
      f.sort, f.key, f.by, f.now]);
  return rows[0]?.id ?? null;
}

export async function updateForm(tx: Tx, id: string, f: {
  name: string; description: string; rowKind: ReportRowKind; periodKind: ReportPeriodKind; columns: FormColumnRow[]; version: number; now: Date;
}): Promise<number | null> {
  const { rows } = await tx.query<{ version: number }>(
    `update report_forms set name = $2, description = $3, row_kind = $4, period_kind = $5, columns = $6::jsonb,
       version = version + 1, updated_at = $8
     where id = $1 and version = $7 and archived_at is null returning version`,
    [id, f.name, f.description, f.rowKind, f.periodKind, JSON.stringify(f.columns), f.version, f.now]);
  return rows[0] ? Number(rows[0].version) : null;
}

export async function archiveForm(tx: Tx, id: string, now: Date): Promise<boolean> {
  const { rows } = await tx.query(
    'update report_forms set archived_at = $2, version = version + 1, updated_at = $2 where id = $1 and archived_at is null returning id', [id, now]);
  return rows.length > 0;
}

export interface UnitRow { id: string; name: string; level: string; path: string }

/** A unit inside the scope (its path starts with the scope's), or null. */
export async function unitInScope(tx: Tx, id: string, scopePath: string): Promise<UnitRow | null> {
  const { rows } = await tx.query<UnitRow>('select id, name, level, path from org_units where id = $1 and path like $2', [id, likePrefix(scopePath)]);
  return rows[0] ?? null;
}

/** The unit's children, in the tree's order. */
export async function childrenOf(tx: Tx, id: string): Promise<UnitRow[]> {
  return (await tx.query<UnitRow>('select id, name, level, path from org_units where parent_id = $1 order by sort, name, id', [id])).rows;
}

/** The town a path lies in (the unit itself for a town), or null above the towns. */
export async function townOfPath(tx: Tx, path: string): Promise<UnitRow | null> {
  const { rows } = await tx.query<UnitRow>(
    `select id, name, level, path from org_units where level = 'town' and $1 like path || '%' order by length(path) desc limit 1`, [path]);
  return rows[0] ?? null;
}

export interface FillRow {
  id: string; form_id: string; form_version: number; form_name: string; org_unit_id: string; org_unit_name: string; org_path: string;
  period: string; format: ReportFormat; values: unknown; by_name: string; at: Date | string;
}

export async function insertFill(tx: Tx, f: {
  formId: string; formVersion: number; formName: string; orgUnitId: string; orgPath: string; period: string; format: ReportFormat;
  values: unknown; key: string | null; by: string; byName: string; now: Date;
}): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into report_fills (form_id, form_version, form_name, org_unit_id, org_path, period, format, "values", idempotency_key, by_account, by_name, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12) on conflict (idempotency_key) do nothing returning id`,
    [f.formId, f.formVersion, f.formName, f.orgUnitId, f.orgPath, f.period, f.format, JSON.stringify(f.values), f.key, f.by, f.byName, f.now]);
  return rows[0]?.id ?? null;
}

/** Fills of units under the scope, newest first (one by id, or by the Idempotency-Key it was made with). */
export async function listFills(tx: Tx, scopePath: string, o: { id?: string; key?: string; formId?: string; limit?: number }): Promise<FillRow[]> {
  const params: unknown[] = [likePrefix(scopePath)];
  const where = ['r.org_path like $1'];
  if (o.id) { params.push(o.id); where.push(`r.id = $${params.length}`); }
  if (o.key) { params.push(o.key); where.push(`r.idempotency_key = $${params.length}`); }
  if (o.formId) { params.push(o.formId); where.push(`r.form_id = $${params.length}`); }
  params.push(o.limit ?? 50);
  const { rows } = await tx.query<FillRow>(
    `select r.id, r.form_id, r.form_version, r.form_name, r.org_unit_id, u.name as org_unit_name, r.org_path, r.period, r.format,
            r."values", r.by_name, r.at
       from report_fills r join org_units u on u.id = r.org_unit_id
      where ${where.join(' and ')} order by r.at desc, r.id desc limit $${params.length}`, params);
  return rows.map((r) => ({ ...r, values: typeof r.values === 'string' ? JSON.parse(r.values) : r.values }));
}
