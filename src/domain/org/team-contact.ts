import type { TeamRole } from '../../shared/org-levels.ts';
import type { Role } from '../../shared/roles.ts';
import { isWithinScope } from '../identity/scope.ts';

export interface TeamReader {
  roles: readonly Role[];
  scopePath: string | null;
  /** the grids whose team the reader belongs to */
  gridIds: readonly string[];
}

/** The roles that coordinate the grid teams inside their scope: they assign, call and check the people on them. */
const COORDINATORS: readonly Role[] = ['dispatcher', 'communityStaff', 'leader'];

/**
 * Who sees a grid team's phone numbers unmasked: those who coordinate the grid (dispatchers, community staff and
 * leaders whose scope covers it) and the grid's own team, who call each other. Everyone else sees 138****1111.
 */
export function seesTeamPhones(grid: { id: string; path: string }, r: TeamReader): boolean {
  if (r.gridIds.includes(grid.id)) return true;
  return r.roles.some((role) => COORDINATORS.includes(role)) && isWithinScope(grid.path, r.scopePath);
}

/**
 * Part-time grid workers (兼职网格员) and volunteers are residents, not staff: their phones are personal data,
 * so every unmasked read of them is audited. The others are staff, reached on their work phones.
 */
export const isResidentTeamRole = (role: TeamRole): boolean => role === 'partTime' || role === 'volunteer';
