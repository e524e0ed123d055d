import type { Db, Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { formulaRefusals } from '../../domain/indicators/formula.ts';
import { callerTown, unitInScope, type UnitRow } from './catalog-reach.ts';
import type { IndicatorBodyT, NewIndicatorBodyT, UpdateIndicatorBodyT } from './schemas.ts';

/*
 * A town's own indicators (issue 17), defined by its INDICATOR_EDITORS from the same measures as the standard ones:
 *   - the code is unique across the catalog (a standard code or another town's → 409 INDICATOR_CODE_TAKEN);
 *   - the formula must pass formulaRefusals (else 422 INDICATOR_INVALID with the reasons);
 *   - the town is one inside the editor's scope (a leader's own town; an admin names it); out of reach → 404;
 *   - standard indicators are not edited here (their target is set per town: target-commands.ts);
 *   - every change is audited in its transaction, with version + 1; an archived indicator keeps its rows and values
 *     but leaves the catalog, the pages and new report forms.
 */

/** path words of /api/indicators/… that a code may not be */
const RESERVED_CODES = new Set(['values', 'series', 'runs', 'recompute', 'measures', 'targets']);

export interface Actor { principal: Principal; ip: string }

export const indicatorInvalid = (en: string, zh: string, details?: unknown) => new AppError('INDICATOR_INVALID', en, zh, details);

const stale = () => new AppError('CONFLICT', 'Someone else changed this indicator meanwhile: reload it and try again.', '该指标已被他人修改，请刷新后重试。');

function checkBody(body: IndicatorBodyT): void {
  const reasons = formulaRefusals(body.formula);
  if (reasons.length > 0) {
    throw indicatorInvalid(`The formula cannot be kept: ${reasons.join('; ')}`, `公式有误：${reasons.join('；')}`, { field: 'formula', reasons });
  }
  if (body.unit === 'percent' && body.formula.kind === 'count') {
    throw indicatorInvalid('A percentage is a ratio: pick a numerator and a denominator.', '百分比指标须为比率：请选择分子和分母。', { field: 'unit' });
  }
  if (body.target === null || body.target === undefined) {
    if (body.warnBand !== null && body.warnBand !== undefined) {
      throw indicatorInvalid('A warning band needs a target.', '设置预警区间前请先设置目标值。', { field: 'warnBand' });
    }
  }
}

/** The town an editor defines for: the one named (inside the scope, a town), else the town of the scope. */
async function townFor(tx: Tx, p: Principal, townId: string | undefined): Promise<UnitRow> {
  if (townId === undefined) {
    const own = await callerTown(tx, p);
    if (!own || !p.scopePath || !own.path.startsWith(p.scopePath)) {
      throw indicatorInvalid('Name the town the indicator belongs to (townId).', '请指定指标所属的街道（乡镇）。', { field: 'townId' });
    }
    return own;
  }
  const unit = await unitInScope(tx, p, townId);
  if (!unit) throw notFound('town');
  if (unit.level !== 'town') throw indicatorInvalid('A town defines its own indicators: name a town.', '自定义指标须属于街道（乡镇），请选择街道（乡镇）。', { field: 'townId' });
  return unit;
}

const auditDetail = (code: string, body: IndicatorBodyT) => ({
  code, name: body.nameZh, board: body.board, unit: body.unit, direction: body.direction, formula: body.formula,
  target: body.target ?? null, warnBand: body.warnBand ?? null,
});

/** The code of the indicator this editor created with this Idempotency-Key, if any. */
async function firstWithKey(tx: Tx, accountId: string, idempotencyKey: string | null): Promise<string | null> {
  if (!idempotencyKey) return null;
  const { rows } = await tx.query<{ code: string }>('select code from indicator_definitions where created_by = $1 and idempotency_key = $2', [accountId, idempotencyKey]);
  return rows[0]?.code ?? null;
}

/** Defines a town's own indicator. A repeated Idempotency-Key of the same editor answers the first one (created: false). */
export async function createDefinition(db: Db, actor: Actor, body: NewIndicatorBodyT, idempotencyKey: string | null, now: Date): Promise<{ code: string; created: boolean }> {
  const p = actor.principal;
  const first = await firstWithKey(db, p.accountId, idempotencyKey);
  if (first) return { code: first, created: false };
  checkBody(body);
  if (RESERVED_CODES.has(body.code.toLowerCase())) {
    throw new AppError('INDICATOR_CODE_TAKEN', `The code ${body.code} is reserved: pick another.`, `指标编码 ${body.code} 为系统保留，请换一个。`, { field: 'code' });
  }
  return db.transaction(async (tx) => {
    const town = await townFor(tx, p, body.townId);
    const { rows: taken } = await tx.query('select 1 from indicator_definitions where lower(code) = lower($1)', [body.code]);
    if (taken.length > 0) {
      // a concurrent request with the same key may have committed since the look-up above: it answers, not the code check
      const first = await firstWithKey(tx, p.accountId, idempotencyKey);
      if (first) return { code: first, created: false };
      throw new AppError('INDICATOR_CODE_TAKEN', `The code ${body.code} is taken: pick another.`, `指标编码 ${body.code} 已被使用，请换一个。`, { field: 'code' });
    }
    const { rows: sort } = await tx.query<{ n: number }>('select coalesce(max(sort), 0) + 10 as n from indicator_definitions');
    const { rowCount } = await tx.query(
      `insert into indicator_definitions (code, org_unit_id, org_path, name_zh, name_en, description, board, unit, direction,
         formula, target, warn_band, standard, sort, created_by, created_at, updated_at, idempotency_key)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10::jsonb,$11,$12,false,$13,$14,$15,$15,$16)
       on conflict do nothing`,
      [body.code, town.id, town.path, body.nameZh.trim(), (body.nameEn ?? '').trim() || body.nameZh.trim(), (body.description ?? '').trim(),
        body.board, body.unit, body.direction, JSON.stringify(body.formula), body.target ?? null, body.warnBand ?? null,
        Number(sort[0]?.n ?? 10), p.accountId, now, idempotencyKey],
    );
    if (rowCount === 0) {
      // a concurrent request with the same key or code won the race
      const first = await firstWithKey(tx, p.accountId, idempotencyKey);
      if (first) return { code: first, created: false };
      throw new AppError('INDICATOR_CODE_TAKEN', `The code ${body.code} is taken: pick another.`, `指标编码 ${body.code} 已被使用，请换一个。`, { field: 'code' });
    }
    await appendAudit(tx, {
      at: now, actorId: p.accountId, actorName: p.name, ip: actor.ip, action: 'indicator.create',
      targetType: 'indicator', targetId: body.code, success: true, detail: { ...auditDetail(body.code, body), townId: town.id, townName: town.name },
    });
    return { code: body.code, created: true };
  });
}

interface OwnRow { code: string; org_unit_id: string | null; org_path: string | null; standard: boolean; version: number; archived_at: Date | null; name_zh: string }

/** A town's own indicator the editor may change: a standard one → 422; another town's or out of scope → 404. */
async function ownForChange(tx: Tx, p: Principal, code: string): Promise<OwnRow> {
  const { rows } = await tx.query<OwnRow>(
    'select code, org_unit_id, org_path, standard, version, archived_at, name_zh from indicator_definitions where code = $1 for update',
    [code],
  );
  const row = rows[0];
  if (!row) throw notFound('indicator');
  if (row.standard) {
    throw indicatorInvalid('A standard indicator is not edited: set the town\'s own target for it instead.', '标准指标不可修改，可为本街道（乡镇）设置目标值。', { field: 'code' });
  }
  if (!p.scopePath || !row.org_path || !row.org_path.startsWith(p.scopePath)) throw notFound('indicator');
  return row;
}

/** Changes a town's own indicator (name, description, board, unit, direction, formula, target, band). */
export async function updateDefinition(db: Db, actor: Actor, code: string, body: UpdateIndicatorBodyT, now: Date): Promise<void> {
  const p = actor.principal;
  checkBody(body);
  await db.transaction(async (tx) => {
    const row = await ownForChange(tx, p, code);
    if (row.version !== body.version) throw stale();
    if (row.archived_at !== null) throw indicatorInvalid('The indicator is archived.', '该指标已停用。', { field: 'code' });
    await tx.query(
      `update indicator_definitions set name_zh = $2, name_en = $3, description = $4, board = $5, unit = $6, direction = $7,
         formula = $8::jsonb, target = $9, warn_band = $10, version = version + 1, updated_at = $11
       where code = $1`,
      [code, body.nameZh.trim(), (body.nameEn ?? '').trim() || body.nameZh.trim(), (body.description ?? '').trim(), body.board, body.unit,
        body.direction, JSON.stringify(body.formula), body.target ?? null, body.warnBand ?? null, now],
    );
    await appendAudit(tx, {
      at: now, actorId: p.accountId, actorName: p.name, ip: actor.ip, action: 'indicator.update',
      targetType: 'indicator', targetId: code, success: true, detail: { ...auditDetail(code, body), version: body.version + 1 },
    });
  });
}

/** Archives a town's own indicator: it leaves the catalog and the values (its row and audit trail stay). */
export async function archiveDefinition(db: Db, actor: Actor, code: string, version: number, now: Date): Promise<void> {
  const p = actor.principal;
  await db.transaction(async (tx) => {
    const row = await ownForChange(tx, p, code);
    if (row.version !== version) throw stale();
    if (row.archived_at !== null) throw new AppError('CONFLICT', 'The indicator is archived already.', '该指标已停用。');
    await tx.query('update indicator_definitions set archived_at = $2, version = version + 1, updated_at = $2 where code = $1', [code, now]);
    await appendAudit(tx, {
      at: now, actorId: p.accountId, actorName: p.name, ip: actor.ip, action: 'indicator.archive',
      targetType: 'indicator', targetId: code, success: true, detail: { code, name: row.name_zh, version: version + 1 },
    });
  });
}
