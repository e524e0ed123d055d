import type { Tx } from '../platform/db/db.ts';
import { STANDARD_INDICATORS } from '../../domain/indicators/standard.ts';

/**
 * The standard catalog of indicators (src/domain/indicators/standard.ts), written by the base seed so every database
 * has it. Idempotent: a standard row already there keeps what it holds (an upgrade of the catalog is a migration).
 */
export async function seedIndicators(tx: Tx, now: Date): Promise<number> {
  let added = 0;
  for (const [sort, d] of STANDARD_INDICATORS.entries()) {
    const { rowCount } = await tx.query(
      `insert into indicator_definitions (code, org_unit_id, org_path, name_zh, name_en, description, board, unit, direction,
         formula, target, warn_band, standard, sort, created_at, updated_at)
       values ($1, null, null, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, true, $11, $12, $12)
       on conflict (code) do nothing`,
      [d.code, d.nameZh, d.nameEn, d.description, d.board, d.unit, d.direction, JSON.stringify(d.formula), d.target, d.warnBand, (sort + 1) * 10, now],
    );
    added += rowCount ?? 0;
  }
  return added;
}
