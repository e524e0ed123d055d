import type { Db } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { indicatorInvalid, type Actor } from './definition-commands.ts';
import { unitInScope } from './catalog-reach.ts';
import type { TargetBodyT } from './schemas.ts';

/**
 * A town's own target (and warning band) for an indicator of its catalog — a standard one, or its own — set by
 * INDICATOR_EDITORS whose scope holds the town; target null removes it (the catalog's is in force again). The town
 * out of reach or the indicator not in its catalog → 404; not a town → 422 INDICATOR_INVALID. Audited
 * (indicator.target) in the same transaction.
 */
export async function setTarget(db: Db, actor: Actor, code: string, body: TargetBodyT, now: Date): Promise<void> {
  const p = actor.principal;
  await db.transaction(async (tx) => {
    const town = await unitInScope(tx, p, body.orgUnitId);
    if (!town) throw notFound('town');
    if (town.level !== 'town') throw indicatorInvalid('Targets are set per town: name a town.', '目标值按街道（乡镇）设置，请选择街道（乡镇）。', { field: 'orgUnitId' });
    const { rows } = await tx.query<{ code: string; name_zh: string; archived_at: Date | null }>(
      'select code, name_zh, archived_at from indicator_definitions where code = $1 and (org_unit_id is null or org_unit_id = $2)',
      [code, town.id],
    );
    const def = rows[0];
    if (!def || def.archived_at !== null) throw notFound('indicator');
    if (body.target === null && body.warnBand !== undefined && body.warnBand !== null) {
      throw indicatorInvalid('A warning band needs a target.', '设置预警区间前请先设置目标值。', { field: 'warnBand' });
    }
    const { rows: before } = await tx.query<{ target: number; warn_band: number | null }>(
      'select target, warn_band from indicator_targets where code = $1 and org_unit_id = $2', [code, town.id],
    );
    if (body.target === null) {
      await tx.query('delete from indicator_targets where code = $1 and org_unit_id = $2', [code, town.id]);
    } else {
      await tx.query(
        `insert into indicator_targets (code, org_unit_id, target, warn_band, updated_by, updated_at) values ($1,$2,$3,$4,$5,$6)
         on conflict (code, org_unit_id) do update set target = excluded.target, warn_band = excluded.warn_band,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [code, town.id, body.target, body.warnBand ?? null, p.accountId, now],
      );
    }
    await appendAudit(tx, {
      at: now, actorId: p.accountId, actorName: p.name, ip: actor.ip, action: 'indicator.target',
      targetType: 'indicator', targetId: code, success: true,
      detail: {
        code, name: def.name_zh, townId: town.id, townName: town.name,
        before: before[0] ? { target: Number(before[0].target), warnBand: before[0].warn_band === null ? null : Number(before[0].warn_band) } : null,
        after: body.target === null ? null : { target: body.target, warnBand: body.warnBand ?? null },
      },
    });
  });
}
