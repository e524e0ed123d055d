import { hasTerritory, type Role } from '../../shared/roles.ts';

/**
 * Scopes are OrgUnit subtrees. Each OrgUnit carries a materialised path of ids
 * ("/city/district/town/"), so "inside the scope" is a prefix test that the store
 * can express in SQL with the same meaning.
 */
export function pathOf(ancestorIds: readonly string[]): string {
  return `/${ancestorIds.join('/')}/`;
}

export function isWithinScope(unitPath: string, scopePath: string | null): boolean {
  if (scopePath === null) return false;
  return unitPath.startsWith(scopePath);
}

export function idsOnPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/** The subtree an account sees: its scope if one of its roles is territorial, else none (departments, auditors). */
export function territorialScope(roles: readonly Role[], scopePath: string | null): string | null {
  return hasTerritory(roles) ? scopePath : null;
}
