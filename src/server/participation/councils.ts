// 三会: one council per grid (网格邻里会), community (社区评议会) and town (街道联席会), each led by its party organisation.
// Made for the seeded tree by seedCouncils, and here, lazily, for any unit added later.
import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import type { CouncilLevel } from '../../shared/participation.ts';

export interface CouncilRow {
  id: string;
  org_unit_id: string;
  org_path: string;
  level: CouncilLevel;
  name: string;
  party_org: string;
  leader_name: string | null;
  created_at: Date;
  updated_at: Date;
}

export const COUNCIL_COLUMNS = 'c.id, c.org_unit_id, c.org_path, c.level, c.name, c.party_org, c.leader_name, c.created_at, c.updated_at';

/** The council's name and party organisation for a unit of that level and name (zh). */
export function councilNaming(level: CouncilLevel, unitName: string): { name: string; partyOrg: string } {
  switch (level) {
    case 'grid': return { name: `${unitName}邻里会`, partyOrg: `${unitName}党小组` };
    case 'community': return { name: `${unitName}评议会`, partyOrg: `${unitName}党委` };
    case 'town': return { name: `${unitName}联席会`, partyOrg: `${unitName}党工委` };
  }
}

/** The unit levels that have a council; a micro or dedicated grid's council is its grid's. */
const COUNCIL_UNIT_LEVELS: readonly string[] = ['grid', 'community', 'town'];

/**
 * The council of a grid, community or town (a micro or dedicated grid: its grid's), made on first use. Two callers at
 * once meet the unique org_unit_id: both get the one row.
 */
export async function councilOfUnit(tx: Tx, orgUnitId: string, now: Date): Promise<CouncilRow> {
  const unit = await tx.query<{ id: string; level: string; name: string; path: string; parent_id: string | null }>(
    'select id, level, name, path, parent_id from org_units where id = $1', [orgUnitId]);
  const u = unit.rows[0];
  if (!u) throw new AppError('NOT_FOUND', 'No such unit.', '没有这个单位。');
  if ((u.level === 'microGrid' || u.level === 'dedicatedGrid') && u.parent_id) return councilOfUnit(tx, u.parent_id, now);
  if (!COUNCIL_UNIT_LEVELS.includes(u.level)) {
    throw new AppError('PARTICIPATION_INVALID', 'Councils sit at grids, communities and towns only.', '议事会只设在网格、社区和街道（乡镇）。');
  }
  const existing = await tx.query<CouncilRow>(`select ${COUNCIL_COLUMNS} from councils c where c.org_unit_id = $1`, [u.id]);
  if (existing.rows[0]) return existing.rows[0];
  const level = u.level as CouncilLevel;
  const naming = councilNaming(level, u.name);
  await tx.query(
    `insert into councils (org_unit_id, org_path, level, name, party_org, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $6) on conflict (org_unit_id) do nothing`,
    [u.id, u.path, level, naming.name, naming.partyOrg, now]);
  const made = await tx.query<CouncilRow>(`select ${COUNCIL_COLUMNS} from councils c where c.org_unit_id = $1`, [u.id]);
  return made.rows[0]!;
}

/** The council one level up (grid → community → town); null for a town's. */
export async function parentCouncil(tx: Tx, council: CouncilRow, now: Date): Promise<CouncilRow | null> {
  if (council.level === 'town') return null;
  const parent = await tx.query<{ parent_id: string | null }>('select parent_id from org_units where id = $1', [council.org_unit_id]);
  let unitId = parent.rows[0]?.parent_id ?? null;
  // walk up past units without a council level (none in the usual tree; kept safe)
  for (let i = 0; unitId && i < 4; i++) {
    const u = await tx.query<{ level: string; parent_id: string | null }>('select level, parent_id from org_units where id = $1', [unitId]);
    if (!u.rows[0]) return null;
    if (COUNCIL_UNIT_LEVELS.includes(u.rows[0].level)) return councilOfUnit(tx, unitId, now);
    unitId = u.rows[0].parent_id;
  }
  return null;
}

export async function councilById(tx: Tx, id: string): Promise<CouncilRow | null> {
  const r = await tx.query<CouncilRow>(`select ${COUNCIL_COLUMNS} from councils c where c.id = $1`, [id]);
  return r.rows[0] ?? null;
}
