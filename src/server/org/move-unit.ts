import type { Db } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { checkGridImport, asShape, type CommunityShape, type GridRejection } from '../../domain/org/grid-import.ts';
import { territorialScope } from '../../domain/identity/scope.ts';
import { moveProblems, movedCode, strandedMembers, type AdministeredLevel, type MovePlace } from '../../domain/org/unit-admin.ts';
import { codesStartingWith, findMovePlace, moveSubtree, teamAccountsUnder, type MoveRow } from './unit-admin-store.ts';
import { codeTaken, moveOutsideParent, moveRefused, moveStrandsTeam } from './unit-admin-errors.ts';
import { bumpGeometryRevision } from './store.ts';
import type { OrgCommand } from './org-command.ts';
import { rewriteRegistryPaths } from '../registry/boundary-store.ts';

/**
 * Where a unit's boundary would lie outside a new parent's: the import's check (`checkGridImport`, inside the
 * community within its tolerance), with the rejections; empty when it fits or either has no boundary.
 */
export function outsideParent(unit: { code: string; name: string; geometry: unknown }, parent: { code: string; geometry: unknown }): GridRejection[] {
  const shape = asShape(unit.geometry);
  const parentShape = asShape(parent.geometry);
  if (!shape || !parentShape) return [];
  const inside = new Map<string, CommunityShape>([[parent.code, { code: parent.code, geometry: parentShape }]]);
  const checked = checkGridImport([{ code: unit.code, name: unit.name, communityCode: parent.code, geometry: shape }], inside, []);
  return checked.ok ? [] : checked.rejections;
}

const place = (u: MoveRow): MovePlace => ({ id: u.id, level: u.level, path: u.path, townId: u.town_id, retired: u.retired_at !== null });

/**
 * Hangs a grid under another community of its town, or a micro-grid under another grid, with everything that hangs
 * below it, every case located in it and its registry records (their path follows, their grid stays). The unit keeps
 * its id, name, boundary and team; its code and path take the new parent's (its own number when free). A boundary must lie inside the new parent (the import's check; overlaps
 * cannot change, the boundary and the town staying the same), and no team member may lose sight of the grid.
 * All of it, with its audit entry, in one transaction. Returns the new code.
 */
export async function moveUnit(db: Db, id: string, parentId: string, c: OrgCommand): Promise<string> {
  return db.transaction(async (tx) => {
    const unit = await findMovePlace(tx, id, c.scopePath);
    const parent = unit && await findMovePlace(tx, parentId, c.scopePath);
    if (!unit) throw notFound('organisation unit');
    if (!parent) throw notFound('parent unit');
    const problems = moveProblems({ ...place(unit), parentId: unit.parent_id }, place(parent));
    if (problems.length > 0) throw moveRefused(problems);
    const level = unit.level as AdministeredLevel;
    const newCode = movedCode(level, unit.code, parent.code, await codesStartingWith(tx, parent.code));
    if (newCode === parent.code) throw codeTaken(newCode);
    const outside = outsideParent(unit, parent);
    if (outside.length > 0) throw moveOutsideParent(outside);
    const newPath = `${parent.path}${unit.id}/`;
    const members = (await teamAccountsUnder(tx, unit.path))
      .map((m) => ({ name: m.name, accountId: m.account_id, scopePath: territorialScope(m.roles, m.scope_path) }));
    const stranded = strandedMembers(members, unit.path, newPath);
    if (stranded.length > 0) throw moveStrandsTeam(stranded.map(({ name, accountId }) => ({ name, accountId })));
    const moved = await moveSubtree(tx, { id, parentId: parent.id, oldPath: unit.path, newPath, oldCode: unit.code, newCode, now: c.now });
    const registry = await rewriteRegistryPaths(tx, unit.path, newPath);
    await bumpGeometryRevision(tx);
    await appendAudit(tx, {
      at: c.now, ...c.actor, action: 'org.move_unit', targetType: 'org_unit', targetId: id, success: true,
      detail: { level: unit.level, name: unit.name, fromParentId: unit.parent_id, toParentId: parent.id, fromCode: unit.code, toCode: newCode, ...moved, registry },
    });
    return newCode;
  });
}
