import type { Geometry } from 'geojson';
import type { Db, Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { appendAudit, audit, type AuditEntry } from '../audit/audit-log.ts';
import { checkGridImport, asShape, type CommunityShape, type GridRejection, type Shape } from '../../domain/org/grid-import.ts';
import { isWithinScope } from '../../domain/identity/scope.ts';
import * as store from './store.ts';
import { gridsBeforeImport, registryFollowsImport } from '../registry/boundary-change.ts';

export interface GridFeature {
  geometry: unknown;
  properties: { code: string; name: string; communityCode: string; level?: 'grid' | 'dedicatedGrid'; kind?: string };
}

export interface GridImport {
  features: readonly GridFeature[];
  /** communities outside it are refused */
  scopePath: string;
  actor: Pick<AuditEntry, 'actorId' | 'actorName' | 'ip'>;
  now: Date;
}

/**
 * Imports grid boundaries all or nothing: any offending grid refuses the whole file with the list. The registry
 * follows the new boundaries in the same transaction (records change grid, or the import is refused when one would
 * lie in no grid). The audit entry of an import is written in its transaction; a refused import changes nothing, so its
 * entry has a transaction of its own.
 */
export async function importGrids(db: Db, c: GridImport) {
  const entry = { at: c.now, ...c.actor, action: 'org.import_grids', targetType: 'org_unit' };
  try {
    return await db.transaction(async (tx) => {
      const codes = c.features.map((f) => f.properties.code);
      const before = await gridsBeforeImport(tx, codes);
      const result = await writeGrids(tx, c.features, c.scopePath);
      const registry = await registryFollowsImport(tx, before, codes, c.scopePath, { at: c.now, actorId: c.actor.actorId, actorName: c.actor.actorName });
      await appendAudit(tx, { ...entry, success: true, detail: registry ? { ...result, registry } : result });
      return result;
    });
  } catch (err) {
    await audit(db, { ...entry, success: false, detail: { features: c.features.length, code: (err as { code?: string }).code ?? 'ERROR' } });
    throw err;
  }
}

/** The checks and the write of an import, inside the caller's transaction (a boundary save runs more in it). */
export async function writeGrids(tx: Tx, features: readonly GridFeature[], scopePath: string) {
  const communityCodes = [...new Set(features.map((f) => f.properties.communityCode))];
  const communityRows = (await store.findUnitsByCodes(tx, communityCodes))
    .filter((c) => c.level === 'community' && isWithinScope(c.path, scopePath));
  const communities = new Map<string, CommunityShape & { id: string; path: string }>(
    communityRows.map((c) => [c.code, { code: c.code, id: c.id, path: c.path, geometry: asShape(c.geometry) }]),
  );
  const existing = new Map((await store.findUnitsByCodes(tx, features.map((f) => f.properties.code))).map((u) => [u.code, u]));
  const misplaced: GridRejection[] = features.flatMap((f) => {
    const u = existing.get(f.properties.code);
    const community = communities.get(f.properties.communityCode);
    const ok = !u || (community && u.parent_id === community.id && u.level === (f.properties.level ?? 'grid'));
    return ok ? [] : [{ code: f.properties.code, problem: 'DUPLICATE_CODE' as const, detail: 'the code belongs to another unit' }];
  });
  const neighbours = await store.listGridsOfCommunities(tx, await siblingCommunityIds(tx, [...communities.values()]));
  const kept = neighbours.flatMap((g) => {
    const shape = asShape(g.geometry);
    return shape ? [{ code: g.code, geometry: shape as Shape }] : [];
  });
  const result = checkGridImport(
    features.map((f) => ({ code: f.properties.code, name: f.properties.name, communityCode: f.properties.communityCode, geometry: f.geometry })),
    communities,
    kept,
  );
  const rejections = [...misplaced, ...(result.ok ? [] : result.rejections)];
  if (rejections.length > 0 || !result.ok) {
    throw new AppError('GEOMETRY_REJECTED', `${rejections.length} grid(s) refused; nothing was imported.`,
      `${rejections.length} 个网格不合格，本次未导入任何数据。`, rejections);
  }
  const byCode = new Map(features.map((f) => [f.properties.code, f.properties]));
  let created = 0;
  for (const g of result.grids) {
    const community = communities.get(g.communityCode)!;
    const props = byCode.get(g.code)!;
    if (!existing.has(g.code)) created++;
    await store.upsertUnit(tx, {
      parentId: community.id, parentPath: community.path, level: props.level ?? 'grid', kind: props.kind ?? null,
      code: g.code, name: g.name, geometry: g.geometry as Geometry,
    });
  }
  await store.bumpGeometryRevision(tx);
  return { imported: result.grids.length, created, updated: result.grids.length - created };
}

/** Communities of the same towns, whose grids an imported grid must not overlap either. */
async function siblingCommunityIds(tx: Tx, communities: { path: string }[]): Promise<string[]> {
  const townPaths = [...new Set(communities.map((c) => c.path.replace(/[^/]+\/$/, '')))];
  const ids: string[] = [];
  for (const townPath of townPaths) {
    const rows = await store.listUnits(tx, { scopePath: townPath, level: 'community', limit: 10_000 });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
