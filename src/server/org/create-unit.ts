import type { Geometry } from 'geojson';
import type { Db } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit, type AuditEntry } from '../audit/audit-log.ts';
import { asShape } from '../../domain/org/grid-import.ts';
import { isGridLike, newUnitProblems, type AdministeredLevel } from '../../domain/org/unit-admin.ts';
import { importGrids } from './import-grids.ts';
import { findUnitToAdminister, insertUnit } from './unit-admin-store.ts';
import { codeTaken, geometryInvalid, unitRefused, unitRetired } from './unit-admin-errors.ts';
import * as store from './store.ts';

export interface NewUnitInput {
  parentId: string;
  level: AdministeredLevel;
  code: string;
  name: string;
  kind?: string | null;
  geometry?: unknown;
}

type Actor = Pick<AuditEntry, 'actorId' | 'actorName' | 'ip'>;

/**
 * Creates a community, grid, dedicated grid or micro-grid under a unit of the administrator's scope. A grid or dedicated
 * grid comes with its boundary and goes through the GeoJSON import's checks (inside its community, no overlap).
 */
export async function createUnit(db: Db, input: NewUnitInput, scopePath: string, actor: Actor, now: Date): Promise<string> {
  const name = input.name.trim();
  const parent = await db.transaction((tx) => findUnitToAdminister(tx, input.parentId, scopePath));
  if (!parent) throw notFound('parent unit');
  if (parent.retired_at) throw unitRetired();
  const problems = newUnitProblems({ level: input.level, code: input.code, name, parent: { level: parent.level, code: parent.code } });
  if (problems.length > 0) throw unitRefused(problems);
  if (isGridLike(input.level)) {
    if ((await store.findUnitsByCodes(db, [input.code])).length > 0) throw codeTaken(input.code);
    await importGrids(db, {
      features: [{ geometry: input.geometry, properties: { code: input.code, name, communityCode: parent.code, level: input.level as 'grid' | 'dedicatedGrid', kind: input.kind ?? undefined } }],
      scopePath, actor, now,
    });
    return (await store.findUnitsByCodes(db, [input.code]))[0]!.id;
  }
  const geometry = input.geometry === undefined || input.geometry === null ? null : asShape(input.geometry);
  if (input.geometry && !geometry) throw geometryInvalid();
  return db.transaction(async (tx) => {
    const id = await insertUnit(tx, { parentId: parent.id, parentPath: parent.path, level: input.level, kind: input.kind ?? null, code: input.code, name, geometry: geometry as Geometry | null });
    if (!id) throw codeTaken(input.code);
    await appendAudit(tx, { at: now, ...actor, action: 'org.create_unit', targetType: 'org_unit', targetId: id, success: true, detail: { level: input.level, code: input.code, name } });
    return id;
  });
}
