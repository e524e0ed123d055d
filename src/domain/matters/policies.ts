// What a caller may do to a town's duty catalog and its matters, sent with them (`policies`) so the web never
// re-derives it from roles.
import { CATALOG_EDITORS, holdsAnyRole, type Role } from '../../shared/roles.ts';

export const MATTER_ACTIONS = ['edit', 'retire'] as const;
export type MatterAction = (typeof MATTER_ACTIONS)[number];
export const CATALOG_ACTIONS = ['create'] as const;
export type CatalogAction = (typeof CATALOG_ACTIONS)[number];

/**
 * Whether the caller edits this town's catalog: a catalog editor (admin, leader) whose territory holds the town or
 * lies in it (a town's own leaders, a district's or the city's admin) — the town the edit routes resolve for them.
 */
export function editsCatalog(caller: { roles: readonly Role[]; scopePath: string | null }, townPath: string): boolean {
  const scope = caller.scopePath;
  return holdsAnyRole(caller.roles, CATALOG_EDITORS) && scope !== null && (townPath.startsWith(scope) || scope.startsWith(townPath));
}

/** A matter's current version in use is edited (a new version) and retired; earlier versions and retired ones are history. */
export function matterPolicies(m: { current: boolean; retired: boolean }, editor: boolean): MatterAction[] {
  return editor && m.current && !m.retired ? [...MATTER_ACTIONS] : [];
}

export const catalogPolicies = (editor: boolean): CatalogAction[] => (editor ? [...CATALOG_ACTIONS] : []);
