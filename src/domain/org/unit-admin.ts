import { PARENT_LEVEL, type OrgLevel } from '../../shared/org-levels.ts';
import { holdsAnyRole, ORG_EDITORS, type Role } from '../../shared/roles.ts';

/** The levels an administrator creates inside a town; cities, districts and towns come with the division codes. */
export const ADMINISTERED_LEVELS = ['community', 'grid', 'dedicatedGrid', 'microGrid'] as const satisfies readonly OrgLevel[];
export type AdministeredLevel = (typeof ADMINISTERED_LEVELS)[number];

export const isAdministered = (level: OrgLevel): level is AdministeredLevel => (ADMINISTERED_LEVELS as readonly string[]).includes(level);

export interface NewUnitDraft {
  level: AdministeredLevel;
  code: string;
  name: string;
  parent: { level: OrgLevel; code: string };
}

export type UnitProblem = 'LEVEL_NOT_UNDER_PARENT' | 'CODE_NOT_UNDER_PARENT' | 'CODE_OUT_OF_RANGE' | 'NAME_REQUIRED';

/**
 * A code extends its parent's (统计用区划代码): a community takes the town's 9 digits and 3 of its own (001–999), a grid
 * the community's 12 and 001–899, a dedicated grid (school, park, hospital …) the community's 12 and 901–999, a
 * micro-grid the grid's 15 and 01–99.
 */
const CODE_RULES: Record<AdministeredLevel, { parentDigits: number; own: number; min: number; max: number }> = {
  community: { parentDigits: 9, own: 3, min: 1, max: 999 },
  grid: { parentDigits: 12, own: 3, min: 1, max: 899 },
  dedicatedGrid: { parentDigits: 12, own: 3, min: 901, max: 999 },
  microGrid: { parentDigits: 15, own: 2, min: 1, max: 99 },
};

export function newUnitProblems(d: NewUnitDraft): UnitProblem[] {
  const problems: UnitProblem[] = [];
  if (PARENT_LEVEL[d.level] !== d.parent.level) problems.push('LEVEL_NOT_UNDER_PARENT');
  const rule = CODE_RULES[d.level];
  const prefix = d.parent.code.slice(0, rule.parentDigits);
  const own = d.code.slice(rule.parentDigits);
  if (d.code.length !== rule.parentDigits + rule.own || !d.code.startsWith(prefix) || !/^\d+$/.test(d.code)) {
    problems.push('CODE_NOT_UNDER_PARENT');
  } else if (Number(own) < rule.min || Number(own) > rule.max) {
    problems.push('CODE_OUT_OF_RANGE');
  }
  if (d.name.trim().length === 0) problems.push('NAME_REQUIRED');
  return problems;
}

/** The levels an administrator may create under a unit of this level (a town takes communities, a community grids …). */
export function childLevels(parent: OrgLevel): AdministeredLevel[] {
  return ADMINISTERED_LEVELS.filter((l) => PARENT_LEVEL[l] === parent);
}

/** The digits of the parent's code that a new unit's code starts with. */
export const codePrefix = (level: AdministeredLevel, parentCode: string): string => parentCode.slice(0, CODE_RULES[level].parentDigits);

/** The first free code of a new unit under its parent: the parent's prefix and the lowest free number of the level's range. */
export function suggestCode(level: AdministeredLevel, parentCode: string, takenCodes: readonly string[]): string {
  const rule = CODE_RULES[level];
  const prefix = codePrefix(level, parentCode);
  const taken = new Set(takenCodes);
  for (let n = rule.min; n <= rule.max; n++) {
    const code = prefix + String(n).padStart(rule.own, '0');
    if (!taken.has(code)) return code;
  }
  return prefix;
}

/** Levels whose boundary is the grid map's and goes through the same checks as a GeoJSON import. */
export const isGridLike = (level: OrgLevel): boolean => level === 'grid' || level === 'dedicatedGrid';

/** Units that retire with their parent: a grid's micro-grids are parts of it (cases are located to the grid). */
export function retiresAlong(level: OrgLevel): OrgLevel | null {
  return level === 'grid' ? 'microGrid' : null;
}

/** The registry records (人房地物) still on a unit, by kind: buildings, households and places, things not retired, residents not left. */
export interface RegistryHeld { building: number; household: number; resident: number; place: number; thing: number }

export type RetireRefusal = { openCases: number } | { liveChildren: number } | { registry: RegistryHeld };

/**
 * A unit retires only once nothing lives on it: no unit under it still in use, no open case in its area, and no
 * registry record on it (they would sit on a grid no list, map or locator shows; a boundary change moves them first).
 */
