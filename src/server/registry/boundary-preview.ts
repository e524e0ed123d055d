import type { Static } from '@sinclair/typebox';
import type { Db } from '../platform/db/db.ts';
import type { MovingKind, RecordMove } from '../../domain/registry/boundary-moves.ts';
import { checkRedrawn, lockRedrawn, planBoundaryChange, redrawnUnits, type BoundaryPlan, type RedrawnUnit } from './boundary-change.ts';
import { listTownGrids } from './boundary-store.ts';
import { BOUNDARY_PREVIEW_ITEMS, type BoundaryPreview } from './boundary-schemas.ts';

/**
 * What saving these boundaries would do, without doing it: the import's checks (422 GEOMETRY_REJECTED as the save
 * would answer), then the registry records that change grid, those left in no grid, and the open cases on ground that
 * changes grid. Read in a transaction that writes nothing.
 */
export async function previewBoundaryChange(db: Db, id: string, body: { geometry?: unknown; units?: readonly RedrawnUnit[] }, scopePath: string): Promise<Static<typeof BoundaryPreview>> {
  const units = redrawnUnits(id, body);
  return db.transaction(async (tx) => {
    const locked = await lockRedrawn(tx, units, scopePath);
    checkRedrawn(locked, units, await listTownGrids(tx, locked[0]!.town_id));
    return presentPreview(await planBoundaryChange(tx, locked, units, scopePath), locked);
  });
}

const PLURAL: Record<MovingKind, keyof Static<typeof BoundaryPreview>['moves']> = {
  building: 'buildings', household: 'households', resident: 'residents', place: 'places', thing: 'things', hazard: 'hazards',
};

/** 张三 → 张*, 欧阳明华 → 欧**华: a resident is told apart in the preview, not named to whoever draws boundaries. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

function presentPreview(plan: BoundaryPlan, locked: readonly { id: string; name: string }[]): Static<typeof BoundaryPreview> {
  const ref = (gridId: string) => ({ id: gridId, name: plan.grids.get(gridId)?.name ?? '' });
  const moves = Object.fromEntries(Object.values(PLURAL).map((k) => [k, { count: 0, items: [] as Static<typeof BoundaryPreview>['moves']['buildings']['items'] }])) as Static<typeof BoundaryPreview>['moves'];
  const nameOf = (m: Pick<RecordMove, 'kind' | 'name'>) => (m.kind === 'resident' ? maskPersonName(m.name) : m.name);
  for (const m of plan.outcome.moves) {
    const bucket = moves[PLURAL[m.kind]];
    bucket.count++;
    if (bucket.items.length < BOUNDARY_PREVIEW_ITEMS) bucket.items.push({ id: m.id, name: nameOf(m), from: ref(m.fromGridId), to: ref(m.toGridId) });
  }
  const outside = plan.outcome.outside;
  return {
    units: locked.map((u) => ({ id: u.id, name: u.name })),
    moves,
    total: plan.outcome.moves.length,
    openCases: plan.outcome.openCases.map((c) => ({ id: c.id, number: c.number, from: ref(c.fromGridId), to: c.toGridId ? ref(c.toGridId) : null })),
    reasonRequired: plan.outcome.moves.length > 0,
    refused: outside.length === 0 ? null : {
      count: outside.length,
      items: outside.slice(0, BOUNDARY_PREVIEW_ITEMS).map((r) => ({ kind: r.kind, id: r.id, name: nameOf(r), grid: ref(r.gridId) })),
    },
  };
}
