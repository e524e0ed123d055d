import { describe, expect, it } from 'vitest';
import { isResidentTeamRole, seesTeamPhones, type TeamReader } from '../../../src/domain/org/team-contact.ts';
import { TEAM_ROLES } from '../../../src/shared/org-levels.ts';

const GRID = { id: 'g', path: '/c/d/t/m/g/' };
const reader = (over: Partial<TeamReader>): TeamReader => ({ roles: [], scopePath: null, gridIds: [], ...over });

describe('seesTeamPhones: those who coordinate the grid, and its own team', () => {
  it.each<[string, TeamReader, boolean]>([
    ['the town dispatcher', reader({ roles: ['dispatcher'], scopePath: '/c/d/t/' }), true],
    ['a dispatcher of another town', reader({ roles: ['dispatcher'], scopePath: '/c/d/t2/' }), false],
    ['community staff of the grid\'s community', reader({ roles: ['communityStaff'], scopePath: '/c/d/t/m/' }), true],
    ['community staff of another community', reader({ roles: ['communityStaff'], scopePath: '/c/d/t/m2/' }), false],
    ['a leader of the town', reader({ roles: ['leader'], scopePath: '/c/d/t/' }), true],
    ['a leader of another town', reader({ roles: ['leader'], scopePath: '/c/d/t2/' }), false],
    ['the grid\'s own grid worker', reader({ roles: ['gridWorker'], scopePath: '/c/d/t/m/g/', gridIds: ['g'] }), true],
    ['a grid worker of another grid', reader({ roles: ['gridWorker'], scopePath: '/c/d/t/m/g2/', gridIds: ['g2'] }), false],
    ['a post holder of the town', reader({ roles: ['handler'], scopePath: '/c/d/t/' }), false],
    ['an admin of the city', reader({ roles: ['admin'], scopePath: '/c/' }), false],
    ['a district department', reader({ roles: ['department'], scopePath: '/c/d/' }), false],
    ['an account without a scope', reader({ roles: ['dispatcher'] }), false],
  ])('%s → %s', (_label, r, sees) => {
    expect(seesTeamPhones(GRID, r)).toBe(sees);
  });
});

describe('isResidentTeamRole', () => {
  it('is the part-time grid workers and the volunteers, not the staff of the team', () => {
    expect(TEAM_ROLES.filter(isResidentTeamRole)).toEqual(['partTime', 'volunteer']);
  });
});