export function retireRefusal(s: { openCases: number; liveChildren: number; registry?: RegistryHeld }): RetireRefusal | null {
  if (s.liveChildren > 0) return { liveChildren: s.liveChildren };
  if (s.openCases > 0) return { openCases: s.openCases };
  if (s.registry && Object.values(s.registry).some((n) => n > 0)) return { registry: s.registry };
  return null;
}

/** A unit as a move sees it: where it hangs, in which town, and whether it is still in use. */
export interface MovePlace {
  id: string;
  level: OrgLevel;
  path: string;
  townId: string | null;
  retired: boolean;
}

export type MoveProblem = 'NOT_MOVABLE' | 'RETIRED' | 'SAME_PARENT' | 'LEVEL_NOT_UNDER_PARENT' | 'OTHER_TOWN' | 'INTO_ITSELF';

/**
 * Whether a unit may hang under another parent: a grid or dedicated grid under another community, a micro-grid under
 * another grid, always inside the unit's own town (a town's cases, posts and routing stay its own), never under itself
 * or one of its own units, and neither of them retired. The boundary check comes after (the import's).
 */
export function moveProblems(unit: MovePlace & { parentId: string | null }, target: MovePlace): MoveProblem[] {
  if (!isAdministered(unit.level)) return ['NOT_MOVABLE'];
  const problems: MoveProblem[] = [];
  if (unit.retired || target.retired) problems.push('RETIRED');
  if (target.id === unit.parentId) problems.push('SAME_PARENT');
  if (target.path.startsWith(unit.path)) problems.push('INTO_ITSELF');
  else if (PARENT_LEVEL[unit.level] !== target.level) problems.push('LEVEL_NOT_UNDER_PARENT');
  if (unit.townId === null || unit.townId !== target.townId) problems.push('OTHER_TOWN');
  return problems;
}

/**
 * The code a moved unit takes under its new parent: its own number if free there, else the lowest free one of its
 * level's range (the codes of retired units stay taken).
 */
export function movedCode(level: AdministeredLevel, code: string, newParentCode: string, takenCodes: readonly string[]): string {
  const rule = CODE_RULES[level];
  const kept = codePrefix(level, newParentCode) + code.slice(rule.parentDigits);
  return takenCodes.includes(kept) ? suggestCode(level, newParentCode, takenCodes) : kept;
}

/** The code or path of a unit under a moved one: the moved unit's new prefix in place of its old one. */
export function rebased(value: string, oldPrefix: string, newPrefix: string): string {
  return value.startsWith(oldPrefix) ? newPrefix + value.slice(oldPrefix.length) : value;
}

/**
 * Team members whose account would no longer see the moved grid: their scope holds the grid's old place but not its
 * new one (a scope inside the moved grid moves along; a community's worker on the team of a grid that leaves the community). The move waits for the team.
 */
export function strandedMembers<M extends { scopePath: string | null }>(members: readonly M[], oldPath: string, newPath: string): M[] {
  return members.filter((m) => m.scopePath !== null && !newPath.startsWith(rebased(m.scopePath, oldPath, newPath)));
}

/** What may be done to a unit (its `policies`): create a unit under it, rename, move, retire it, edit its boundary (and read its history). */
export const UNIT_ACTIONS = ['createChild', 'rename', 'move', 'retire', 'editBoundary'] as const;
export type UnitAction = (typeof UNIT_ACTIONS)[number];

/**
 * The actions an org editor may take on a unit of their territory now: a town, community or grid takes units under it;
 * communities, grids, dedicated grids and micro-grids are renamed and retired; all but communities (whose parent is
 * the town, and a unit stays in its town) move; grids and dedicated grids have their boundary edited. A retired unit
 * takes none. Whether a retirement or a move is refused for what lives on the unit is told when it is asked.
 */
export function unitPolicies(unit: { level: OrgLevel; path: string; retired: boolean }, caller: { roles: readonly Role[]; scopePath: string | null }): UnitAction[] {
  if (unit.retired || !holdsAnyRole(caller.roles, ORG_EDITORS) || caller.scopePath === null || !unit.path.startsWith(caller.scopePath)) return [];
  const own = isAdministered(unit.level);
  const allowed: Record<UnitAction, boolean> = {
    createChild: childLevels(unit.level).length > 0,
    rename: own,
    move: own && unit.level !== 'community',
    retire: own,
    editBoundary: isGridLike(unit.level),
  };
  return UNIT_ACTIONS.filter((a) => allowed[a]);
}
